import { t } from '../i18n.js';
import { alertTypeLabel } from '../protocol.js';

const KEY = 'smartsession.alert-signals';
const TONE_MS = 180;

/** Exams signal alerts by default; in a lecture they stay quiet unless the teacher chose otherwise. */
function defaults(kind) {
  const on = kind !== 'CLASS';
  return { sound: on, desktop: on };
}

/**
 * How a new critical alert is signalled beyond the page: a short tone and a desktop notification
 * (Notification API), each chosen by the teacher per kind of session and remembered in this
 * browser under their login.
 */
export class AlertSignals {
  #ui;
  #teacher = 'anyone';
  #kind = 'EXAM';
  #audio = null;
  #studentName;

  constructor({ ui, studentName }) {
    this.#ui = ui;
    this.#studentName = studentName;
    ui.sound.addEventListener('change', () => this.#save());
    ui.desktop.addEventListener('change', async () => {
      if (ui.desktop.checked && 'Notification' in window && Notification.permission === 'default') {
        await Notification.requestPermission();
      }
      this.#save();
      this.#showPermission();
    });
    this.#apply();
  }

  /** The session's kind and the signed-in teacher, once known, pick the remembered choice. */
  configure({ kind, teacher }) {
    if (kind) this.#kind = kind;
    if (teacher) this.#teacher = teacher;
    this.#apply();
  }

  get sound() {
    return this.#ui.sound.checked;
  }

  get desktop() {
    return this.#ui.desktop.checked;
  }

  /** A new alert (not a repeat, not one read back from the store). */
  raised(alert) {
    if (this.sound) this.#beep();
    if (this.desktop && 'Notification' in window && Notification.permission === 'granted') {
      const who = this.#studentName(alert.studentId) || alert.studentId;
      const title = t('dashboard.alert.title', { type: alertTypeLabel(alert.alertType), name: who }, '{type}: {name}');
      const notification = new Notification(title, {
        body: alert.reason || '',
        tag: alert.alertId,
      });
      notification.addEventListener('click', () => window.focus());
    }
  }

  #stored() {
    try {
      return JSON.parse(localStorage.getItem(KEY) || '{}');
    } catch {
      return {};
    }
  }

  #apply() {
    const chosen = this.#stored()[this.#teacher]?.[this.#kind] ?? defaults(this.#kind);
    this.#ui.sound.checked = Boolean(chosen.sound);
    this.#ui.desktop.checked = Boolean(chosen.desktop);
    this.#showPermission();
  }

  #save() {
    const all = this.#stored();
    all[this.#teacher] = { ...all[this.#teacher], [this.#kind]: { sound: this.sound, desktop: this.desktop } };
    localStorage.setItem(KEY, JSON.stringify(all));
  }

  #showPermission() {
    const blocked = this.desktop && (!('Notification' in window) || Notification.permission === 'denied');
    this.#ui.permission.hidden = !blocked;
  }

  /** A short two-note tone; browsers allow sound once the teacher has interacted with the page. */
  #beep() {
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!AudioContext) return;
    this.#audio ??= new AudioContext();
    const now = this.#audio.currentTime;
    [880, 660].forEach((frequency, i) => {
      const tone = this.#audio.createOscillator();
      const gain = this.#audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.value = 0.15;
      tone.connect(gain).connect(this.#audio.destination);
      tone.start(now + (i * TONE_MS) / 1000);
      tone.stop(now + ((i + 1) * TONE_MS) / 1000);
    });
  }
}
