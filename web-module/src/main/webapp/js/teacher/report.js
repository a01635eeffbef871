import { callApi } from '../api.js';
import { pageParam } from '../app.js';
import { byId, h, percent, setText, show } from '../dom.js';
import { IDENTIFIER, alertTypeLabel } from '../protocol.js';
import { showSignIn } from '../sign-in-banner.js';
import { noteItem } from './notes.js';
import { createSummaryChart } from './review-chart.js';
import { datasetOf, fillTable, loadFailureText, timeElement, timeRange } from './review-dom.js';
import {
  alertDetails,
  alertName,
  byTime,
  count,
  decisionState,
  describeDecision,
  describeSession,
  describeSummary,
  duration,
  fullTime,
  hasAffect,
  isTime,
  list,
  studentName,
  wasObserved,
} from './review-format.js';
import { dashboardHref, exportHref, readerZone, timelineHref } from './review-links.js';

/**
 * The report page, teacher/report.html?session=ID: a session afterwards (or so far, while it is
 * open) for its teachers: what happened over time, each student's shares of time, every alert with
 * the decision on it, the teachers' notes, and downloads of it all. One GET /sessions/{id}/report
 * fills it; nothing here is live, "Refresh" reads the report again.
 */

/** The download links and the files they fetch. */
const DOWNLOADS = Object.freeze({
  'download-json': 'report.json',
  'download-pdf': 'report.pdf',
  'download-students-csv': 'students.csv',
  'download-alerts-csv': 'alerts.csv',
  'download-summary-csv': 'summary.csv',
});

const sessionId = pageParam('session');
const ui = {
  error: byId('report-error'),
  status: byId('report-status'),
  view: byId('report-view'),
  title: byId('report-title'),
  facts: byId('report-session-facts'),
  generated: byId('report-generated'),
  dashboardLink: byId('report-dashboard-link'),
  refresh: byId('report-refresh'),
  print: byId('report-print'),
  zone: byId('download-zone'),
  summaryEmpty: byId('summary-empty'),
  summaryFigure: byId('summary-figure'),
  summaryChart: byId('summary-chart'),
  summaryDescription: byId('summary-description'),
  summaryDetails: byId('summary-details'),
  summaryTable: byId('report-summary'),
  affectOff: byId('report-affect-off'),
  studentsEmpty: byId('report-students-empty'),
  students: byId('report-students'),
  alertCount: byId('report-alert-count'),
  alertsEmpty: byId('report-alerts-empty'),
  alerts: byId('report-alerts'),
  attendanceEmpty: byId('report-attendance-empty'),
  attendance: byId('report-attendance'),
  notesEmpty: byId('report-notes-empty'),
  notes: byId('report-notes'),
};
let chart = null;

/** A student's name as a link to their timeline (plain text without a usable id). */
function studentLink(studentId, name) {
  if (typeof studentId !== 'string' || !studentId) return name;
  return h('a', { href: timelineHref(sessionId, studentId), class: 'student-link' }, name);
}

async function load() {
  ui.refresh.disabled = true;
  setText(ui.status, ui.view.hidden ? 'Loading the report…' : 'Refreshing the report…');
  let report = null;
  try {
    report = await callApi('GET', `sessions/${encodeURIComponent(sessionId)}/report`);
  } catch (failure) {
    setText(ui.status, '');
    setText(ui.error, loadFailureText(failure, 'This session does not exist, or it was deleted.'));
    return;
  } finally {
    ui.refresh.disabled = false;
  }
  if (!report || typeof report !== 'object') {
    setText(ui.status, '');
    setText(ui.error, 'The server sent an empty report.');
    return;
  }
  const refreshed = !ui.view.hidden;
  setText(ui.error, '');
  render(report);
  setText(ui.status, refreshed ? 'Report refreshed.' : '');
}

function render(report) {
  const session = report.session && typeof report.session === 'object' ? report.session : {};
  const summary = list(report.summary);
  const students = list(report.students);
  const alerts = byTime(report.alerts, 'timestamp');
  const notes = byTime(report.notes, 'at');
  // Times on the session's first day are shown without the date.
  const reference = isTime(session.createdAt) ? session.createdAt : summary[0]?.from;
  const name = typeof session.name === 'string' && session.name ? session.name : sessionId;

  setText(ui.title, `Report: ${name}`);
  document.title = `Report: ${name} · SmartSession`;
  setText(ui.facts, describeSession(session));
  const stillOpen = session.phase === 'OPEN' ? ' The session is still open: refresh to see what happened since.' : '';
  setText(ui.generated, isTime(report.generatedAt) ? `As recorded until ${fullTime(report.generatedAt)}.${stillOpen}` : '');
  ui.dashboardLink.href = dashboardHref(sessionId);
  const zone = readerZone();
  for (const [id, file] of Object.entries(DOWNLOADS)) byId(id).href = exportHref(sessionId, file, zone);
  setText(ui.zone, `Times in the CSV and PDF files are in your time zone, ${zone}.`);

  const names = new Map(students.map((s) => [s.studentId, studentName(s)]));
  const alertsById = new Map(alerts.filter((a) => typeof a.alertId === 'string').map((a) => [a.alertId, a]));
  const affect = hasAffect({ students, summary });
  // Without any estimate but with students observed, affect inference was off: say so, drop columns.
  const affectColumns = affect || !students.some(wasObserved);
  show(ui.affectOff, !affectColumns);

  show(ui.view); // before the chart, which takes its container's width
  renderSummary(summary, affect, reference);
  renderStudents(students, affectColumns, reference);
  renderAttendance(list(report.attendance));
  renderAlerts(alerts, names, reference);
  renderNotes(notes, names, alertsById, reference);
}

/** Who of the roster never came, who came late or left early, who came without being listed. */
function renderAttendance(attendance) {
  const listed = attendance.some((a) => a.onRoster === true);
  const groups = [
    ['Not joined', (a) => a.presence === 'NOT_JOINED', 'not-joined'],
    ['Joined late (more than 5 minutes after the start)', (a) => a.late === true, 'late'],
    ['Left before the end', (a) => a.presence === 'LEFT', 'left'],
  ];
  if (listed) groups.push(['Not on the roster', (a) => a.onRoster === false, 'not-on-roster']);
  const items = groups
    .map(([label, which, kind]) => [label, attendance.filter(which), kind])
    .filter(([, who]) => who.length > 0)
    .map(([label, who, kind]) =>
      h(
        'li',
        { 'data-kind': kind },
        `${label} (${who.length}): `,
        ...who.flatMap((a, i) => [i ? ', ' : '', studentLink(a.presence === 'NOT_JOINED' ? null : a.studentId, studentName(a, a.studentId))]),
      ),
    );
  show(ui.attendanceEmpty, items.length === 0);
  ui.attendance.replaceChildren(...items);
}

function renderSummary(summary, affect, reference) {
  const steps = summary.filter((s) => isTime(s.from) && isTime(s.to));
  show(ui.summaryEmpty, steps.length === 0);
  show(ui.summaryFigure, steps.length > 0);
  show(ui.summaryDetails, steps.length > 0);
  if (chart) chart.destroy();
  chart = null;
  ui.summaryChart.replaceChildren();
  setText(ui.summaryDescription, describeSummary(steps, affect, reference));
  if (steps.length) {
    try {
      chart = createSummaryChart(ui.summaryChart, steps, affect);
    } catch {
      // The description and the table say the same; a chart that cannot be drawn is only missing.
      ui.summaryChart.replaceChildren();
    }
  }
  const columns = [
    { header: 'Time', rowHeader: true, cell: (s) => timeRange(s.from, s.to, reference) },
    { header: 'Students', numeric: true, cell: (s) => count(s.students) },
    { header: 'Present', numeric: true, cell: (s) => count(s.present) },
    affect && { header: 'Engaged', numeric: true, cell: (s) => count(s.engaged) },
    affect && { header: 'Confused', numeric: true, cell: (s) => count(s.confused) },
    { header: 'Away', numeric: true, cell: (s) => count(s.away) },
    affect && { header: 'Mean confusion', numeric: true, cell: (s) => percent(s.meanConfusion) },
    affect && { header: 'Mean engagement', numeric: true, cell: (s) => percent(s.meanEngagement) },
    { header: 'Alerts', numeric: true, cell: (s) => count(s.alerts) },
  ].filter(Boolean);
  fillTable(ui.summaryTable, columns, steps);
}

function renderStudents(students, affect, reference) {
  show(ui.studentsEmpty, students.length === 0);
  show(ui.students.closest('.table-scroll'), students.length > 0);
  const share = (key) => (s) => percent(s.shares && s.shares[key]);
  const columns = [
    {
      header: 'Student',
      rowHeader: true,
      cell: (s) => {
        const name = studentName(s);
        const id = typeof s.studentId === 'string' && s.studentId !== name ? h('span', { class: 'cell-id hint', text: s.studentId }) : null;
        return [studentLink(s.studentId, name), id];
      },
    },
    { header: 'First seen', cell: (s) => timeElement(s.firstSeenAt, reference) },
    { header: 'Last seen', cell: (s) => timeElement(s.lastSeenAt, reference) },
    { header: 'Observed', numeric: true, cell: (s) => duration(s.shares && s.shares.observedMs) },
    { header: 'Present', numeric: true, cell: share('present') },
    affect && { header: 'Engaged', numeric: true, cell: share('engaged') },
    affect && { header: 'Confused', numeric: true, cell: share('confused') },
    { header: 'Away', numeric: true, cell: share('away') },
    affect && { header: 'Mean confusion', numeric: true, cell: (s) => percent(s.meanConfusion) },
    affect && { header: 'Mean engagement', numeric: true, cell: (s) => percent(s.meanEngagement) },
    {
      header: 'Alerts (open)',
      numeric: true,
      cell: (s) => (count(s.openAlerts) ? `${count(s.alerts)} (${count(s.openAlerts)} open)` : String(count(s.alerts))),
    },
    { header: 'Notes', numeric: true, cell: (s) => count(s.notes) },
  ].filter(Boolean);
  fillTable(ui.students, columns, students, (s) => ({
    dataset: datasetOf({ studentId: s.studentId }),
    class: count(s.openAlerts) ? 'has-open-alerts' : null,
  }));
}

function renderAlerts(alerts, names, reference) {
  const open = alerts.filter((a) => decisionState(a.acknowledgement) === 'open').length;
  setText(ui.alertCount, alerts.length ? `${open} not reviewed of ${alerts.length}` : '');
  show(ui.alertsEmpty, alerts.length === 0);
  show(ui.alerts.closest('.table-scroll'), alerts.length > 0);
  const columns = [
    { header: 'Time', rowHeader: true, cell: (a) => timeElement(a.timestamp, reference) },
    { header: 'Student', cell: (a) => studentLink(a.studentId, names.get(a.studentId) || studentName(null, a.studentId)) },
    { header: 'Type', cell: (a) => alertTypeLabel(a.alertType) },
    { header: 'Count', numeric: true, cell: (a) => Math.max(1, count(a.count)) },
    { header: 'Reason', cell: (a) => alertDetails(a) || '—' },
    {
      header: 'Decision',
      cell: (a) => h('span', { class: `decision decision-${decisionState(a.acknowledgement)}`, text: describeDecision(a.acknowledgement, reference) }),
    },
  ];
  fillTable(ui.alerts, columns, alerts, (a) => ({
    dataset: datasetOf({ alertId: a.alertId, studentId: a.studentId, state: decisionState(a.acknowledgement) }),
  }));
}

function renderNotes(notes, names, alertsById, reference) {
  show(ui.notesEmpty, notes.length === 0);
  ui.notes.replaceChildren(
    ...notes.map((note) => {
      const name = names.get(note.studentId) || studentName(null, note.studentId);
      const alert = typeof note.alertId === 'string' ? alertsById.get(note.alertId) : null;
      const about = ['on ', studentLink(note.studentId, name)];
      if (alert) about.push(`, about the alert “${alertName(alert, reference)}”`);
      else if (typeof note.alertId === 'string') about.push(', about an alert');
      return noteItem(note, reference, about);
    }),
  );
}

/** Printing shows the summary's table too: a closed <details> prints closed. */
function wirePrinting() {
  let wasOpen = false;
  window.addEventListener('beforeprint', () => {
    wasOpen = ui.summaryDetails.open;
    ui.summaryDetails.open = true;
  });
  window.addEventListener('afterprint', () => {
    ui.summaryDetails.open = wasOpen;
  });
  ui.print.addEventListener('click', () => window.print());
}

if (sessionId && IDENTIFIER.test(sessionId)) {
  ui.refresh.addEventListener('click', () => load());
  wirePrinting();
  load();
} else {
  setText(ui.status, '');
  ui.error.replaceChildren('No session was given, or its id is not valid. ', h('a', { href: './' }, 'Choose one of your sessions'), '.');
}

showSignIn({ withCaller: true });
