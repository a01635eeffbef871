import { callApi } from '../api.js';
import { pageParam } from '../app.js';
import { byId, h, isImageDataUrl, percent, setText, show } from '../dom.js';
import { IDENTIFIER, alertTypeLabel } from '../protocol.js';
import { showSignIn } from '../sign-in-banner.js';
import { CONFUSION_SERIES, ENGAGEMENT_SERIES, createShareChart } from './charts.js';
import { noteItem, wireNoteForm } from './notes.js';
import { datasetOf, fillTable, loadFailureText, timeElement, timeRange } from './review-dom.js';
import {
  affectColumns,
  alertDetails,
  alertName,
  byTime,
  count,
  decisionState,
  describeAffect,
  describeDecision,
  describeRepeats,
  duration,
  fullTime,
  hasAffect,
  isTime,
  list,
  statusRuns,
  statusWords,
  studentName,
  timeOf,
} from './review-format.js';
import { reportHref } from './review-links.js';

/**
 * One student's timeline, teacher/student.html?session=ID&student=STUDENT_ID: their shares of
 * time, confusion and engagement over time, their statuses as runs, their alerts with pictures and
 * decisions, and the teachers' notes, with a form to add one. Read once from
 * GET /sessions/{id}/students/{studentId}/timeline; a new note is added to the page as saved.
 */

/** A status table longer than this shows its start, and a button for the rest. */
const STATUS_ROWS_SHOWN = 200;

const sessionId = pageParam('session');
const studentId = pageParam('student');
const ui = {
  error: byId('timeline-error'),
  loading: byId('timeline-loading'),
  reportLink: byId('timeline-report-link'),
  view: byId('timeline-view'),
  name: byId('timeline-student-name'),
  facts: byId('timeline-student-facts'),
  shares: byId('timeline-shares'),
  affectOff: byId('timeline-affect-off'),
  figure: byId('timeline-figure'),
  chart: byId('timeline-chart'),
  chartDescription: byId('timeline-chart-description'),
  statusEmpty: byId('timeline-status-empty'),
  status: byId('timeline-status'),
  statusMore: byId('timeline-status-more'),
  alertCount: byId('timeline-alert-count'),
  alertsEmpty: byId('timeline-alerts-empty'),
  alerts: byId('timeline-alerts'),
  notesEmpty: byId('timeline-notes-empty'),
  notes: byId('timeline-notes'),
  noteTarget: byId('note-target'),
  noteText: byId('note-text'),
};

/** What a saved note is added to: each alert's list of notes, by alert id. */
const alertNoteLists = new Map();
let student = {};
let notesCount = 0;
let affect = false;
let reference;

async function load() {
  let timeline;
  try {
    timeline = await callApi(
      'GET',
      `sessions/${encodeURIComponent(sessionId)}/students/${encodeURIComponent(studentId)}/timeline`,
    );
  } catch (failure) {
    setText(ui.loading, '');
    setText(ui.error, loadFailureText(failure, 'This student or session does not exist, or their data was deleted.'));
    return;
  }
  setText(ui.loading, '');
  if (!timeline || typeof timeline !== 'object') {
    setText(ui.error, 'The server sent an empty timeline.');
    return;
  }
  render(timeline);
}

function render(timeline) {
  student = timeline.student && typeof timeline.student === 'object' ? timeline.student : { studentId };
  const history = byTime(timeline.history, 'timestamp').filter((p) => isTime(p.timestamp));
  const alerts = byTime(timeline.alerts, 'timestamp');
  const notes = byTime(timeline.notes, 'at');
  reference = isTime(student.firstSeenAt) ? student.firstSeenAt : history[0]?.timestamp;
  affect = hasAffect({ students: [student], history });
  notesCount = Math.max(count(student.notes), notes.length);

  const name = studentName(student, studentId);
  setText(ui.name, name);
  document.title = `${name} · Timeline · SmartSession`;
  const facts = [`ID ${typeof student.studentId === 'string' ? student.studentId : studentId}`];
  if (isTime(student.firstSeenAt)) facts.push(`first seen ${fullTime(student.firstSeenAt)}`);
  if (isTime(student.lastSeenAt)) facts.push(`last seen ${timeOf(student.lastSeenAt, student.firstSeenAt)}`);
  setText(ui.facts, facts.join(' · '));

  show(ui.view); // before the chart, which takes its container's width
  renderShares();
  renderChart(history);
  renderStatus(history);
  renderAlerts(alerts, notes);
  renderNotes(notes);
  fillTargets(alerts);
}

function renderShares() {
  const shares = student.shares && typeof student.shares === 'object' ? student.shares : {};
  const alerts = count(student.alerts);
  const open = count(student.openAlerts);
  const items = [
    ['Observed', duration(shares.observedMs)],
    ['Present', percent(shares.present)],
    affect && ['Engaged', percent(shares.engaged)],
    affect && ['Confused', percent(shares.confused)],
    ['Away', percent(shares.away)],
    affect && ['Mean confusion', percent(student.meanConfusion)],
    affect && ['Mean engagement', percent(student.meanEngagement)],
    ['Alerts', open ? `${alerts} (${open} open)` : String(alerts)],
    ['Notes', String(notesCount)],
  ].filter(Boolean);
  ui.shares.replaceChildren(...items.map(([term, value]) => h('div', {}, h('dt', { text: term }), h('dd', { text: value }))));
}

function renderChart(history) {
  show(ui.affectOff, !affect && history.length > 0);
  show(ui.figure, affect);
  ui.chart.replaceChildren();
  if (!affect) return;
  setText(ui.chartDescription, describeAffect(student, history, reference));
  try {
    createShareChart(ui.chart, [CONFUSION_SERIES, ENGAGEMENT_SERIES], affectColumns(history), 220);
  } catch {
    // The description and the status table remain; a chart that cannot be drawn is only missing.
    ui.chart.replaceChildren();
  }
}

function renderStatus(history) {
  const runs = statusRuns(history);
  show(ui.statusEmpty, runs.length === 0);
  show(ui.status.closest('.table-scroll'), runs.length > 0);
  const columns = [
    { header: 'From – to', rowHeader: true, cell: (run) => timeRange(run.from, run.to, reference) },
    { header: 'Status', cell: (run) => statusWords(run.status) },
    { header: 'For', numeric: true, cell: (run) => duration(run.to - run.from) },
  ];
  const rowProps = (run) => ({ dataset: { status: run.status === null ? 'NO_RECORD' : run.status } });
  const fill = (shown) => {
    fillTable(ui.status, columns, shown, rowProps);
    const rest = runs.length - shown.length;
    show(ui.statusMore, rest > 0);
    setText(ui.statusMore, rest > 0 ? `Show all ${runs.length} stretches (${rest} more)` : '');
  };
  fill(runs.slice(0, STATUS_ROWS_SHOWN));
  ui.statusMore.addEventListener('click', () => fill(runs), { once: true });
}

function renderAlerts(alerts, notes) {
  alertNoteLists.clear();
  const open = alerts.filter((a) => decisionState(a.acknowledgement) === 'open').length;
  setText(ui.alertCount, alerts.length ? `${open} not reviewed of ${alerts.length}` : '');
  show(ui.alertsEmpty, alerts.length === 0);
  ui.alerts.replaceChildren(...alerts.map((alert) => alertItem(alert, notes)));
}

function alertItem(alert, notes) {
  const state = decisionState(alert.acknowledgement);
  const type = alertTypeLabel(alert.alertType);
  const details = alertDetails(alert);
  const repeats = describeRepeats(alert, reference);
  const screenshot = isImageDataUrl(alert.screenshot)
    ? h(
        'button',
        { type: 'button', class: 'screenshot-toggle', 'aria-pressed': 'false', title: 'Enlarge or shrink the picture' },
        h('img', {
          src: alert.screenshot,
          alt: `Camera picture of the alert ${type} at ${timeOf(alert.timestamp, reference)}`,
        }),
      )
    : null;
  const ownNotes = notes.filter((n) => typeof alert.alertId === 'string' && n.alertId === alert.alertId);
  const noteList = h('ul', { class: 'note-list alert-notes' }, ownNotes.map((n) => noteItem(n, reference)));
  show(noteList, ownNotes.length > 0);
  if (typeof alert.alertId === 'string') alertNoteLists.set(alert.alertId, noteList);
  const addNote =
    typeof alert.alertId === 'string'
      ? h('button', { type: 'button', class: 'link-button add-note no-print', dataset: { alertId: alert.alertId } }, 'Add a note on this alert')
      : null;
  return h(
    'li',
    { class: 'alert-item', dataset: datasetOf({ alertId: alert.alertId, alertType: alert.alertType, state }) },
    h('div', { class: 'alert-head' }, h('h3', { text: type }), h('span', { class: 'alert-time' }, timeElement(alert.timestamp, reference))),
    details ? h('p', { class: 'alert-details', text: details }) : null,
    repeats ? h('p', { class: 'alert-repeats', text: repeats }) : null,
    screenshot,
    h('p', { class: `decision decision-${state}`, text: describeDecision(alert.acknowledgement, reference) }),
    noteList,
    addNote,
  );
}

/** Notes on the student, and on alerts this page does not list (an alert may have been deleted). */
function renderNotes(notes) {
  const own = notes.filter((n) => typeof n.alertId !== 'string' || !alertNoteLists.has(n.alertId));
  show(ui.notesEmpty, own.length === 0);
  ui.notes.replaceChildren(...own.map((n) => noteItem(n, reference, typeof n.alertId === 'string' ? 'about an alert' : null)));
}

function fillTargets(alerts) {
  ui.noteTarget.replaceChildren(
    new Option('This student', ''),
    ...alerts.filter((a) => typeof a.alertId === 'string').map((a) => new Option(`Alert: ${alertName(a, reference)}`, a.alertId)),
  );
}

/** A note just saved: shown where it belongs, and counted. */
function noteSaved(note) {
  const alertList = typeof note.alertId === 'string' ? alertNoteLists.get(note.alertId) : null;
  if (alertList) {
    alertList.append(noteItem(note, reference));
    show(alertList);
  } else {
    ui.notes.append(noteItem(note, reference, typeof note.alertId === 'string' ? 'about an alert' : null));
    show(ui.notesEmpty, false);
  }
  notesCount += 1;
  renderShares();
  ui.noteTarget.value = '';
}

function wireAlertList() {
  ui.alerts.addEventListener('click', (event) => {
    const toggle = event.target.closest('.screenshot-toggle');
    if (toggle) {
      const enlarged = toggle.getAttribute('aria-pressed') !== 'true';
      toggle.setAttribute('aria-pressed', String(enlarged));
      return;
    }
    const addNote = event.target.closest('.add-note');
    if (addNote) {
      ui.noteTarget.value = addNote.dataset.alertId;
      ui.noteText.focus();
    }
  });
}

if (sessionId && IDENTIFIER.test(sessionId) && studentId && IDENTIFIER.test(studentId)) {
  ui.reportLink.href = reportHref(sessionId);
  wireAlertList();
  wireNoteForm({
    ui: {
      form: byId('note-form'),
      text: ui.noteText,
      target: ui.noteTarget,
      submit: byId('note-submit'),
      error: byId('note-error'),
      status: byId('note-status'),
    },
    sessionId,
    studentId,
    onSaved: noteSaved,
  });
  load();
} else {
  setText(ui.loading, '');
  if (sessionId && IDENTIFIER.test(sessionId)) ui.reportLink.href = reportHref(sessionId);
  else setText(ui.reportLink, 'All sessions');
  setText(ui.error, 'No student was given. Open a timeline from the session report or the dashboard.');
}

showSignIn({ withCaller: true });
