'use strict';
/*
 * The page's views: #worklist and #patient=<id>. Signs in first (auth.js); every data call goes to the
 * secured API with the token held in memory.
 */
(() => {
  const $ = (id) => document.getElementById(id);
  let model = null;

  const RULES = {
    'ASTCT-CRS-FEVER': 'fever of at least 38.0 °C (CRS grade 1)',
    'ASTCT-CRS-FEVER-MASKED': 'fever masked by an antipyretic or anti-cytokine drug: CRS graded on hypotension and hypoxia',
    'ASTCT-CRS-HYPOTENSION-NO-VASOPRESSOR': 'hypotension not needing vasopressors (CRS grade 2)',
    'ASTCT-CRS-HYPOTENSION-ONE-VASOPRESSOR': 'hypotension needing one vasopressor (CRS grade 3)',
    'ASTCT-CRS-HYPOTENSION-MULTIPLE-VASOPRESSORS': 'hypotension needing several vasopressors (CRS grade 4)',
    'ASTCT-CRS-HYPOXIA-LOW-FLOW': 'hypoxia needing low-flow oxygen (CRS grade 2)',
    'ASTCT-CRS-HYPOXIA-HIGH-FLOW': 'hypoxia needing high-flow oxygen, face mask or Venturi mask (CRS grade 3)',
    'ASTCT-CRS-HYPOXIA-POSITIVE-PRESSURE': 'hypoxia needing positive pressure (CPAP, BiPAP, ventilation; CRS grade 4)',
    'ASTCT-CRS-DEATH': 'death due to CRS (grade 5)',
    'ASTCT-ICANS-ICE-7-9': 'ICE score 7-9 (ICANS grade 1)',
    'ASTCT-ICANS-ICE-3-6': 'ICE score 3-6 (ICANS grade 2)',
    'ASTCT-ICANS-ICE-0-2': 'ICE score 0-2 (ICANS grade 3)',
    'ASTCT-ICANS-ICE-0-UNAROUSABLE': 'ICE score 0, patient unarousable (ICANS grade 4)',
    'ASTCT-ICANS-CAPD-1-8': 'CAPD score 1-8 (ICANS grade 1-2)',
    'ASTCT-ICANS-CAPD-9-OR-MORE': 'CAPD score 9 or more (ICANS grade 3)',
    'ASTCT-ICANS-CAPD-UNABLE': 'unable to perform CAPD (ICANS grade 4)',
    'ASTCT-ICANS-LOC-AWAKENS-SPONTANEOUSLY': 'awakens spontaneously (ICANS grade 1)',
    'ASTCT-ICANS-LOC-AWAKENS-TO-VOICE': 'awakens to voice (ICANS grade 2)',
    'ASTCT-ICANS-LOC-AWAKENS-TO-TOUCH': 'awakens only to tactile stimulus (ICANS grade 3)',
    'ASTCT-ICANS-LOC-UNAROUSABLE': 'unarousable or needing vigorous stimuli (ICANS grade 4)',
    'ASTCT-ICANS-SEIZURE-RESOLVING': 'a seizure that resolved rapidly, or non-convulsive seizures on EEG resolving with intervention (ICANS grade 3)',
    'ASTCT-ICANS-SEIZURE-PROLONGED': 'a prolonged or repetitive seizure (ICANS grade 4)',
    'ASTCT-ICANS-MOTOR-DEEP-FOCAL': 'deep focal motor weakness (ICANS grade 4)',
    'ASTCT-ICANS-EDEMA-FOCAL': 'focal or local oedema on imaging (ICANS grade 3)',
    'ASTCT-ICANS-EDEMA-DIFFUSE': 'diffuse cerebral oedema on imaging (ICANS grade 4)',
    'ASTCT-ICANS-ICP-SIGN': 'signs of raised intracranial pressure (ICANS grade 4)',
    'ASTCT-ICANS-DEATH': 'death due to ICANS (grade 5)',
  };

  function status(text, isError) {
    $('status').textContent = text || '';
    $('status').classList.toggle('error', !!isError);
  }

  function show(view) {
    $('worklist-view').hidden = view !== 'worklist';
    $('chart-view').hidden = view !== 'chart';
  }

  function failed(e) {
    if (e.status === 401) {
      Auth.signOut();
      Auth.begin({ after: location.hash });
      return;
    }
    status(e.message, true);
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function gradeText(g) {
    return g.grade == null ? 'not assessed' : 'grade ' + g.grade;
  }

  function syndromeEvidence(name, g) {
    const part = el('section', null, 'syndrome');
    part.appendChild(el('h4', name + ': ' + gradeText(g)));
    if (g.grade == null) {
      part.appendChild(el('p', 'Not assessed: ' + g.notAssessed + '. This is not grade 0: the data to grade it were not there.'));
      return part;
    }
    const list = el('dl');
    const add = (term, value) => {
      if (value == null || value === '' || (Array.isArray(value) && !value.length)) return;
      list.appendChild(el('dt', term));
      if (Array.isArray(value)) {
        const dd = el('dd');
        const ul = el('ul');
        value.forEach((v) => ul.appendChild(el('li', v)));
        dd.appendChild(ul);
        list.appendChild(dd);
      } else {
        list.appendChild(el('dd', value));
      }
    };
    add('First reached', g.setAt ? new Date(g.setAt).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : null);
    add('Domains assessed that day', Object.entries(g.domains || {}).map(([d, v]) => d + ': ' + v));
    add('Decided by', (g.decisiveDomains || []).join(' + '));
    add('Rules applied', (g.ruleIds || []).map((r) => (RULES[r] ? RULES[r] + ' [' + r + ']' : r)));
    add('From the records', g.factIds || []);
    add('Notes', g.notes || []);
    part.appendChild(list);
    if (g.explanation) part.appendChild(el('p', g.explanation, 'explanation'));
    return part;
  }

  function openEvidence(index) {
    const day = model.days[index];
    $('evidence-title').textContent = 'Evidence for day ' + day.day + ' (' + day.date + ')';
    const body = $('evidence-body');
    body.replaceChildren(syndromeEvidence('CRS', day.grades.crs), syndromeEvidence('ICANS', day.grades.icans));
    // ICAHT on the days with a neutrophil count: a patient whose counts are not sent has no ICAHT course.
    const icaht = day.grades.icaht;
    if (icaht && icaht.grade != null) body.appendChild(syndromeEvidence('ICAHT', icaht));
    const flags = el('section', null, 'syndrome');
    flags.appendChild(el('h4', 'Flags active'));
    flags.appendChild(el('p', day.activeFlags.length ? day.activeFlags.map(CourseChart.flagName).join(', ') : 'none'));
    const drugs = day.drugs.map((d) => d.agent + (d.doseMg != null ? ' ' + d.doseMg + ' mg' : '')
      + (d.dexamethasoneEquivalentMg != null ? ' (dexamethasone eq. ' + d.dexamethasoneEquivalentMg + ' mg)' : '')
      + (d.category === 'VASOPRESSOR' ? ' (running)' : ''));
    flags.appendChild(el('h4', 'Drugs given'));
    flags.appendChild(el('p', drugs.length ? drugs.join('; ') : 'none recorded'));
    body.appendChild(flags);
    $('evidence').hidden = false;
    $('evidence').dataset.day = String(day.day);
    $('evidence').focus();
  }

  function dayTable(m) {
    const tbody = document.querySelector('#days tbody');
    tbody.replaceChildren();
    m.days.forEach((day, i) => {
      const row = el('tr');
      row.dataset.day = String(day.day);
      row.appendChild(el('td', String(day.day)));
      row.appendChild(el('td', day.date));
      row.appendChild(el('td', gradeText(day.grades.crs), 'crs' + (day.grades.crs.grade == null ? ' not-assessed' : '')));
      row.appendChild(el('td', gradeText(day.grades.icans), 'icans' + (day.grades.icans.grade == null ? ' not-assessed' : '')));
      row.appendChild(el('td', m.dex[i] ? String(Math.round(m.dex[i] * 10) / 10) : ''));
      row.appendChild(el('td', day.activeFlags.map(CourseChart.flagName).join(', '), 'flags'));
      const cell = el('td');
      const button = el('button', 'Evidence', 'evidence-button');
      button.type = 'button';
      button.setAttribute('aria-label', 'Evidence for day ' + day.day);
      button.addEventListener('click', () => openEvidence(i));
      cell.appendChild(button);
      row.appendChild(cell);
      tbody.appendChild(row);
    });
  }

  async function showPatient(id) {
    Worklist.stop();
    show('chart');
    status('Loading the course of ' + id + '…');
    $('evidence').hidden = true;
    try {
      const timeline = await Auth.get('api/patients/' + encodeURIComponent(id) + '/timeline');
      const episode = timeline.episodes[timeline.episodes.length - 1];
      $('chart-title').textContent = 'Course of ' + id + ' after CAR-T (episode ' + episode.episodeNumber + ')';
      $('chart-subtitle').textContent = 'Infusion ' + episode.infusion.slice(0, 10) + ', judged to day '
        + episode.days[episode.days.length - 1].day + '; derived ' + new Date(episode.derivedAt).toLocaleString();
      model = CourseChart.draw($('chart'), episode, openEvidence);
      dayTable(model);
      status('');
    } catch (e) {
      failed(e);
    }
  }

  function route() {
    const hash = location.hash;
    const patient = /^#patient=(.+)$/.exec(hash);
    if (patient) {
      showPatient(decodeURIComponent(patient[1]));
    } else {
      show('worklist');
      status('');
      Worklist.start(failed);
    }
  }

  async function main() {
    $('open-patient').addEventListener('submit', (e) => {
      e.preventDefault();
      location.hash = 'patient=' + encodeURIComponent($('patient-id').value.trim());
    });
    $('evidence-close').addEventListener('click', () => { $('evidence').hidden = true; });
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') $('evidence').hidden = true; });
    $('sign-out').addEventListener('click', () => { Auth.signOut(); Worklist.stop(); location.hash = ''; location.reload(); });
    window.addEventListener('resize', CourseChart.resize);
    try {
      const back = await Auth.complete();
      if (!back) {
        await Auth.begin({ after: location.hash });
        return;
      }
      $('sign-out').hidden = false;
      $('who').textContent = 'Signed in (' + Auth.context().scope + ')';
      if (back.patient) {
        location.hash = 'patient=' + encodeURIComponent(back.patient);
      } else if (back.after) {
        location.hash = back.after;
      }
      window.addEventListener('hashchange', route);
      route();
    } catch (e) {
      status('Sign-in failed: ' + e.message, true);
    }
  }

  main();
})();
