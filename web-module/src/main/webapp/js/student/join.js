import { callApi } from '../api.js';
import { byId, setText } from '../dom.js';

/**
 * Registers the student with the session (POST /sessions/{id}/students). Returns what the socket
 * needs ({sessionId, studentId, name, webSocketPath}) and the session's policy as the server
 * answered it.
 */
export async function joinSession({ sessionId, studentId, name }) {
  const path = `sessions/${encodeURIComponent(sessionId)}/students`;
  const answer = (await callApi('POST', path, { studentId, name })) || {};
  return {
    connection: {
      sessionId,
      studentId: answer.studentId || studentId,
      name,
      webSocketPath: answer.webSocketPath || answer.webSocketUrl || null,
    },
    policy: answer,
  };
}

/** Makes the notice say exactly what this session does, where the server told. */
export function describePolicy(policy, fps) {
  setText(byId('consent-fps'), fps);
  if (typeof policy.sessionName === 'string' && policy.sessionName) setText(byId('session-label'), policy.sessionName);
  if (policy.affectInference === false) {
    setText(
      byId('consent-affect'),
      'The server only checks that you are present; it does not estimate emotions, attention or confusion.',
    );
    setText(
      byId('consent-teacher'),
      'Your teacher sees your name and whether you are present. Your teacher does not see your video.',
    );
  }
  if (policy.screenshots === true) {
    setText(
      byId('consent-screenshots'),
      'When an alert is raised, the one picture taken at that moment is kept and shown to your teacher.',
    );
  } else if (policy.screenshots === false) {
    setText(byId('consent-screenshots'), 'This session keeps no pictures, not even for alerts.');
  }
}
