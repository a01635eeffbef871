/**
 * Measures a piece of drawing as a performance entry. The measure ends in a microtask queued after
 * the drawing, so it also covers the chart library's own deferred redraw (uPlot commits in a
 * microtask queued during setData).
 */
function measured(name, draw) {
  const start = `${name}-start`;
  performance.mark(start);
  draw();
  queueMicrotask(() => {
    performance.measure(name, start);
    performance.clearMarks(start);
  });
}

/**
 * Coalesces redraws: any number of requests within a frame lead to one pass over the dashboard in
 * the next animation frame, measured as "render-dashboard".
 */
export function createRenderLoop(draw) {
  let pending = false;
  const frame = () => {
    pending = false;
    measured('render-dashboard', draw);
  };
  return () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(frame);
    }
  };
}

const whenIdle = window.requestIdleCallback
  ? (task) => window.requestIdleCallback(task, { timeout: 1000 })
  : (task) => setTimeout(task, 50);

/**
 * For drawing that may wait a little (the session timeline): done when the page is idle, at most
 * once per request burst, measured under the given name.
 */
export function createIdleTask(name, draw) {
  let pending = false;
  return () => {
    if (!pending) {
      pending = true;
      whenIdle(() => {
        pending = false;
        measured(name, draw);
      });
    }
  };
}
