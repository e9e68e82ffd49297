// Clicks "Was this helpful?" on a page served by a live kb serve, in headless Chromium
// driven over the DevTools protocol: once with JavaScript (feedback.js sends it with
// fetch; the page must not reload and must show the thank-you) and once with
// JavaScript disabled (the form posts, the server answers 303 back to the page at
// #kb_feedback-thanks, and the style sheet shows the thank-you).
//
//   node --experimental-websocket scripts/feedback-check.mjs URL [--no-js] [--answer yes|no]
//     [--thanks 'Thanks for your feedback.']
//
// Prints one line and exits 0 when it holds, 1 otherwise. Used by scripts/feedback-check.sh.
import { launchChromium, sleep } from './cdp.mjs';

const url = process.argv[2];
const noJS = process.argv.includes('--no-js');
const answerAt = process.argv.indexOf('--answer');
const answer = answerAt > 0 ? process.argv[answerAt + 1] : 'no';
const thanksAt = process.argv.indexOf('--thanks');
const thanksText = thanksAt > 0 ? process.argv[thanksAt + 1] : 'Thanks for your feedback.';
if (!url) {
  console.error('usage: feedback-check.mjs URL [--no-js] [--answer yes|no]');
  process.exit(2);
}

const evaluate = async (cdp, expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;

let code = 1;
let browser;
try {
  browser = await launchChromium();
  const cdp = browser.cdp;
  await cdp.send('Page.enable');
  await cdp.send('Runtime.enable');
  if (noJS) await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  let loaded = cdp.once('Page.loadEventFired');
  await cdp.send('Page.navigate', { url });
  await loaded;
  const marker = noJS ? null : await evaluate(cdp, 'window.kbMarker = Math.random(); window.kbMarker');
  const thanksShownBefore = await evaluate(cdp, "getComputedStyle(document.getElementById('kb_feedback-thanks')).display !== 'none'");
  // A real mouse click on the button, as a reader makes it.
  const box = await evaluate(cdp, `(() => { const b = document.querySelector('form.feedback-form button[value="${answer}"]');
    b.scrollIntoView({ block: 'center', behavior: 'instant' }); const r = b.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2, label: b.textContent }; })()`);
  loaded = cdp.once('Page.loadEventFired');
  for (const type of ['mousePressed', 'mouseReleased']) {
    await cdp.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
  }
  if (noJS) await Promise.race([loaded, sleep(5000)]); else await sleep(1000);
  // The no-JS answer is a CDP-evaluated read, which runs even with page scripts disabled.
  const state = await evaluate(cdp, `({
    url: location.href,
    marker: window.kbMarker === undefined ? null : window.kbMarker,
    thanks: getComputedStyle(document.getElementById('kb_feedback-thanks')).display !== 'none',
    thanksText: document.getElementById('kb_feedback-thanks').textContent,
    formShown: getComputedStyle(document.querySelector('form.feedback-form')).display !== 'none' && !document.querySelector('form.feedback-form').hidden,
    focused: document.activeElement && document.activeElement.id,
    status: document.getElementById('kb_feedback-status').textContent,
    disabled: document.querySelector('form.feedback-form button').disabled
  })`);
  state.clicked = box;
  const ok = !thanksShownBefore && state.thanks && !state.formShown && state.thanksText === thanksText
    && (noJS ? state.url.endsWith('#kb_feedback-thanks') : state.marker === marker && state.focused === 'kb_feedback-thanks');
  console.log(`${ok ? 'ok' : 'FAILED'}: ${url} ${noJS ? 'without' : 'with'} JavaScript, clicked '${box.label}': ${JSON.stringify(state)}`);
  code = ok ? 0 : 1;
} catch (error) {
  console.log(`FAILED: ${url}: ${error.message}`);
} finally {
  if (browser) await browser.close();
}
process.exit(code);
