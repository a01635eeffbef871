import { callApi } from '../api.js';
import { pageParam, webSocketUrl } from '../app.js';
import { ConnectionState, ReconnectingSocket } from '../connection.js';
import { showConnectionStatus } from '../connection-status.js';
import { byId, setText, show } from '../dom.js';
import { initI18n, onLanguageChange, setTranslated, setUntranslated, t, wireLanguageSwitch } from '../i18n.js';
import { CommandKind, IDENTIFIER, MessageType, Status, scoringOf } from '../protocol.js';
import { createToaster } from '../toast.js';
import { AlertCenter } from './alerts.js';
import { AlertSignals } from './alert-signals.js';
import { wireCommands } from './commands.js';
import { StudentDrilldown } from './drilldown.js';
import { ALERT_FILTER, SortOrders, StudentGrid } from './grid.js';
import { joinLinkFor, showJoinLink } from './join-link.js';
import { LifeCycle } from './life-cycle.js';
import { createIdleTask, createRenderLoop } from './render-loop.js';
import { showSessions } from './sessions.js';
import { DashboardState } from './dashboard-state.js';
import { reportHref } from './review-links.js';
import { RosterCard } from './roster.js';
import { renderSummary } from './summary.js';
import { Timeline } from './timeline.js';
import { showSignIn } from '../sign-in-banner.js';

/**
 * The teacher's pages without a review of their own: the session chooser (teacher/) and a
 * session's live dashboard (teacher/?session=ID). Their texts are in the page's language (js/i18n.js:
 * the markup's data-i18n, keys dashboard.*), chosen before anything is drawn; a change of language
 * rewords what each part drew, from what it holds, without touching the connection.
 */
wireLanguageSwitch(document.getElementById('language-switch'));
await initI18n(['dashboard']);

const toast = createToaster(byId('toasts'));
const sessionId = pageParam('session');
const pageTitle = document.querySelector('title');
/** Performance entries are cleared now and then so that a long session does not grow them without end. */
const MEASURES_KEPT = 1000;

function openSession(id) {
  window.location.search = `?session=${encodeURIComponent(id)}`;
}

function startChooser() {
  // No socket on this view: a connection status would only say "not connected".
  show(document.querySelector('.header-status'), false);
  showSessions(
    {
      view: byId('sessions-view'),
      list: byId('session-list'),
      pastTitle: byId('past-sessions-title'),
      pastList: byId('past-session-list'),
      opensAt: byId('session-opens-at'),
      retention: byId('session-retention'),
      listStatus: byId('session-list-status'),
      form: byId('create-session-form'),
      name: byId('session-name'),
      submit: byId('create-session-button'),
      error: byId('create-session-error'),
      studentLogin: byId('require-student-login'),
    },
    openSession,
  );
}

function startDashboard(id) {
  show(byId('dashboard-view'));
  setText(byId('session-title'), id);
  setTranslated(pageTitle, 'dashboard.pageTitleOf', '{name} · SmartSession dashboard', { name: id });

  const reportLink = byId('report-link');
  reportLink.href = reportHref(id);
  show(reportLink);

  const state = new DashboardState();
  const socket = new ReconnectingSocket(() => webSocketUrl('ws/teacher', { sessionId: id }));
  showConnectionStatus(socket, byId('connection-status'), byId('reconnect-button'));

  let grid;
  let timeline;
  let drilldown;
  const summaryUi = {
    active: byId('agg-active'),
    confusion: byId('agg-confusion'),
    confused: byId('agg-confused'),
    disengaged: byId('agg-disengaged'),
    updated: byId('agg-updated'),
    affectOff: byId('affect-off-notice'),
    analysisReduced: byId('analysis-reduced-notice'),
    confusionItem: byId('agg-confusion-item'),
    confusedItem: byId('agg-confused-item'),
  };
  const requestRender = createRenderLoop(() => {
    const now = Date.now();
    renderSummary(summaryUi, state, now);
    grid.render(now);
    if (drilldown.openStudentId) drilldown.render();
  });

  grid = new StudentGrid({
    viewport: byId('student-grid'),
    empty: byId('grid-empty'),
    count: byId('grid-count'),
    state,
    requestRender,
    onOpen: (studentId) => drilldown.open(studentId),
  });
  timeline = new Timeline(byId('timeline'), state);
  const requestTimeline = createIdleTask('render-timeline', () => timeline.render());
  drilldown = new StudentDrilldown({
    ui: {
      dialog: byId('student-dialog'),
      close: byId('drill-close'),
      name: byId('drill-name'),
      status: byId('drill-status'),
      meta: byId('drill-meta'),
      scores: byId('drill-scores'),
      affectOff: byId('drill-affect-off'),
      indicatorSection: byId('drill-indicator-section'),
      indicators: byId('drill-indicators'),
      weightColumn: byId('drill-weight-column'),
      contributionColumn: byId('drill-contribution-column'),
      driver: byId('drill-driver'),
      threshold: byId('drill-threshold'),
      historySection: byId('drill-history-section'),
      sparkline: byId('drill-sparkline'),
      alertList: byId('drill-alerts'),
      noAlerts: byId('drill-no-alerts'),
      commands: byId('drill-commands'),
      erase: byId('drill-erase'),
      timelineLink: byId('drilldown-timeline-link'),
    },
    state,
    socket,
    toast,
    sessionId: id,
  });
  const signals = new AlertSignals({
    ui: { sound: byId('alert-sound'), desktop: byId('alert-desktop'), permission: byId('alert-desktop-blocked') },
    studentName: (studentId) => state.students.get(studentId)?.name,
  });
  const alerts = new AlertCenter({
    ui: {
      banner: byId('alert-banner'),
      bannerTitle: byId('alert-banner-title'),
      bannerReason: byId('alert-banner-reason'),
      bannerScreenshot: byId('alert-banner-screenshot'),
      bannerMore: byId('alert-banner-more'),
      bannerReview: byId('alert-banner-review'),
      bannerDismiss: byId('alert-banner-dismiss'),
      bannerShow: byId('alert-banner-show'),
      list: byId('alert-list'),
      count: byId('alert-count'),
      empty: byId('alert-empty'),
    },
    state,
    socket,
    toast,
    requestRender,
    onShowStudent: (studentId) => drilldown.open(studentId),
    onRaised: (alert) => signals.raised(alert),
  });
  drilldown.alerts = alerts;
  const lifeCycle = new LifeCycle({
    ui: {
      section: byId('life-cycle'),
      text: byId('life-cycle-text'),
      retention: byId('retention-text'),
      start: byId('start-session-button'),
      end: byId('end-session-button'),
      remove: byId('delete-session-button'),
      whileRunning: [byId('join-card'), byId('class-commands'), byId('drill-commands'), byId('roster-import')],
    },
    sessionId: id,
    toast,
  });
  wireCommands(byId('class-commands'), socket, toast);
  const roster = new RosterCard({
    ui: {
      summary: byId('roster-summary'),
      policy: byId('roster-policy'),
      table: byId('roster-table'),
      rows: byId('roster-rows'),
      empty: byId('roster-empty'),
      details: byId('roster-import'),
      form: byId('roster-form'),
      text: byId('roster-text'),
      file: byId('roster-file'),
      othersAllowed: byId('roster-others-allowed'),
      error: byId('roster-error'),
      submit: byId('roster-submit'),
      fill: byId('roster-fill'),
    },
    sessionId: id,
    toast,
  });
  wireToolbar(grid);

  let measures = 0;
  socket.addEventListener('message', ({ detail: message }) => {
    switch (message.type) {
      case MessageType.SESSION_UPDATE:
        performance.mark('apply-session-update-start');
        if (state.apply(message)) {
          requestRender();
          requestTimeline();
        }
        performance.measure('apply-session-update', 'apply-session-update-start');
        performance.clearMarks('apply-session-update-start');
        if (++measures > MEASURES_KEPT) {
          performance.clearMeasures('apply-session-update');
          performance.clearMeasures('render-dashboard');
          performance.clearMeasures('render-timeline');
          measures = 0;
        }
        break;
      case MessageType.CRITICAL_ALERT:
        alerts.receive(message);
        break;
      case MessageType.ALERT_ACKNOWLEDGED:
        alerts.acknowledged(message);
        break;
      case MessageType.COMMAND:
        if (message.command === CommandKind.END_SESSION) lifeCycle.refresh();
        break;
      case MessageType.ERROR:
        toast(
          t(
            'dashboard.serverProblem',
            { message: message.message || message.code },
            'The server reported a problem: {message}',
          ),
        );
        break;
      default:
        break;
    }
  });
  socket.addEventListener('state', async ({ detail }) => {
    if (detail.state !== ConnectionState.OPEN) return;
    try {
      alerts.reconcile(await callApi('GET', `sessions/${encodeURIComponent(id)}/alerts`));
    } catch {
      // The live alerts still arrive over the socket; the stored list only fills gaps.
    }
  });
  socket.start();
  // "Last frame … ago" keeps counting even when no update arrives.
  setInterval(requestRender, 1000);
  // The header line, the tiles and an open drill-down in the new language; the others see to their own.
  onLanguageChange(() => requestRender());
  requestRender();
  roster.start();
  callApi('GET', 'me')
    .then((me) => signals.configure({ teacher: me?.login }))
    .catch(() => {});
  describeSession(id).then((session) => {
    lifeCycle.show(session);
    signals.configure({ kind: session?.kind });
    // The weights the server scores with; until they arrive (or when it sends none) the
    // drill-down shows the indicator values alone.
    drilldown.scoring = scoringOf(session);
  });
}

function wireToolbar(grid) {
  const sort = byId('sort-select');
  for (const value of Object.keys(SortOrders)) sort.append(new Option('', value));
  const filter = byId('status-filter');
  filter.append(new Option('', ''), new Option('', ALERT_FILTER));
  for (const value of Object.keys(Status)) filter.append(new Option('', value));
  // The options' words, now and after each change of language; the chosen values stay.
  const label = () => {
    for (const option of sort.options) option.text = SortOrders[option.value].label;
    for (const option of filter.options) {
      if (option.value === '') option.text = t('dashboard.filter.all', {}, 'All students');
      else if (option.value === ALERT_FILTER) option.text = t('dashboard.filter.alert', {}, 'With an open alert');
      else option.text = Status[option.value].label;
    }
  };
  label();
  onLanguageChange(label);
  sort.addEventListener('change', () => grid.setView({ sort: sort.value }));
  filter.addEventListener('change', () => grid.setView({ statusFilter: filter.value }));
  byId('student-search').addEventListener('input', (event) => grid.setView({ search: event.target.value }));
}

/** Shows the session's name, kind and join link; returns its view, or null when it could not be loaded. */
async function describeSession(id) {
  const joinUi = {
    link: byId('join-link'),
    qr: byId('join-qr'),
    copy: byId('copy-join-link'),
    copied: byId('copy-result'),
  };
  let session = null;
  try {
    session = await callApi('GET', `sessions/${encodeURIComponent(id)}`);
  } catch (failure) {
    toast(t('dashboard.sessionUnavailable', { message: failure.message }, 'Session details unavailable: {message}'));
  }
  if (session) {
    setText(byId('session-title'), session.name || id);
    const kind = byId('session-kind');
    if (session.kind === 'EXAM') setTranslated(kind, 'dashboard.kind.EXAM', 'Exam');
    else if (session.kind === 'CLASS') setTranslated(kind, 'dashboard.kind.CLASS', 'Class');
    else setUntranslated(kind, '');
    // Pausing is for exams; a class session does not offer it.
    const exam = session.kind !== 'CLASS';
    const pauseButtons = document.querySelectorAll('[data-command="PAUSE_EXAM"], [data-command="RESUME_EXAM"]');
    for (const button of pauseButtons) show(button, exam);
    setTranslated(pageTitle, 'dashboard.pageTitleOf', '{name} · SmartSession dashboard', { name: session.name || id });
  }
  showJoinLink(joinUi, joinLinkFor(id, session && session.joinUrl));
  return session;
}

if (sessionId && IDENTIFIER.test(sessionId)) startDashboard(sessionId);
else startChooser();

showSignIn({ withCaller: true });
