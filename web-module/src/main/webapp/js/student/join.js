import { callApi } from '../api.js';
import { byId } from '../dom.js';
import { currentLanguage, setTranslated, setUntranslated } from '../i18n.js';
import { forgetToken, rememberToken, rememberedToken } from './identity.js';

/**
 * Registers the student with the session (POST /sessions/{id}/students). A token this tab kept
 * for the student goes along as Authorization: Bearer, so that a reload or a rejoin resumes them;
 * the fresh token of the answer is kept in its place. Returns what the socket needs ({sessionId,
 * studentId, name, token, tokenExpiresAt, webSocketPath}) and the session's policy as the server
 * answered it.
 */
export async function joinSession({ sessionId, studentId, name }) {
  const path = `sessions/${encodeURIComponent(sessionId)}/students`;
  const kept = rememberedToken(sessionId, studentId);
  // The server words a refusal in the page's language.
  const headers = { 'Accept-Language': currentLanguage() };
  if (kept) headers.Authorization = `Bearer ${kept}`;
  let answer;
  try {
    answer = (await callApi('POST', path, { studentId, name }, { headers })) || {};
  } catch (failure) {
    // The server did not take the kept token as this student's: it is of no more use.
    if (kept && isIdTaken(failure)) forgetToken(sessionId, studentId);
    throw failure;
  }
  const id = answer.studentId || studentId;
  const token = typeof answer.token === 'string' && answer.token ? answer.token : null;
  if (token) rememberToken(sessionId, id, token);
  return {
    connection: {
      sessionId,
      studentId: id,
      name,
      token,
      tokenExpiresAt: Number.isFinite(answer.tokenExpiresAt) ? answer.tokenExpiresAt : null,
      webSocketPath: answer.webSocketPath || answer.webSocketUrl || null,
    },
    policy: answer,
  };
}

/** True when the session lets students join only signed in through their institution. */
export function needsSignIn(failure) {
  return Boolean(failure) && failure.status === 401 && failure.code === 'STUDENT_SIGN_IN_REQUIRED';
}

/** True when the server refused the join because another student already joined with this id. */
export function isIdTaken(failure) {
  return Boolean(failure) && failure.status === 409 && failure.code === 'STUDENT_ID_TAKEN';
}

/**
 * True when the session lets only the students on its roster join, and this id is not on it: the
 * student may have mistyped their id, or the teacher has yet to add them.
 */
export function isNotOnRoster(failure) {
  return Boolean(failure) && failure.status === 403 && failure.code === 'NOT_ON_ROSTER';
}

/** True when the session takes no students now: it opens later (SESSION_NOT_OPEN) or has ended. */
export function isClosed(failure) {
  return (
    Boolean(failure) &&
    failure.status === 409 &&
    (failure.code === 'SESSION_ENDED' || failure.code === 'SESSION_NOT_OPEN')
  );
}

/** Makes the notice say exactly what this session does, where the server told. */
export function describePolicy(policy, fps) {
  // The rate in the page's locale (0.5 reads "0,5" in German), again after a change of language.
  setTranslated(byId('consent-fps'), 'consent.fps', '{fps}', { fps });
  if (typeof policy.sessionName === 'string' && policy.sessionName) {
    setUntranslated(byId('session-label'), policy.sessionName);
  }
  if (policy.affectInference === false) {
    setTranslated(
      byId('consent-affect'),
      'policy.presenceOnly',
      'The server only checks that you are present; it does not estimate emotions, attention or confusion.',
    );
    setTranslated(
      byId('consent-teacher'),
      'policy.teacherPresenceOnly',
      'Your teacher sees your name and whether you are present. Your teacher does not see your video.',
    );
  }
  if (policy.screenshots === true) {
    setTranslated(
      byId('consent-screenshots'),
      'policy.screenshots',
      'When an alert is raised, the one picture taken at that moment is kept and shown to your teacher.',
    );
  } else if (policy.screenshots === false) {
    setTranslated(
      byId('consent-screenshots'),
      'policy.noScreenshots',
      'This session keeps no pictures, not even for alerts.',
    );
  }
}
