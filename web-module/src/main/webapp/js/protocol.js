import { t } from './i18n.js';

/**
 * The wire protocol as the pages see it: message types, the values they carry, and builders for
 * what the pages send. Field names are the server's contract (org.smartsession.model.protocol).
 */

export const MessageType = Object.freeze({
  VIDEO_FRAME: 'VIDEO_FRAME',
  FEEDBACK: 'FEEDBACK',
  SESSION_UPDATE: 'SESSION_UPDATE',
  CRITICAL_ALERT: 'CRITICAL_ALERT',
  ALERT_ACKNOWLEDGED: 'ALERT_ACKNOWLEDGED',
  COMMAND: 'COMMAND',
  ERROR: 'ERROR',
  RATE: 'RATE',
});

/** A label in the page's language, read each time it is shown, so that a switch redraws it. */
function labelled(key, english, fields) {
  return Object.freeze(
    Object.defineProperty({ ...fields }, 'label', { get: () => t(key, {}, english), enumerable: true }),
  );
}

/**
 * Student statuses, each with a label and a glyph so that no status is told by colour alone, and a
 * rank for sorting by "needs attention first".
 */
export const Status = Object.freeze({
  CONFUSED: labelled('status.CONFUSED', 'Confused', { glyph: '?', rank: 0 }),
  DISENGAGED: labelled('status.DISENGAGED', 'Disengaged', { glyph: '↓', rank: 1 }),
  IDLE: labelled('status.IDLE', 'No frames', { glyph: '…', rank: 2 }),
  ANALYSIS_UNAVAILABLE: labelled('status.ANALYSIS_UNAVAILABLE', 'No analysis', { glyph: '!', rank: 3 }),
  JOINED: labelled('status.JOINED', 'Joined', { glyph: '+', rank: 4 }),
  PRESENT: labelled('status.PRESENT', 'Present', { glyph: '●', rank: 5 }),
  ENGAGED: labelled('status.ENGAGED', 'Engaged', { glyph: '✓', rank: 6 }),
});

const UNKNOWN_STATUS = labelled('status.UNKNOWN', 'Unknown', { glyph: '·', rank: 7 });

export function statusInfo(status) {
  return Object.hasOwn(Status, status) ? Status[status] : UNKNOWN_STATUS;
}

/** The alert types with their English labels; alertTypeLabel gives them in the page's language. */
export const AlertType = Object.freeze({
  MULTIPLE_FACES: 'More than one face',
  NO_FACE: 'Nobody in front of the camera',
  LOOKING_AWAY: 'Looking away',
  CAMERA_BLOCKED: 'Camera blocked',
});

export function alertTypeLabel(type) {
  if (Object.hasOwn(AlertType, type)) return t(`alertType.${type}`, {}, AlertType[type]);
  return type === null || type === undefined ? t('alertType.unknown', {}, 'Alert') : String(type);
}

export const AckAction = Object.freeze({ REVIEWED: 'REVIEWED', DISMISSED: 'DISMISSED' });

export const CommandKind = Object.freeze({
  PAUSE_EXAM: 'PAUSE_EXAM',
  RESUME_EXAM: 'RESUME_EXAM',
  MESSAGE: 'MESSAGE',
  RECALIBRATE: 'RECALIBRATE',
  END_SESSION: 'END_SESSION',
});

/** Longest text a COMMAND may carry (Command.MAX_TEXT_LENGTH on the server). */
export const MAX_COMMAND_TEXT = 500;

/**
 * The confusion indicators, by the keys of a student's "indicators" in SESSION_UPDATE. Their
 * weights in the score are the deployment's (smartsession.scoring.*.weight): the session view
 * carries them, see scoringOf.
 */
export const Indicators = Object.freeze([
  labelled('indicator.eyebrowFurrow', 'Eyebrow furrow', { key: 'eyebrowFurrow' }),
  labelled('indicator.gazeShifts', 'Gaze shifts', { key: 'gazeShifts' }),
  labelled('indicator.headTilt', 'Head tilt', { key: 'headTilt' }),
  labelled('indicator.microExpressions', 'Micro-expressions', { key: 'microExpressions' }),
]);

/**
 * How a session scores confusion, from the "scoring" of a session view (GET /sessions/{id}):
 * {weights: {indicator key: weight}, confusedAbove} with only the finite numbers the server sent,
 * confusedAbove null when absent. Null when the view has no scoring (affect inference is off, or
 * the server did not say), so that nothing is made up in its place.
 */
export function scoringOf(sessionView) {
  const scoring = sessionView && sessionView.scoring;
  if (!scoring || typeof scoring !== 'object' || !scoring.weights || typeof scoring.weights !== 'object') {
    return null;
  }
  const weights = {};
  for (const { key } of Indicators) {
    const weight = scoring.weights[key];
    if (typeof weight === 'number' && Number.isFinite(weight) && weight >= 0) weights[key] = weight;
  }
  return Object.freeze({ weights: Object.freeze(weights), confusedAbove: score(scoring.confusedAbove) });
}

/** Identifiers the server accepts for students and sessions. */
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

/** Reads one text frame; null when it is not a JSON object with a string type. */
export function parseMessage(text) {
  if (typeof text !== 'string') return null;
  try {
    const message = JSON.parse(text);
    return message && typeof message === 'object' && typeof message.type === 'string' ? message : null;
  } catch {
    return null;
  }
}

export function videoFrame(sessionId, studentId, frame, fps, resolution) {
  return {
    type: MessageType.VIDEO_FRAME,
    studentId,
    sessionId,
    timestamp: Date.now(),
    frame,
    metadata: { fps, resolution },
  };
}

export function alertAcknowledged(alertId, action) {
  return { type: MessageType.ALERT_ACKNOWLEDGED, alertId, action };
}

/** A teacher's command; without studentId it goes to every student of the session. */
export function command(kind, studentId, text) {
  const message = { type: MessageType.COMMAND, command: kind };
  if (studentId) message.studentId = studentId;
  if (text) message.text = text.slice(0, MAX_COMMAND_TEXT);
  return message;
}

/** A score in [0, 1], or null when the server left it out (unknown or affect inference off). */
export function score(value) {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : null;
}
