import { IDENTIFIER } from '../protocol.js';

const STORAGE_KEY = 'smartsession.student';

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
 * Checks the join form. Returns {studentId, name} or {error}. A name alone gets an id derived from
 * it, remembered for this tab so that a reload resumes as the same student.
 */
export function readIdentity(sessionId, nameInput, idInput) {
  const name = nameInput.trim().replace(/\s+/g, ' ');
  let studentId = idInput.trim();
  if (!name && !studentId) return { error: 'Please enter your name or your student ID.' };
  if (studentId && !IDENTIFIER.test(studentId)) {
    return { error: 'A student ID may only contain letters, digits and the characters _ . @ - (up to 64).' };
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
