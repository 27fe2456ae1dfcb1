'use strict';
/*
 * The patient's course as one chart (ECharts, canvas): CRS and ICANS day grades as step lines on 0-4 with a
 * separate "not assessed" row (a day without the data is never drawn as 0), corticosteroid exposure as daily
 * dexamethasone-equivalent bars with the tapers marked, lanes for vasopressor, tocilizumab and anakinra days
 * and for each flag, and the onset and resolution of each spell. Colours are the Okabe-Ito palette (safe for
 * the common colour-vision deficiencies), and every series also differs by line style or symbol, so the chart
 * reads in greyscale print too.
 */
const CourseChart = (() => {
  const COLOURS = {
    crs: '#0072B2', icans: '#D55E00', steroid: '#999999', taper: '#000000',
    vasopressor: '#E69F00', tocilizumab: '#009E73', anakinra: '#CC79A7', flag: '#56B4E9', spell: '#555555',
  };
  const NOT_ASSESSED_ROW = -0.7;
  const FLAG_NAMES = {
    'icans-onset': 'ICANS onset', 'icans-high-grade': 'High-grade ICANS', seizure: 'Seizure',
    'cerebral-edema': 'Cerebral oedema', 'motor-weakness': 'Motor weakness', 'pres-suspected': 'PRES suspected',
    'steroid-taper-rebound': 'Steroid taper rebound', 'delayed-neurotoxicity': 'Delayed neurotoxicity',
    'peripheral-neurotoxicity': 'Peripheral neurotoxicity', 'hypertension-grade3': 'Hypertension grade 3',
  };
  let chart = null;

  function dexPerDay(day) {
    return day.drugs.filter((d) => d.category === 'CORTICOSTEROID' && d.dexamethasoneEquivalentMg != null)
      .reduce((sum, d) => sum + d.dexamethasoneEquivalentMg, 0);
  }

  function given(day, test) {
    return day.drugs.some(test);
  }

  /** Runs of consecutive days (indexes) on which {@code test} holds: [[from, to], ...]. */
  function runs(days, test) {
    const out = [];
    let start = null;
    days.forEach((day, i) => {
      if (test(day)) {
        if (start === null) start = i;
      } else if (start !== null) {
        out.push([start, i - 1]);
        start = null;
      }
    });
    if (start !== null) out.push([start, days.length - 1]);
    return out;
  }

  function lane(label, ranges, y0, y1, colour, days) {
    return ranges.map(([from, to]) => [
      { name: label, xAxis: days[from].label, yAxis: y0, itemStyle: { color: colour, opacity: 0.45 },
        label: { show: true, position: 'insideLeft', color: '#000', fontSize: 11, formatter: label,
          backgroundColor: 'rgba(255,255,255,0.75)', padding: [0, 2] } },
      { xAxis: days[to].label, yAxis: y1 },
    ]);
  }

  /** The chart's model: what is drawn, also read by the tests and the day table. */
  function model(episode) {
    const days = episode.days.map((d) => ({ ...d, label: 'D' + d.day + '\n' + d.date.slice(5) }));
    const grade = (s) => days.map((d) => (d.grades[s].grade == null ? null : d.grades[s].grade));
    const notAssessed = (s, offset) => days.map((d) => (d.grades[s].grade == null ? NOT_ASSESSED_ROW + offset : null));
    const flagCodes = [...new Set(days.flatMap((d) => d.activeFlags))];
    const flagSpans = flagCodes.map((code) => ({
      code, name: FLAG_NAMES[code] || code,
      ranges: runs(days, (d) => d.activeFlags.includes(code)).map(([a, b]) => [days[a].day, days[b].day]),
    }));
    const tapers = (episode.tapers || []).filter((t) => t.startDay < days.length);
    return {
      days, crs: grade('crs'), icans: grade('icans'),
      crsNotAssessed: notAssessed('crs', 0.15), icansNotAssessed: notAssessed('icans', -0.15),
      dex: days.map(dexPerDay),
      vasopressor: runs(days, (d) => given(d, (x) => x.category === 'VASOPRESSOR')),
      tocilizumab: runs(days, (d) => given(d, (x) => x.agent === 'tocilizumab')),
      anakinra: runs(days, (d) => given(d, (x) => x.agent === 'anakinra')),
      flagSpans, tapers, spells: episode.spells || [],
    };
  }

  function acuteEnd(m) {
    let last = 0;
    m.days.forEach((d, i) => {
      if (m.crs[i] > 0 || m.icans[i] > 0 || m.dex[i] > 0) last = i;
    });
    return Math.min(m.days.length - 1, Math.max(last + 7, 14));
  }

  function option(m) {
    const labels = m.days.map((d) => d.label);
    const lanes = [];
    lanes.push(...lane('Vasopressor', m.vasopressor, 4.35, 4.75, COLOURS.vasopressor, m.days));
    lanes.push(...lane('Tocilizumab', m.tocilizumab, 4.8, 5.2, COLOURS.tocilizumab, m.days));
    lanes.push(...lane('Anakinra', m.anakinra, 4.8, 5.2, COLOURS.anakinra, m.days));
    m.flagSpans.forEach((f, i) => {
      const y0 = 5.3 + i * 0.45;
      const ranges = f.ranges.map(([a, b]) => [m.days.findIndex((d) => d.day === a), m.days.findIndex((d) => d.day === b)]);
      lanes.push(...lane(f.name, ranges, y0, y0 + 0.4, COLOURS.flag, m.days));
    });
    const top = 5.3 + Math.max(1, m.flagSpans.length) * 0.45;
    const spellLines = [];
    m.spells.forEach((s) => {
      const name = s.syndrome.toUpperCase();
      spellLines.push({ xAxis: m.days[s.onsetDay] ? m.days[s.onsetDay].label : null, name: name + ' onset' });
      if (s.resolvedDay != null && m.days[s.resolvedDay]) {
        spellLines.push({ xAxis: m.days[s.resolvedDay].label, name: name + ' resolved' });
      }
    });
    return {
      animation: false,
      aria: { enabled: true },
      color: [COLOURS.crs, COLOURS.icans],
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      legend: { top: 0, data: ['CRS', 'ICANS', 'CRS not assessed', 'ICANS not assessed', 'Dexamethasone eq. mg/day', 'Steroid taper'] },
      grid: { left: 95, right: 70, top: 40, bottom: 70 },
      // Drawn on the canvas: an HTML tooltip would need inline styles, which the page's CSP refuses.
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
      // Opens on the acute course (to a week after the last grade or steroid dose); the slider shows the rest.
      dataZoom: [{ type: 'slider', bottom: 8, height: 18, startValue: 0, endValue: acuteEnd(m) }],
      xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 10 } },
      yAxis: [
        { type: 'value', min: -1, max: top, interval: 1, name: 'Grade',
          axisLabel: { formatter: (v) => (v < 0 ? 'not assessed' : v <= 4 ? String(v) : '') },
          splitLine: { lineStyle: { type: 'dotted' } } },
        // Scaled so that the bars stay below the lanes (about half the height).
        { type: 'value', name: 'Dex eq. mg', position: 'right', splitLine: { show: false }, min: 0,
          max: Math.max(10, Math.ceil((Math.max(...m.dex) * 2.2) / 10) * 10) },
      ],
      series: [
        { name: 'Dexamethasone eq. mg/day', type: 'bar', yAxisIndex: 1, data: m.dex, barMaxWidth: 10,
          itemStyle: { color: COLOURS.steroid, opacity: 0.35 }, z: 1 },
        { name: 'Steroid taper', type: 'scatter', yAxisIndex: 1, symbol: 'arrow', symbolRotate: 180, symbolSize: 14,
          itemStyle: { color: COLOURS.taper },
          data: m.tapers.map((t, i) => ({ value: [m.days[t.startDay].label, m.dex[t.startDay]], name: 'taper ' + (i + 1) })),
          label: { show: true, position: 'top', formatter: (p) => p.name, fontSize: 10 } },
        { name: 'CRS', type: 'line', step: 'middle', data: m.crs, connectNulls: false, symbol: 'circle', symbolSize: 7,
          lineStyle: { width: 3, color: COLOURS.crs }, itemStyle: { color: COLOURS.crs }, z: 5,
          // The lanes sit above grade 4 on the grade axis: drugs, then one lane per flag.
          markArea: { silent: true, data: lanes },
          markLine: { symbol: 'none', silent: true, lineStyle: { color: COLOURS.spell, type: 'dashed', width: 1 },
            label: { formatter: (p) => p.name, fontSize: 9, position: 'insideEndBottom', rotate: 90 },
            data: spellLines.filter((l) => l.xAxis) } },
        { name: 'ICANS', type: 'line', step: 'middle', data: m.icans, connectNulls: false, symbol: 'diamond', symbolSize: 9,
          lineStyle: { width: 3, type: 'dashed', color: COLOURS.icans }, itemStyle: { color: COLOURS.icans }, z: 6 },
        { name: 'CRS not assessed', type: 'scatter', data: m.crsNotAssessed, symbol: 'emptyCircle', symbolSize: 7,
          itemStyle: { color: COLOURS.crs } },
        { name: 'ICANS not assessed', type: 'scatter', data: m.icansNotAssessed, symbol: 'emptyDiamond', symbolSize: 9,
          itemStyle: { color: COLOURS.icans } },
      ],
    };
  }

  /** Draws the episode into {@code element}; {@code onDay(index)} is called when a day is clicked. */
  function draw(element, episode, onDay) {
    const m = model(episode);
    if (chart) chart.dispose();
    chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option(m));
    chart.on('click', (p) => { if (p.dataIndex != null && p.componentType === 'series') onDay(p.dataIndex); });
    chart.getZr().on('click', (e) => {
      const point = [e.offsetX, e.offsetY];
      if (chart.containPixel('grid', point)) {
        const index = chart.convertFromPixel({ seriesIndex: 2 }, point)[0];
        if (index >= 0 && index < m.days.length) onDay(index);
      }
    });
    return m;
  }

  return { draw, model, flagName: (code) => FLAG_NAMES[code] || code, resize: () => chart && chart.resize() };
})();
