import { onLanguageChange, t } from '../i18n.js';
import { AckAction, alertAcknowledged, alertTypeLabel } from '../protocol.js';
import { h, setText, show, isImageDataUrl } from '../dom.js';
import { clockText, percentText } from './summary.js';

const MAX_LISTED = 100;
const MAX_KEPT = 500;

/** The server confirms an acknowledgement to every teacher; without that word by then, ours stands. */
const ACK_CONFIRM_MS = 10000;

/** The words of the decisions, in the page's language when read. */
const ACTION_WORDS = {
  REVIEWED: () => t('dashboard.alert.reviewed', {}, 'Reviewed'),
  DISMISSED: () => t('dashboard.alert.dismissed', {}, 'Dismissed'),
};

/** Who made a decision: "you" for this teacher's own (own), else the login the server sent. */
function deciderName(ack) {
  return ack.own ? t('dashboard.alert.you', {}, 'you') : ack.by;
}

function describeAck(ack) {
  const action = Object.hasOwn(ACTION_WORDS, ack.action) ? ACTION_WORDS[ack.action]() : ack.action;
  if (ack.pending) return t('dashboard.alert.sending', { action }, '{action} (sending…)');
  const name = ack.by ? deciderName(ack) : null;
  const time = ack.at ? clockText(ack.at) : null;
  if (name && time) return t('dashboard.alert.decidedByAt', { action, name, time }, '{action} by {name} at {time}');
  if (name) return t('dashboard.alert.decidedBy', { action, name }, '{action} by {name}');
  if (time) return t('dashboard.alert.decidedAt', { action, time }, '{action} at {time}');
  return String(action);
}

/** "Raised 3 times, last at 10:42:07" for an alert whose condition came back while it was open. */
function describeRepeats(alert) {
  if (!Number.isInteger(alert.count) || alert.count < 2) return '';
  if (typeof alert.lastTimestamp === 'number') {
    return t(
      'dashboard.alert.repeatsLast',
      { count: alert.count, time: clockText(alert.lastTimestamp) },
      'Raised {count} times, last at {time}',
    );
  }
  return t('dashboard.alert.repeats', { count: alert.count }, 'Raised {count} times');
}

/** The details line of an alert: the server's reason, how long it lasted, how sure the analysis is. */
function describeDetails(alert) {
  const details = [];
  if (typeof alert.reason === 'string' && alert.reason) details.push(alert.reason);
  if (typeof alert.durationMs === 'number' && alert.durationMs > 0) {
    details.push(t('dashboard.alert.duration', { seconds: Math.round(alert.durationMs / 1000) }, 'for {seconds} s'));
  }
  if (typeof alert.confidence === 'number') {
    details.push(t('dashboard.alert.confidence', { percent: percentText(alert.confidence) }, 'confidence {percent}'));
  }
  return details.join(' · ');
}

/**
 * Integrity alerts: shown at once in a banner and in a list, flagged on the student's tile, and
 * acknowledged as reviewed or dismissed. Acknowledgements by other teachers arrive from the server
 * and show the same way. A change of language rewords the banner and every listed alert in place.
 */
export class AlertCenter {
  #alerts = new Map();
  #items = new Map();
  #ui;
  #state;
  #socket;
  #toast;
  #onShowStudent;
  #onRaised;
  #requestRender;
  #bannerAlertId = null;

  constructor({ ui, state, socket, toast, onShowStudent, requestRender, onRaised = () => {} }) {
    this.#onRaised = onRaised;
    this.#ui = ui;
    this.#state = state;
    this.#socket = socket;
    this.#toast = toast;
    this.#onShowStudent = onShowStudent;
    this.#requestRender = requestRender;
    ui.bannerReview.addEventListener('click', () => this.acknowledge(this.#bannerAlertId, AckAction.REVIEWED));
    ui.bannerDismiss.addEventListener('click', () => this.acknowledge(this.#bannerAlertId, AckAction.DISMISSED));
    ui.bannerShow.addEventListener('click', () => {
      const entry = this.#alerts.get(this.#bannerAlertId);
      if (entry) this.#onShowStudent(entry.alert.studentId);
    });
    ui.list.addEventListener('click', (event) => this.#onListClick(event));
    ui.list.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && event.target.matches('.alert-screenshot')) {
        event.preventDefault();
        event.target.classList.toggle('enlarged');
      }
    });
    this.#renderCount();
    onLanguageChange(() => this.#relabel());
  }

  /** Every text of the banner, the list and the count again, in the page's language. */
  #relabel() {
    for (const item of this.#items.values()) {
      const entry = this.#alerts.get(item.element.dataset.alertId);
      if (!entry) continue;
      this.#fillTexts(item, entry);
      this.#fillAck(item, entry);
    }
    if (this.#bannerAlertId !== null) this.#showBanner(this.#alerts.get(this.#bannerAlertId) ?? null);
    this.#renderCount();
  }

  /**
   * Reconciles with the session's stored alerts (GET /sessions/{id}/alerts) after a (re)connect:
   * adds alerts raised while disconnected and takes over acknowledgements made meanwhile.
   */
  reconcile(stored) {
    if (!Array.isArray(stored)) return;
    for (const a of stored) {
      if (!a || typeof a.alertId !== 'string') continue;
      // The same shape as CRITICAL_ALERT, with the decision in the shape of ALERT_ACKNOWLEDGED.
      const ack = a.acknowledgement;
      this.receive(a, Boolean(ack));
      if (ack && typeof ack.action === 'string') {
        const entry = this.#alerts.get(a.alertId);
        if (entry && (!entry.ack || entry.ack.pending)) this.acknowledged({ alertId: a.alertId, ...ack });
      }
    }
  }

  /**
   * A CRITICAL_ALERT from the server; quiet ones (already handled elsewhere) skip the banner. A known
   * alert id again is its condition raised again: the alert counts it, and no banner repeats it.
   */
  receive(alert, quiet = false) {
    if (typeof alert.alertId !== 'string') return;
    const known = this.#alerts.get(alert.alertId);
    if (known) {
      this.#repeated(known, alert);
      return;
    }
    const entry = { alert, ack: null };
    this.#alerts.set(alert.alertId, entry);
    if (this.#alerts.size > MAX_KEPT) this.#alerts.delete(this.#alerts.keys().next().value);
    const item = this.#createItem(entry);
    this.#items.set(alert.alertId, item);
    this.#ui.list.prepend(item.element);
    while (this.#ui.list.children.length > MAX_LISTED) {
      const oldest = this.#ui.list.lastElementChild;
      this.#items.delete(oldest.dataset.alertId);
      oldest.remove();
    }
    this.#studentChanged(alert.studentId);
    if (!quiet) {
      this.#showBanner(entry);
      this.#onRaised(alert);
    }
    this.#renderCount();
  }

  #repeated(entry, update) {
    const count = Number.isInteger(update.count) ? update.count : 1;
    if (count <= (entry.alert.count ?? 1)) return;
    entry.alert = { ...entry.alert, count, lastTimestamp: update.lastTimestamp };
    const item = this.#items.get(entry.alert.alertId);
    if (item) setText(item.repeats, describeRepeats(entry.alert));
    if (this.#bannerAlertId === entry.alert.alertId) this.#showBanner(entry);
  }

  /** An ALERT_ACKNOWLEDGED from the server: this teacher's own, or another's. */
  acknowledged(message) {
    const entry = this.#alerts.get(message.alertId);
    if (!entry) return;
    entry.ack = {
      action: message.action,
      by: typeof message.acknowledgedBy === 'string' ? message.acknowledgedBy : null,
      at: typeof message.timestamp === 'number' ? message.timestamp : Date.now(),
      pending: false,
    };
    this.#afterAck(entry);
  }

  acknowledge(alertId, action) {
    const entry = this.#alerts.get(alertId);
    if (!entry || (entry.ack && !entry.ack.pending)) return;
    if (!this.#socket.send(alertAcknowledged(alertId, action))) {
      this.#toast(
        t(
          'dashboard.alert.notSent',
          {},
          'Not connected: the acknowledgement was not sent. Try again when the dashboard is connected.',
        ),
      );
      return;
    }
    entry.ack = { action, by: 'you', own: true, at: Date.now(), pending: true };
    this.#afterAck(entry);
    setTimeout(() => {
      if (entry.ack && entry.ack.pending) {
        entry.ack.pending = false;
        this.#afterAck(entry);
      }
    }, ACK_CONFIRM_MS);
  }

  /** Alerts of one student, newest first. */
  forStudent(studentId) {
    return [...this.#alerts.values()].filter((entry) => entry.alert.studentId === studentId).reverse();
  }

  #afterAck(entry) {
    const item = this.#items.get(entry.alert.alertId);
    if (item) this.#fillAck(item, entry);
    this.#studentChanged(entry.alert.studentId);
    if (this.#bannerAlertId === entry.alert.alertId) this.#showBanner(this.#newestOpen());
    this.#renderCount();
  }

  #studentChanged(studentId) {
    let open = 0;
    for (const entry of this.#alerts.values()) if (entry.alert.studentId === studentId && !entry.ack) open += 1;
    this.#state.setOpenAlerts(studentId, open);
    this.#requestRender();
  }

  /** Takes a student's alerts off the page: their data was deleted. */
  forgetStudent(studentId) {
    for (const [alertId, entry] of this.#alerts) {
      if (entry.alert.studentId !== studentId) continue;
      this.#alerts.delete(alertId);
      this.#items.get(alertId)?.element.remove();
      this.#items.delete(alertId);
    }
    if (!this.#alerts.has(this.#bannerAlertId)) this.#showBanner(this.#newestOpen());
    this.#state.setOpenAlerts(studentId, 0);
    this.#renderCount();
    this.#requestRender();
  }

  #newestOpen() {
    let newest = null;
    for (const entry of this.#alerts.values()) if (!entry.ack) newest = entry;
    return newest;
  }

  #showBanner(entry) {
    const ui = this.#ui;
    if (!entry) {
      this.#bannerAlertId = null;
      show(ui.banner, false);
      return;
    }
    const { alert } = entry;
    this.#bannerAlertId = alert.alertId;
    ui.banner.dataset.alertId = alert.alertId;
    ui.banner.dataset.alertType = String(alert.alertType);
    setText(
      ui.bannerTitle,
      t(
        'dashboard.alert.title',
        { type: alertTypeLabel(alert.alertType), name: this.#state.nameOf(alert.studentId) },
        '{type}: {name}',
      ),
    );
    const reason = typeof alert.reason === 'string' ? alert.reason : '';
    setText(ui.bannerReason, [reason, describeRepeats(alert)].filter(Boolean).join(' · '));
    if (isImageDataUrl(alert.screenshot)) {
      ui.bannerScreenshot.src = alert.screenshot;
      show(ui.bannerScreenshot);
    } else {
      ui.bannerScreenshot.removeAttribute('src');
      show(ui.bannerScreenshot, false);
    }
    const others = [...this.#alerts.values()].filter((e) => !e.ack).length - 1;
    let more = '';
    if (others === 1) more = t('dashboard.alert.moreOne', { count: others }, '{count} more open alert in the list.');
    else if (others > 1) {
      more = t('dashboard.alert.moreMany', { count: others }, '{count} more open alerts in the list.');
    }
    setText(ui.bannerMore, more);
    show(ui.banner);
  }

  #renderCount() {
    let open = 0;
    for (const entry of this.#alerts.values()) if (!entry.ack) open += 1;
    setText(
      this.#ui.count,
      this.#alerts.size
        ? t('dashboard.alert.openOf', { open, total: this.#alerts.size }, '{open} open of {total}')
        : t('dashboard.alert.noneYet', {}, 'none yet'),
    );
    show(this.#ui.empty, this.#alerts.size === 0);
  }

  #createItem(entry) {
    const { alert } = entry;
    const screenshot = isImageDataUrl(alert.screenshot)
      ? h('img', { class: 'alert-screenshot', src: alert.screenshot, tabindex: '0' })
      : null;
    const ackStatus = h('p', { class: 'ack-status' });
    const repeats = h('p', { class: 'alert-repeats' });
    const details = describeDetails(alert) ? h('p', { class: 'alert-details' }) : null;
    const type = h('strong');
    const time = h('time', { class: 'alert-time' });
    const review = h('button', { type: 'button', class: 'ack-button', dataset: { action: AckAction.REVIEWED } });
    const dismiss = h('button', {
      type: 'button',
      class: 'ack-button secondary',
      dataset: { action: AckAction.DISMISSED },
    });
    const actions = h('div', { class: 'alert-actions' }, review, dismiss);
    const element = h(
      'li',
      {
        class: 'alert-item',
        dataset: {
          alertId: alert.alertId,
          alertType: String(alert.alertType),
          studentId: alert.studentId,
          state: 'open',
        },
      },
      h(
        'div',
        { class: 'alert-head' },
        type,
        ' · ',
        h('button', { type: 'button', class: 'link-button show-student', text: this.#state.nameOf(alert.studentId) }),
        time,
      ),
      details,
      repeats,
      screenshot,
      actions,
      ackStatus,
    );
    const item = { element, actions, ackStatus, repeats, details, screenshot, type, time, review, dismiss };
    this.#fillTexts(item, entry);
    this.#fillAck(item, entry);
    return item;
  }

  /** The words of a listed alert that do not depend on its decision. */
  #fillTexts(item, entry) {
    const { alert } = entry;
    setText(item.type, alertTypeLabel(alert.alertType));
    setText(item.time, clockText(alert.timestamp));
    if (item.details) setText(item.details, describeDetails(alert));
    setText(item.repeats, describeRepeats(alert));
    if (item.screenshot) {
      item.screenshot.alt = t(
        'dashboard.alert.screenshotAlt',
        { name: this.#state.nameOf(alert.studentId) },
        'Camera picture when the alert was raised ({name})',
      );
      item.screenshot.title = t('dashboard.alert.enlarge', {}, 'Click to enlarge');
    }
    setText(item.review, t('dashboard.alert.review', {}, 'Reviewed'));
    setText(item.dismiss, t('dashboard.alert.dismiss', {}, 'Dismiss'));
  }

  #fillAck(item, entry) {
    const { ack } = entry;
    item.element.dataset.state = ack ? (ack.pending ? 'pending' : ack.action.toLowerCase()) : 'open';
    show(item.actions, !ack || ack.pending);
    for (const button of item.actions.querySelectorAll('button')) button.disabled = Boolean(ack && ack.pending);
    setText(item.ackStatus, ack ? describeAck(ack) : '');
  }

  #onListClick(event) {
    const item = event.target.closest('.alert-item');
    if (!item) return;
    const ackButton = event.target.closest('.ack-button');
    if (ackButton) this.acknowledge(item.dataset.alertId, ackButton.dataset.action);
    else if (event.target.closest('.show-student')) this.#onShowStudent(item.dataset.studentId);
    else if (event.target.closest('.alert-screenshot')) event.target.classList.toggle('enlarged');
  }
}
