// A browser smoke check of both pages against a running SmartSession (for example the quick start,
// mvn -Prun package -Dsmartsession.port=8181): creates a session over REST, joins it as a student
// with Chromium's fake camera, and follows the round trips the pages exist for. Needs the npm
// package playwright-core and a Chromium (CHROMIUM, default /usr/bin/chromium):
//   node smoke-real-server.mjs [http://127.0.0.1:8181] [fake-video.y4m|.mjpeg]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const base = process.argv[2] || 'http://127.0.0.1:8181';
const video = process.argv[3];

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

const created = await fetch(`${base}/api/v1/sessions`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ name: 'Smoke check', kind: 'EXAM' }),
}).then((r) => r.json());
const sessionId = created.sessionId;
check('session created over REST', typeof sessionId === 'string', sessionId);

const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
if (video) args.push(`--use-file-for-fake-video-capture=${video}`);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const teacher = await context.newPage();
  const student = await context.newPage();
  for (const page of [teacher, student]) page.on('pageerror', (e) => check('no script error', false, e.message));

  await teacher.goto(`${base}/teacher/?session=${sessionId}`);
  await teacher.waitForSelector('#connection-status[data-state="open"]', { timeout: 10000 });
  check('teacher connected', true);

  await student.goto(`${base}/student/?session=${sessionId}`);
  await student.fill('#student-name', 'Smoke Student');
  await student.fill('#student-id', 'SMOKE1');
  await student.click('#join-button');
  await student.waitForSelector('#consent-step:not([hidden])');
  await student.click('#agree-button');
  await student.waitForSelector('#connection-status[data-state="open"]', { timeout: 10000 });
  check('student connected', true);
  await student.waitForFunction(() => document.getElementById('feedback').dataset.status !== '', null, { timeout: 10000 });
  check('student got FEEDBACK', true, await student.textContent('#feedback'));

  await teacher.waitForSelector('.tile[data-student-id="SMOKE1"]', { timeout: 5000 });
  check('teacher sees the student tile', true, await teacher.getAttribute('.tile[data-student-id="SMOKE1"]', 'data-status'));

  await teacher.click('#pause-all');
  await student.waitForSelector('#pause-overlay:not([hidden])', { timeout: 5000 });
  check('PAUSE_EXAM shows the overlay', true);
  await teacher.click('#resume-all');
  await student.waitForSelector('#pause-overlay', { state: 'hidden', timeout: 5000 });
  check('RESUME_EXAM hides it', true);
  await teacher.fill('#message-all-text', 'Smoke message');
  await teacher.click('#send-message-all');
  await student.waitForSelector('.teacher-message', { timeout: 5000 });
  check('MESSAGE reaches the student', (await student.textContent('#teacher-messages')).includes('Smoke message'));

  await teacher.click('.tile[data-student-id="SMOKE1"]');
  await teacher.waitForSelector('#student-dialog[open]');
  check('drill-down opens', (await teacher.textContent('#drill-name')) === 'Smoke Student');
  await teacher.keyboard.press('Escape');

  await student.click('#leave-button');
  check('leaving stops the camera', await student.evaluate(() => document.getElementById('self-view').srcObject === null));
  check('and closes the socket', (await student.getAttribute('#connection-status', 'data-state')) === 'closed');
} catch (error) {
  check('smoke run', false, error.message);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
