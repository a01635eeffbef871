import { callApi } from '../api.js';
import { h, setText } from '../dom.js';
import { datasetOf, timeElement } from './review-dom.js';

/**
 * Teachers' notes on a student or one of their alerts: how a note is listed (on the report and on
 * the timeline), and the form that adds one (POST /sessions/{id}/notes) without reloading the page.
 */

/** The longest note the server keeps (TeacherNote.MAX_LENGTH). */
export const MAX_NOTE_LENGTH = 2000;

/**
 * A note as a list item: when, who, what it is about (about: text or nodes, optional), and its
 * text, which keeps the writer's line breaks.
 */
export function noteItem(note, referenceMs, about = null) {
  const author = typeof note.author === 'string' && note.author ? note.author : 'A teacher';
  const dataset = datasetOf({ noteId: note.noteId, studentId: note.studentId, alertId: note.alertId });
  return h(
    'li',
    { class: 'note', dataset },
    h('p', { class: 'note-meta' }, timeElement(note.at, referenceMs), ` · ${author}`, about ? [' · ', about] : null),
    h('p', { class: 'note-text', text: typeof note.text === 'string' ? note.text : '' }),
  );
}

/**
 * Wires the note form: checks the text, posts it on the student or on the alert chosen in
 * ui.target (value "" for the student), and hands the saved note to onSaved. Problems go to
 * ui.error (role=alert), progress to ui.status (role=status).
 */
export function wireNoteForm({ ui, sessionId, studentId, onSaved }) {
  const fail = (message) => {
    setText(ui.error, message);
    ui.text.setAttribute('aria-invalid', 'true');
    ui.text.focus();
  };
  ui.text.addEventListener('input', () => {
    ui.text.removeAttribute('aria-invalid');
    setText(ui.error, '');
  });
  ui.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = ui.text.value.trim();
    setText(ui.status, '');
    setText(ui.error, '');
    if (!text) {
      fail('Please write the note first.');
      return;
    }
    if (text.length > MAX_NOTE_LENGTH) {
      fail(`A note can have at most ${MAX_NOTE_LENGTH} characters; this one has ${text.length}.`);
      return;
    }
    const alertId = ui.target.value || undefined;
    ui.submit.disabled = true;
    setText(ui.status, 'Saving the note…');
    try {
      const saved = await callApi('POST', `sessions/${encodeURIComponent(sessionId)}/notes`, {
        studentId,
        alertId,
        text,
      });
      // The server answers with the note as kept; should it not, the page shows what was sent.
      const note =
        saved && typeof saved === 'object' && typeof saved.text === 'string'
          ? saved
          : { studentId, alertId, text, author: 'you', at: Date.now() };
      ui.text.value = '';
      ui.text.removeAttribute('aria-invalid');
      setText(ui.status, 'Note saved.');
      onSaved(note);
    } catch (failure) {
      setText(ui.status, '');
      fail(`Could not save the note: ${failure.message}`);
    } finally {
      ui.submit.disabled = false;
    }
  });
}
