import { h } from './dom.js';
import { t } from './i18n.js';

const MAX_TOASTS = 3;

/**
 * Discreet, self-dismissing messages in a polite live region (server ERRORs and the like), so they
 * inform without interrupting.
 */
export function createToaster(area) {
  area.setAttribute('role', 'status');
  area.setAttribute('aria-live', 'polite');
  return (text, timeoutMs = 8000) => {
    const close = h('button', { type: 'button', 'aria-label': t('toast.dismiss', {}, 'Dismiss message'), text: '×' });
    const toast = h('div', { class: 'toast' }, h('span', { text }), close);
    close.addEventListener('click', () => toast.remove());
    area.append(toast);
    while (area.children.length > MAX_TOASTS) area.firstElementChild.remove();
    setTimeout(() => toast.remove(), timeoutMs);
  };
}
