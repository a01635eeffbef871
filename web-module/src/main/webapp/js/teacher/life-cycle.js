import { callApi } from '../api.js';
import { setText, show } from '../dom.js';
import { onLanguageChange, t } from '../i18n.js';
import { dateTimeText } from './summary.js';

export const Phase = Object.freeze({ SCHEDULED: 'SCHEDULED', OPEN: 'OPEN', ENDED: 'ENDED' });

/** What a session's phase means, in one line for a teacher, in the page's language. */
export function describePhase(session) {
  switch (session?.phase) {
    case Phase.SCHEDULED:
      return t(
        'dashboard.lifeCycle.scheduled',
        { time: dateTimeText(session.opensAt) },
        'Scheduled: students can join from {time}.',
      );
    case Phase.ENDED:
      return t(
        'dashboard.lifeCycle.ended',
        { time: dateTimeText(session.endedAt) },
        'Ended {time}. Students can no longer join; what was recorded stays here for review.',
      );
    case Phase.OPEN:
      return t('dashboard.lifeCycle.open', {}, 'Open: students can join.');
    default:
      return '';
  }
}

/** "Data kept 24 h after the last activity."; "" when the session view does not say. */
export function describeRetention(session) {
  const hours = session?.retentionHours;
  if (!Number.isInteger(hours) || hours <= 0) return '';
  return t('dashboard.lifeCycle.retention', { hours }, 'Data kept {hours} h after the last activity.');
}

/**
 * The dashboard's life-cycle line: the phase, "Start now" for a scheduled session and "End session"
 * for an open one, and how long the session's data is kept. An ended session hides what only a
 * running one needs (the join link, commands, the roster's form). A change of language says it again.
 */
export class LifeCycle {
  #ui;
  #sessionId;
  #toast;
  #session = null;

  constructor({ ui, sessionId, toast }) {
    this.#ui = ui;
    this.#sessionId = sessionId;
    this.#toast = toast;
    ui.start.addEventListener('click', () => this.#change('start'));
    ui.remove.addEventListener('click', () => this.#delete());
    ui.end.addEventListener('click', () => {
      const ask = t(
        'dashboard.lifeCycle.endConfirm',
        {},
        'End this session now? Students are disconnected and cannot join again.',
      );
      if (window.confirm(ask)) this.#change('end');
    });
    onLanguageChange(() => {
      if (this.#session) this.show(this.#session);
    });
  }

  get ended() {
    return this.#session?.phase === Phase.ENDED;
  }

  show(session) {
    if (!session) return;
    this.#session = session;
    const phase = session.phase;
    this.#ui.section.dataset.phase = phase || '';
    setText(this.#ui.text, describePhase(session));
    if (this.#ui.retention) {
      const retention = describeRetention(session);
      setText(this.#ui.retention, retention);
      show(this.#ui.retention, retention !== '');
    }
    show(this.#ui.start, phase === Phase.SCHEDULED);
    show(this.#ui.end, phase === Phase.OPEN || phase === Phase.SCHEDULED);
    for (const element of this.#ui.whileRunning) show(element, phase !== Phase.ENDED);
  }

  /** Reads the session again: another teacher or server may have changed it. */
  async refresh() {
    try {
      this.show(await callApi('GET', `sessions/${encodeURIComponent(this.#sessionId)}`));
    } catch (failure) {
      this.#toast(
        t('dashboard.sessionUnavailable', { message: failure.message }, 'Session details unavailable: {message}'),
      );
    }
  }

  /** Deletes everything kept of the session, then goes back to the list of sessions. */
  async #delete() {
    const ask = t(
      'dashboard.lifeCycle.deleteConfirm',
      {},
      'Delete everything kept of this session (students, history, alerts, pictures)? This cannot be undone.',
    );
    if (!window.confirm(ask)) return;
    try {
      await callApi('DELETE', `sessions/${encodeURIComponent(this.#sessionId)}`);
    } catch (failure) {
      this.#toast(
        t('dashboard.lifeCycle.deleteFailed', { message: failure.message }, 'Could not delete the session: {message}'),
      );
      return;
    }
    window.location.assign('./');
  }

  async #change(action) {
    this.#ui.start.disabled = true;
    this.#ui.end.disabled = true;
    try {
      this.show(await callApi('POST', `sessions/${encodeURIComponent(this.#sessionId)}/${action}`));
    } catch (failure) {
      const message = failure.message;
      this.#toast(
        action === 'start'
          ? t('dashboard.lifeCycle.startFailed', { message }, 'Could not start the session: {message}')
          : t('dashboard.lifeCycle.endFailed', { message }, 'Could not end the session: {message}'),
      );
    } finally {
      this.#ui.start.disabled = false;
      this.#ui.end.disabled = false;
    }
  }
}
