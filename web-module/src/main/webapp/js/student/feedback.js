import { setTranslated, setUntranslated } from '../i18n.js';

/** A message stays at least this long, so feedback reads calmly instead of flickering. */
const MIN_DISPLAY_MS = 4000;

/**
 * Shows the server's FEEDBACK as a gentle sentence. Scores are not displayed: a student gets a
 * word of encouragement, not a number to worry about.
 */
export class FeedbackView {
  #element;
  #shownAt = 0;
  #pending = null;
  #timer = null;

  constructor(element) {
    this.#element = element;
  }

  show(feedback) {
    this.#pending = feedback;
    const wait = this.#shownAt + MIN_DISPLAY_MS - Date.now();
    if (wait <= 0) this.#flush();
    else if (this.#timer === null) this.#timer = setTimeout(() => this.#flush(), wait);
  }

  #flush() {
    this.#timer = null;
    const feedback = this.#pending;
    if (!feedback) return;
    this.#pending = null;
    // The server's sentence is already in the language the socket asked for; only this page's own
    // words follow a change of language.
    const given = typeof feedback.message === 'string' && feedback.message;
    const shown = this.#element.textContent;
    if (given) setUntranslated(this.#element, feedback.message);
    else setTranslated(this.#element, 'live.connected', 'Thanks, you are connected.');
    if (this.#element.textContent !== shown || this.#element.dataset.status !== feedback.status) {
      this.#element.dataset.status = typeof feedback.status === 'string' ? feedback.status : '';
      this.#shownAt = Date.now();
    }
  }
}
