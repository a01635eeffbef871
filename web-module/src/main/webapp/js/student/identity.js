import { IDENTIFIER } from '../protocol.js';

const STORAGE_KEY = 'smartsession.student';
/** Tokens are kept per session and student: smartsession.token/SESSION/STUDENT (ids have no "/"). */
const TOKEN_PREFIX = 'smartsession.token/';

/** A student id from a name, for students who gave only their name: "Ana Pérez" → "ana-perez-4k2q". */
function idFromName(name) {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const suffix = Math.random().toString(36).slice(2, 6).padEnd(4, '0');
  return slug ? `${slug}-${suffix}` : `student-${suffix}`;
}

/**
 * Checks the join form. Returns {studentId, name} or {error: {key, english}}, the error by its
 * catalogue key so that the page shows it in its language. A name alone gets an id derived from
 * it, remembered for this tab so that a reload resumes as the same student.
 */
export function readIdentity(sessionId, nameInput, idInput) {
  const name = nameInput.trim().replace(/\s+/g, ' ');
  let studentId = idInput.trim();
  if (!name && !studentId) {
    return { error: { key: 'join.nameOrId', english: 'Please enter your name or your student ID.' } };
  }
  if (studentId && !IDENTIFIER.test(studentId)) {
    return {
      error: {
        key: 'join.badId',
        english: 'A student ID may only contain letters, digits and the characters _ . @ - (up to 64).',
      },
    };
  }
  if (!studentId) {
    const saved = remembered(sessionId);
    studentId = saved && saved.name === name ? saved.studentId : idFromName(name);
  }
  return { studentId, name: name || studentId };
}

export function remember(sessionId, identity) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ sessionId, ...identity }));
  } catch {
    // Private modes may refuse storage; the student then simply types again after a reload.
  }
}

export function remembered(sessionId) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    return saved && saved.sessionId === sessionId ? saved : null;
  } catch {
    return null;
  }
}

/** Forgets who this tab joined as, so that the next join derives a new id from the name. */
export function forget(sessionId) {
  try {
    if (remembered(sessionId)) sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}

function tokenKey(sessionId, studentId) {
  return `${TOKEN_PREFIX}${sessionId}/${studentId}`;
}

/**
 * Keeps the token the join answered, for this tab only: it opens the student's socket, and it is
 * what lets this tab rejoin as the same student after a reload.
 */
export function rememberToken(sessionId, studentId, token) {
  try {
    sessionStorage.setItem(tokenKey(sessionId, studentId), token);
  } catch {
    // Without storage a reload cannot resume this student; the page still works until then.
  }
}

/** The token this tab was given for the student in the session, or null. */
export function rememberedToken(sessionId, studentId) {
  try {
    return sessionStorage.getItem(tokenKey(sessionId, studentId));
  } catch {
    return null;
  }
}

export function forgetToken(sessionId, studentId) {
  try {
    sessionStorage.removeItem(tokenKey(sessionId, studentId));
  } catch {
    // Nothing was kept.
  }
}
