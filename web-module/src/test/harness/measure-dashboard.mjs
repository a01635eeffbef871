// Measures the dashboard's cost per SESSION_UPDATE against the stand-in server (serve.sh), at 30
// and 200 students, from the page's own performance entries:
//   apply-session-update  merging one SESSION_UPDATE into the page's state (synchronous)
//   render-dashboard      the one DOM pass per animation frame that follows
// and long tasks (> 50 ms) after the first two seconds. Needs the npm package playwright-core and
// a Chromium (CHROMIUM, default /usr/bin/chromium):
//   node measure-dashboard.mjs [http://127.0.0.1:8765] [seconds per run]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const base = process.argv[2] || 'http://127.0.0.1:8765';
const seconds = Number(process.argv[3] || 10);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const students of [30, 200]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}/teacher/?session=DEMO&students=${students}`);
  await page.waitForTimeout(2000);
  const from = await page.evaluate(() => performance.now());
  for (let i = 0; i < seconds; i += 1) {
    // Scroll now and then, so tiles are recycled as well as updated.
    await page.evaluate((step) => { document.getElementById('student-grid').scrollTop = (step % 4) * 700; }, i);
    await page.waitForTimeout(1000);
  }
  const result = await page.evaluate((since) => {
    const stats = (name) => {
      const d = performance.getEntriesByName(name).filter((e) => e.startTime >= since).map((e) => e.duration).sort((a, b) => a - b);
      const at = (q) => (d.length ? +d[Math.min(d.length - 1, Math.floor(d.length * q))].toFixed(2) : null);
      return { count: d.length, median: at(0.5), p95: at(0.95), max: at(1) };
    };
    return {
      apply: stats('apply-session-update'),
      render: stats('render-dashboard'),
      timeline: stats('render-timeline'),
      longTasks: window.longTasks.filter((e) => e.startTime >= since).map((e) => Math.round(e.duration)),
      tilesInDom: document.querySelectorAll('.tile').length,
    };
  }, from);
  console.log(`${students} students: ${JSON.stringify(result)}`);
  await page.close();
}
await browser.close();
