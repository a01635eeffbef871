import { CommandKind } from '../protocol.js';
import { h, show } from '../dom.js';
import { formatTime, setTranslated } from '../i18n.js';

const MAX_MESSAGES = 5;
const RECALIBRATE_NOTICE_MS = 8000;

/** Obeys the teacher's COMMANDs: the exam pause overlay, messages, and the recalibration notice. */
export class CommandHandler {
  #overlay;
  #overlayText;
  #messages;
  #recalibrate;
  #recalibrateTimer = null;
  #focusBeforePause = null;

  constructor({ overlay, overlayText, messages, recalibrate }) {
    this.#overlay = overlay;
    this.#overlayText = overlayText;
    this.#messages = messages;
    this.#recalibrate = recalibrate;
    // While paused, keyboard focus stays on the overlay (or the header, with the connection status).
    document.addEventListener('focusin', (event) => {
      if (this.#overlay.hidden || this.#overlay.contains(event.target) || event.target.closest('.app-header')) return;
      this.#overlay.focus();
    });
  }

  get paused() {
    return !this.#overlay.hidden;
  }

  handle(message) {
    const text = typeof message.text === 'string' ? message.text : '';
    switch (message.command) {
      case CommandKind.PAUSE_EXAM:
        this.#overlayText.textContent = text;
        if (this.#overlay.hidden) this.#focusBeforePause = document.activeElement;
        show(this.#overlay);
        this.#overlay.focus();
        break;
      case CommandKind.RESUME_EXAM:
        this.resume();
        break;
      case CommandKind.MESSAGE:
        if (text) this.#addMessage(text);
        break;
      case CommandKind.RECALIBRATE:
        show(this.#recalibrate);
        clearTimeout(this.#recalibrateTimer);
        this.#recalibrateTimer = setTimeout(() => show(this.#recalibrate, false), RECALIBRATE_NOTICE_MS);
        break;
      default:
        break;
    }
  }

  resume() {
    if (this.#overlay.hidden) return;
    show(this.#overlay, false);
    if (this.#focusBeforePause && this.#focusBeforePause.isConnected) this.#focusBeforePause.focus();
  }

  #addMessage(text) {
    const dismiss = h('button', { type: 'button', class: 'secondary' });
    setTranslated(dismiss, 'message.dismiss', 'OK');
    // The time it came, in the page's locale; the label follows a change of language.
    const at = Date.now();
    const label = h('strong');
    setTranslated(label, 'message.from', 'Message from your teacher ({time})', {
      time: () => formatTime(at, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    });
    const item = h('div', { class: 'teacher-message', role: 'alert' }, h('div', {}, label, h('p', { text })), dismiss);
    dismiss.addEventListener('click', () => item.remove());
    this.#messages.prepend(item);
    while (this.#messages.children.length > MAX_MESSAGES) this.#messages.lastElementChild.remove();
  }
}
