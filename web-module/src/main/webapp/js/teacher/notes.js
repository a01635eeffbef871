import { callApi } from '../api.js';
import { h } from '../dom.js';
import { setTranslated, setUntranslated, t } from '../i18n.js';
import { datasetOf, timeElement } from './review-dom.js';

/**
 * Teachers' notes on a student or one of their alerts: how a note is listed (on the report and on
 * the timeline), and the form that adds one (POST /sessions/{id}/notes) without reloading the page.
 * Their words are in the page's language (js/i18n.js, keys review.note.*).
 */

/** The longest note the server keeps (TeacherNote.MAX_LENGTH). */
export const MAX_NOTE_LENGTH = 2000;

/** Who wrote a note: its author, "you" for a note this page kept as sent, else "A teacher". */
function authorOf(note) {
  if (typeof note.author === 'string' && note.author) return note.author;
  return note.byReader ? t('review.note.you', {}, 'you') : t('review.note.someTeacher', {}, 'A teacher');
}

/**
 * A note as a list item: when, who, what it is about (about: text or nodes, optional), and its
 * text, which keeps the writer's line breaks.
 */
export function noteItem(note, referenceMs, about = null) {
  const author = authorOf(note);
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
  // The message is on ui.error already: mark the text as the field to correct.
  const invalid = () => {
    ui.text.setAttribute('aria-invalid', 'true');
    ui.text.focus();
  };
  ui.text.addEventListener('input', () => {
    ui.text.removeAttribute('aria-invalid');
    setUntranslated(ui.error, '');
  });
  ui.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = ui.text.value.trim();
    setUntranslated(ui.status, '');
    setUntranslated(ui.error, '');
    if (!text) {
      setTranslated(ui.error, 'review.note.empty', 'Please write the note first.');
      invalid();
      return;
    }
    if (text.length > MAX_NOTE_LENGTH) {
      setTranslated(
        ui.error,
        'review.note.tooLong',
        'A note can have at most {max} characters; this one has {length}.',
        { max: String(MAX_NOTE_LENGTH), length: String(text.length) },
      );
      invalid();
      return;
    }
    const alertId = ui.target.value || undefined;
    ui.submit.disabled = true;
    setTranslated(ui.status, 'review.note.saving', 'Saving the note…');
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
          : { studentId, alertId, text, byReader: true, at: Date.now() };
      ui.text.value = '';
      ui.text.removeAttribute('aria-invalid');
      setTranslated(ui.status, 'review.note.saved', 'Note saved.');
      onSaved(note);
    } catch (failure) {
      setUntranslated(ui.status, '');
      setTranslated(ui.error, 'review.note.failed', 'Could not save the note: {message}', {
        message: failure && failure.message ? String(failure.message) : '',
      });
      invalid();
    } finally {
      ui.submit.disabled = false;
    }
  });
}
