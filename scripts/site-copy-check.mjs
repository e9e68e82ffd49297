// Clicks "Copy answer" on a built page in headless Chromium, driven over the DevTools
// protocol, and checks what an agent sees: the button reads "Copied", the live region
// says "Copied", the clipboard holds the page's reply text, and after 2 s both revert.
//
//   node --experimental-websocket scripts/site-copy-check.mjs /abs/path/to/page.html [--refuse-clipboard-api]
//     [--words 'Salin jawaban|Tersalin']
//
// With --refuse-clipboard-api, navigator.clipboard.writeText rejects (as it may on
// file:// or without permission), so the select + execCommand('copy') fallback is what
// must copy. --words gives the button's label and what it says after copying, in the
// page's language (English by default).
// Prints one line and exits 0 when all hold, 1 otherwise. Used by scripts/site-check.sh.
import { launchChromium } from './cdp.mjs';

const page = process.argv[2];
const refuseAPI = process.argv.includes('--refuse-clipboard-api');
const wordsAt = process.argv.indexOf('--words');
const [label, copied] = (wordsAt > 0 ? process.argv[wordsAt + 1] : 'Copy answer|Copied').split('|');
if (!page) {
  console.error('usage: site-copy-check.mjs PAGE.html');
  process.exit(2);
}

const probe = `(async () => {
  const button = document.querySelector('button.copy-button');
  if (!button || button.hidden) return { error: 'no visible Copy answer button' };
  const status = document.getElementById(button.getAttribute('data-copy-status'));
  const expected = document.getElementById(button.getAttribute('data-copy-target')).textContent;
  const before = button.textContent;
  if (${refuseAPI}) navigator.clipboard.writeText = () => Promise.reject(new Error('refused for the test'));
  button.click();
  await new Promise((r) => setTimeout(r, 400));
  const after = [button.textContent, status ? status.textContent : null];
  let clipboard = null;
  try { clipboard = await navigator.clipboard.readText(); } catch (error) { clipboard = 'unreadable: ' + error; }
  await new Promise((r) => setTimeout(r, 2200));
  const reverted = [button.textContent, status ? status.textContent : null];
  return { before, after, reverted, clipboardMatches: clipboard === expected, clipboard: clipboard.slice(0, 60) };
})()`;

let code = 1;
let browser;
try {
  browser = await launchChromium();
  const cdp = browser.cdp;
  await cdp.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] }).catch(() => {});
  await cdp.send('Page.enable');
  const loaded = cdp.once('Page.loadEventFired');
  await cdp.send('Page.navigate', { url: 'file://' + page });
  await loaded;
  await cdp.send('Page.bringToFront').catch(() => {});
  const { result } = await cdp.send('Runtime.evaluate', { expression: probe, awaitPromise: true, returnByValue: true, userGesture: true });
  const r = result.value || {};
  const ok = !r.error && r.before === label && r.after[0] === copied && r.after[1] === copied
    && r.reverted[0] === label && r.reverted[1] === '' && r.clipboardMatches;
  const how = refuseAPI ? ' (clipboard API refused: the fallback copied)' : '';
  console.log(`${ok ? 'ok' : 'FAILED'}: ${page}${how}: ${JSON.stringify(r)}`);
  code = ok ? 0 : 1;
} catch (error) {
  console.log(`FAILED: ${page}: ${error.message}`);
} finally {
  if (browser) await browser.close();
}
process.exit(code);
