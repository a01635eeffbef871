import { ConnectionState } from './connection.js';
import { setText, show } from './dom.js';
import { onLanguageChange, t } from './i18n.js';

/**
 * Keeps a status element in words: what the connection is doing, and when the next attempt comes.
 * The element carries data-state (one of ConnectionState) for styles and tests.
 */
export function showConnectionStatus(socket, element, retryButton, names = {}) {
  const words = () => ({
    connecting: t('connection.connecting', {}, 'Connecting…'),
    open: t('connection.open', {}, 'Connected'),
    offline: t('connection.offline', {}, 'Offline: waiting for the network'),
    closed: t('connection.closed', {}, 'Not connected'),
    ...names,
  });
  let ticker = null;
  // From here on the status is this module's to word, in the page's language at each render.
  delete element.dataset.i18n;
  delete element.dataset.i18nEnglish;

  const render = () => {
    const { state, attempt, retryAt, reason } = socket.status;
    element.dataset.state = state;
    let text = words()[state] ?? state;
    if (state === ConnectionState.WAITING) {
      const seconds = Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
      text = t(
        'connection.waiting',
        { seconds, attempt },
        'Connection lost: retrying in {seconds} s (attempt {attempt})',
      );
    } else if (state === ConnectionState.FAILED) {
      const why = reason || t('connection.refused', {}, 'The server refused the connection.');
      text = t('connection.failed', { reason: why }, 'Disconnected: {reason}');
    } else if (state === ConnectionState.CONNECTING && attempt > 0) {
      text = t('connection.reconnecting', { attempt }, 'Reconnecting… (attempt {attempt})');
    }
    setText(element, text);
    if (retryButton) {
      show(retryButton, [ConnectionState.WAITING, ConnectionState.OFFLINE, ConnectionState.FAILED].includes(state));
    }
  };

  socket.addEventListener('state', () => {
    clearInterval(ticker);
    ticker = socket.status.state === ConnectionState.WAITING ? setInterval(render, 1000) : null;
    render();
  });
  if (retryButton) retryButton.addEventListener('click', () => socket.retryNow());
  onLanguageChange(render);
  render();
}
