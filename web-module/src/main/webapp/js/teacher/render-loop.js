/**
 * Coalesces redraws: any number of requests within a frame lead to one pass over the dashboard in
 * the next animation frame. The pass is measured as "render-dashboard".
 */
export function createRenderLoop(draw) {
  let pending = false;
  const frame = () => {
    pending = false;
    performance.mark('render-dashboard-start');
    draw();
    performance.measure('render-dashboard', 'render-dashboard-start');
    performance.clearMarks('render-dashboard-start');
  };
  return () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(frame);
    }
  };
}
