/**
 * Runs a task at once, then every intervalMs while the page is visible: a tab in the background
 * (another tab in front, a minimised window) asks the server for nothing, and catches up as soon
 * as it is shown again. For what the dashboard reads over REST rather than receives on its socket.
 */
export function pollWhileVisible(task, intervalMs) {
  const visible = () => document.visibilityState === 'visible';
  task();
  setInterval(() => {
    if (visible()) task();
  }, intervalMs);
  document.addEventListener('visibilitychange', () => {
    if (visible()) task();
  });
}
