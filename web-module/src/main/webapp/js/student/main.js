import { appUrl, pageParam, numberParam, webSocketUrl } from '../app.js';
import { ReconnectingSocket, ConnectionState } from '../connection.js';
import { showConnectionStatus } from '../connection-status.js';
import { byId, setText, show } from '../dom.js';
import {
  currentLanguage,
  formatNumber,
  initI18n,
  onLanguageChange,
  setTranslated,
  setUntranslated,
  t,
  wireLanguageSwitch,
} from '../i18n.js';
import { CommandKind, IDENTIFIER, MessageType } from '../protocol.js';
import { createToaster } from '../toast.js';
import { Camera } from './camera.js';
import { FrameCapture } from './capture.js';
import { CommandHandler } from './commands.js';
import { FeedbackView } from './feedback.js';
import { forget, readIdentity, remember, remembered } from './identity.js';
import { describePolicy, isClosed, isIdTaken, isNotOnRoster, joinSession, needsSignIn } from './join.js';
import { showSignIn } from '../sign-in-banner.js';

const STEPS = ['join-step', 'consent-step', 'camera-step', 'live-step', 'ended-step', 'left-step'];
const ERROR_REPEAT_MS = 30000;
/** About two frames: more than this waiting in the socket's buffer means the network is behind. */
const MAX_BUFFERED_BYTES = 128 * 1024;
const REJOIN_AFTER_REFUSAL_MS = 30000;
/** The token is renewed once three quarters of its life are over, and retried this often. */
const RENEW_AT_FRACTION = 0.75;
const RENEW_RETRY_MS = 60000;
/** This page's texts by their catalogue keys (i18n/*.json), with the English they read without one. */
const TAKEN_TYPED_ID = {
  key: 'join.takenTyped',
  english:
    'This student id is already in use in this session. If you joined before in another tab or on another ' +
    'device, continue there; otherwise check the student ID you typed.',
};
const TAKEN_DERIVED_ID = {
  key: 'join.takenDerived',
  english: 'This student id is already in use in this session. Press Continue to join under a new one.',
};
const TAKEN_AFTER_REFUSAL = {
  key: 'join.takenAfterRefusal',
  english:
    'This student id is already in use in this session, and the server no longer accepts this page as that ' +
    'student. Reload the page to join again.',
};

/** Capture settings: URL parameters fps and quality, else the defaults of DESIGN §3. */
const capture = {
  fps: numberParam('fps', 2, 0.2, 5),
  quality: numberParam('quality', 0.7, 0.3, 0.95),
};

const toast = createToaster(byId('toasts'));
const camera = new Camera();
const video = byId('self-view');
const feedback = new FeedbackView(byId('feedback'));
const commands = new CommandHandler({
  overlay: byId('pause-overlay'),
  overlayText: byId('pause-text'),
  messages: byId('teacher-messages'),
  recalibrate: byId('recalibrate-notice'),
});

let sessionId = pageParam('session');
let joined = null; // {sessionId, studentId, name, token, tokenExpiresAt, webSocketPath}
let frames = null;
/** The most pictures a second the server asks for (RATE), or null: as many as capture.fps. */
let askedFps = null;
let socket = null;
let renewTimer = null;
/** The language the socket last asked the server for (?lang=). */
let socketLanguage = null;
const lastErrorShown = new Map();

function goTo(step) {
  for (const id of STEPS) show(byId(id), id === step);
  const heading = byId(step).querySelector('h1');
  if (heading && step !== 'live-step') {
    heading.tabIndex = -1;
    heading.focus();
  }
}

function describeSession() {
  const label = byId('session-label');
  if (sessionId) setTranslated(label, 'join.session', 'Session {id}', { id: sessionId });
  else setUntranslated(label, '');
}

/** The join form's message: this page's words (redrawn when the language changes), or none. */
function showJoinError(words, params) {
  setTranslated(byId('join-error'), words.key, words.english, params);
}

/** The join form's message in the server's words, already in the language the join asked for. */
function showJoinErrorText(text) {
  setUntranslated(byId('join-error'), text);
}

function initJoinForm() {
  const codeField = byId('session-code-field');
  show(codeField, !sessionId || !IDENTIFIER.test(sessionId));
  if (sessionId && !IDENTIFIER.test(sessionId)) {
    showJoinError({ key: 'join.badCode', english: 'The session code in this link is not valid. Please check it.' });
  }
  const saved = sessionId ? remembered(sessionId) : null;
  if (saved) {
    byId('student-name').value = saved.name || '';
    byId('student-id').value = saved.typedId || '';
  }
  byId('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!codeField.hidden) {
      const code = byId('session-code').value.trim();
      if (!IDENTIFIER.test(code)) {
        showJoinError({ key: 'join.enterCode', english: 'Please enter the session code from your join link.' });
        byId('session-code').focus();
        return;
      }
      sessionId = code;
      const url = new URL(window.location.href);
      url.searchParams.set('session', code);
      history.replaceState(null, '', url);
      describeSession();
    }
    const typedId = byId('student-id').value;
    const identity = readIdentity(sessionId, byId('student-name').value, typedId);
    if (identity.error) {
      showJoinError(identity.error);
      byId('student-name').focus();
      return;
    }
    showJoinErrorText('');
    remember(sessionId, { studentId: identity.studentId, name: identity.name, typedId: typedId.trim() });
    join({ sessionId, ...identity }, typedId.trim() !== '');
  });
}

/** Registers the student with the session, then shows what the session does with the frames. */
async function join(identity, typedId) {
  const button = byId('join-button');
  button.disabled = true;
  setTranslated(button, 'join.joining', 'Joining…');
  try {
    const { connection, policy } = await joinSession(identity);
    joined = connection;
    scheduleRenewal();
    describePolicy(policy, capture.fps);
    goTo('consent-step');
  } catch (failure) {
    if (needsSignIn(failure)) {
      offerSignIn(failure.message);
    } else if (isClosed(failure) && failure.code === 'SESSION_ENDED') {
      goTo('ended-step');
    } else if (isClosed(failure)) {
      showJoinError(
        { key: 'join.comeBack', english: '{message} Please come back then and press Continue.' },
        { message: failure.message },
      );
    } else if (isIdTaken(failure)) {
      // An id made from the name is this page's choice, not the student's: make another next time.
      if (!typedId) forget(identity.sessionId);
      showJoinError(typedId ? TAKEN_TYPED_ID : TAKEN_DERIVED_ID);
    } else if (isNotOnRoster(failure)) {
      // The server's words say what to do; the id field is where the student corrects it.
      showJoinErrorText(failure.message);
      byId('student-id').focus();
    } else {
      showJoinError(
        { key: 'join.failed', english: 'Could not join the session: {message}' },
        { message: failure.message },
      );
    }
  } finally {
    button.disabled = false;
    setTranslated(button, 'join.continue', 'Continue');
  }
}

/**
 * The session takes only students signed in at their institution: the provider's sign-in, then
 * back to this page, where Continue joins under the id the institution gives.
 */
function offerSignIn(message) {
  showJoinError({ key: 'join.thenContinue', english: '{message} Then press Continue again.' }, { message });
  const link = byId('student-sign-in-link');
  link.href = appUrl(`auth/student-sign-in/${encodeURIComponent(sessionId)}`).pathname;
  show(byId('student-sign-in'));
}

async function startCamera() {
  try {
    await camera.start(video);
  } catch (failure) {
    // By their keys, so that a change of language redraws them (see camera.js).
    const text = byId('camera-error-text');
    if (failure.reason) setTranslated(text, failure.reason.key, failure.reason.english, failure.reason.params);
    else setUntranslated(text, failure.message);
    const help = byId('camera-error-help');
    help.replaceChildren(
      ...(failure.steps || []).map((step) => {
        const item = document.createElement('li');
        setTranslated(item, step.key, step.english, step.params);
        return item;
      }),
    );
    goTo('camera-step');
    return;
  }
  goTo('live-step');
  connect();
}

/** The socket's URL with the student's latest token (browsers cannot send headers on a WebSocket). */
function socketUrl() {
  // Each (re)connection asks for the page's current language: the server words its feedback in it.
  const lang = currentLanguage();
  socketLanguage = lang;
  if (typeof joined.webSocketPath === 'string' && joined.webSocketPath) {
    return webSocketUrl(joined.webSocketPath, { lang });
  }
  return webSocketUrl('ws/student', {
    sessionId: joined.sessionId,
    studentId: joined.studentId,
    token: joined.token,
    lang,
  });
}

/** Takes a rejoin's answer: a fresh token, and the socket path that carries it. */
function rejoined(connection) {
  if (!joined) return;
  Object.assign(joined, connection);
  scheduleRenewal();
}

/**
 * The socket checks the token only when it opens, so an open connection outlives it; but a later
 * reconnect needs a token still valid. Rejoining with the current token renews it before it ends.
 */
function scheduleRenewal() {
  clearTimeout(renewTimer);
  renewTimer = null;
  if (!joined || !Number.isFinite(joined.tokenExpiresAt)) return;
  const left = joined.tokenExpiresAt - Date.now();
  if (left <= 0) return;
  renewTimer = setTimeout(renewToken, Math.max(RENEW_RETRY_MS, left * RENEW_AT_FRACTION));
}

async function renewToken() {
  renewTimer = null;
  if (!joined) return;
  try {
    const { connection } = await joinSession(joined);
    rejoined(connection);
  } catch (failure) {
    // The token ran out first, or the student was taken off the roster; a refused reconnect says so.
    if (!joined || isIdTaken(failure) || isNotOnRoster(failure)) return;
    if (joined.tokenExpiresAt - Date.now() > RENEW_RETRY_MS) renewTimer = setTimeout(renewToken, RENEW_RETRY_MS);
  }
}

function connect() {
  if (!socket) {
    socket = new ReconnectingSocket(socketUrl, { maxBufferedBytes: MAX_BUFFERED_BYTES });
    showConnectionStatus(socket, byId('connection-status'), byId('reconnect-button'));
    socket.addEventListener('message', (event) => onMessage(event.detail));
    socket.addEventListener('state', updateSendingState);
    socket.addEventListener('state', rejoinAfterRefusal);
    socket.addEventListener('state', followLanguage);
  }
  frames = new FrameCapture(video, socket, joined, {
    ...capture,
    fps: sendingFps(),
    onChange: updateSendingState,
  });
  socket.start();
  frames.start();
}

let lastRejoinAt = 0;

/**
 * A refused connection usually means the server no longer knows this student (for example another
 * server instance took over) or no longer takes their token (it expired, or the server restarted
 * with a new key): join again once, quietly, with the token this tab kept, then reconnect as the
 * same student with the fresh token.
 */
async function rejoinAfterRefusal() {
  if (socket.status.state !== ConnectionState.FAILED || !joined) return;
  if (Date.now() - lastRejoinAt < REJOIN_AFTER_REFUSAL_MS) return;
  lastRejoinAt = Date.now();
  try {
    const { connection } = await joinSession(joined);
    rejoined(connection);
    if (camera.active) socket.retryNow();
  } catch (failure) {
    // Otherwise the status line already says the connection was refused, with a button to retry.
    if (isIdTaken(failure)) toast(t(TAKEN_AFTER_REFUSAL.key, {}, TAKEN_AFTER_REFUSAL.english));
    else if (isNotOnRoster(failure)) toast(failure.message);
    else if (isClosed(failure) && failure.code === 'SESSION_ENDED') ended();
  }
}

function onMessage(message) {
  switch (message.type) {
    case MessageType.FEEDBACK:
      feedback.show(message);
      showDelay(message);
      break;
    case MessageType.COMMAND:
      if (message.command === CommandKind.END_SESSION) {
        ended();
      } else if (!message.studentId || message.studentId === joined.studentId) {
        commands.handle(message);
      }
      break;
    case MessageType.RATE:
      askedFps = typeof message.fps === 'number' && message.fps > 0 ? message.fps : null;
      if (frames) frames.setFps(sendingFps());
      byId('analysis-slowed').hidden = sendingFps() === capture.fps;
      updateSendingState();
      break;
    case MessageType.ERROR: {
      const key = String(message.code);
      const last = lastErrorShown.get(key) || 0;
      if (Date.now() - last > ERROR_REPEAT_MS) {
        lastErrorShown.set(key, Date.now());
        const problem = message.message || message.code;
        toast(t('live.serverProblem', { message: problem }, 'The server reported a problem: {message}'));
      }
      break;
    }
    default:
      break;
  }
}

/** The page's own rate, or the server's lower one while it asks for fewer pictures. */
function sendingFps() {
  return askedFps === null ? capture.fps : Math.min(capture.fps, askedFps);
}

/** Past this, the page says the analysis runs late (a busy server answers frames late). */
const LATE_AFTER_MS = 3000;

/** FEEDBACK names the frame it answers by the timestamp this page gave it. */
function showDelay(message) {
  if (typeof message.frameTimestamp !== 'number') return;
  byId('analysis-delay').hidden = Date.now() - message.frameTimestamp <= LATE_AFTER_MS;
}

function updateSendingState() {
  const element = byId('sending-state');
  if (!socket || !frames) return setText(element, '');
  if (socket.status.state !== ConnectionState.OPEN) {
    setText(
      element,
      t('live.notSending', {}, 'Not sending: waiting for the connection. Pictures are skipped meanwhile, not saved.'),
    );
  } else {
    const fps = sendingFps();
    const rate =
      fps === 1 ? t('live.onePicture', {}, '1 picture') : t('live.pictures', { n: formatNumber(fps) }, '{n} pictures');
    setText(element, t('live.sending', { rate }, 'Sending {rate} per second.'));
  }
}

function stopEverything() {
  clearTimeout(renewTimer);
  renewTimer = null;
  if (frames) frames.stop();
  if (socket) socket.stop(1000, 'student left');
  camera.stop();
  video.srcObject = null;
  commands.resume();
}

/** The teacher ended the session: nothing more is sent, and nothing tries to reconnect. */
function ended() {
  stopEverything();
  joined = null;
  goTo('ended-step');
}

function leave() {
  stopEverything();
  goTo('left-step');
}

describeSession();
initJoinForm();
byId('agree-button').addEventListener('click', startCamera);
byId('decline-button').addEventListener('click', () => {
  joined = null;
  goTo('join-step');
  showJoinError({
    key: 'join.declined',
    english: 'You did not agree, so your camera stays off. You can close this page.',
  });
});
byId('camera-retry').addEventListener('click', startCamera);
byId('camera-leave').addEventListener('click', leave);
byId('leave-button').addEventListener('click', leave);
byId('pause-leave').addEventListener('click', leave);
byId('rejoin-button').addEventListener('click', () => goTo('join-step'));
window.addEventListener('pagehide', stopEverything);
window.addEventListener('pageshow', (event) => {
  // Back from the browser's page cache: the camera was stopped on the way out.
  if (event.persisted && joined && !camera.active) goTo('left-step');
});

showSignIn();

/**
 * The server words its feedback in the language the socket asked for when it opened: an open socket
 * that asked for another is replaced at once (one still opening, as soon as it is open).
 */
function followLanguage() {
  if (socket && socket.isOpen && socketLanguage !== currentLanguage()) socket.reconnect();
}

// A change of language redraws at once what the markup and setTranslated marked; the rest here.
onLanguageChange(() => {
  updateSendingState();
  followLanguage();
});
wireLanguageSwitch(byId('language-switch'));
initI18n();
