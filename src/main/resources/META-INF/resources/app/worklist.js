'use strict';
/* The ward worklist: GET /api/worklist, drawn as a table, reloaded every worklistRefreshSeconds. */
const Worklist = (() => {
  let timer = null;

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function grade(g) {
    if (g.grade == null) return 'not assessed';
    return 'grade ' + g.grade + ' (day ' + g.day + ')';
  }

  function since(minutes) {
    if (minutes == null) return 'none charted';
    const h = Math.floor(minutes / 60);
    return h + ' h ' + (minutes % 60) + ' min ago';
  }

  function render(body) {
    const tbody = document.querySelector('#worklist tbody');
    tbody.replaceChildren();
    document.getElementById('ice-interval').textContent = Math.round(body.iceOverdueAfterMinutes / 60) + ' h';
    document.getElementById('worklist-updated').textContent = 'Updated ' + new Date(body.generatedAt).toLocaleString()
      + ' (' + body.patients.length + ' patient' + (body.patients.length === 1 ? '' : 's') + ')';
    body.patients.forEach((p) => {
      const id = p.patient.replace(/^Patient\//, '');
      const row = document.createElement('tr');
      row.dataset.patient = id;
      cell(row, id);
      cell(row, String(p.day));
      cell(row, grade(p.crs), p.crs.grade >= 3 ? 'critical' : p.crs.grade >= 1 ? 'warning' : '');
      cell(row, grade(p.icans), p.icans.grade >= 3 ? 'critical' : p.icans.grade >= 1 ? 'warning' : '');
      const flags = cell(row, '');
      const list = document.createElement('ul');
      list.className = 'flags';
      p.flags.forEach((f) => {
        const item = document.createElement('li');
        item.textContent = f.display;
        item.className = 'priority-' + f.priority;
        item.dataset.code = f.code;
        item.title = f.priority === 'PH' ? 'high priority' : f.priority === 'PM' ? 'medium priority' : 'low priority';
        list.appendChild(item);
      });
      if (!p.flags.length) flags.textContent = 'none';
      else flags.appendChild(list);
      cell(row, since(p.minutesSinceIce) + (p.iceOverdue ? ' (overdue)' : ''), p.iceOverdue ? 'overdue' : '');
      const link = document.createElement('a');
      link.href = '#patient=' + encodeURIComponent(id);
      link.textContent = 'Course chart';
      cell(row, '').appendChild(link);
      tbody.appendChild(row);
    });
  }

  async function load(onError) {
    try {
      render(await Auth.get('api/worklist'));
    } catch (e) {
      onError(e);
    }
  }

  async function start(onError) {
    stop();
    const cfg = await Auth.loadConfig();
    await load(onError);
    timer = setInterval(() => load(onError), cfg.worklistRefreshSeconds * 1000);
  }

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  return { start, stop };
})();
