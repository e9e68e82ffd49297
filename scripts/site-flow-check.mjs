// Fills the simulator's form on flow pages served by a running `kb serve`, in headless
// Chromium, with JavaScript and without, and checks what a reader sees: the outcome for
// the values typed, an address that gives the same result when opened again, and for
// a wrong value the field's error with the value kept. With JavaScript, no page loads.
//
//   node --experimental-websocket scripts/site-flow-check.mjs http://127.0.0.1:PORT
//
// The form is filled and submitted through the DevTools DOM and Input domains (a
// mouse click on the button), which work when the page may run no script.
// Prints a line per check and exits 0 when all hold, 1 otherwise. Used by site-check.sh.
import { launchChromium, sleep } from './cdp.mjs';

const base = (process.argv[2] || '').replace(/\/$/, '');
if (!base) {
  console.error('usage: site-flow-check.mjs BASE_URL');
  process.exit(2);
}

const LOCKED = '09:00 wrong, 09:01 wrong, 09:02 wrong, 09:03 wrong, 09:04 wrong';
const cases = [
  { name: 'English, JavaScript', path: '/flows/account-lockout.html', script: true, attempts: LOCKED, outcome: 'Locked' },
  { name: 'English, no JavaScript', path: '/flows/account-lockout.html', script: false, attempts: LOCKED, outcome: 'Locked' },
  { name: 'Indonesian, JavaScript', path: '/id/flows/account-lockout.html', script: true, attempts: LOCKED.replaceAll('wrong', 'salah'), outcome: 'Terkunci' },
  { name: 'Indonesian, no JavaScript', path: '/id/flows/account-lockout.html', script: false, attempts: LOCKED.replaceAll('wrong', 'salah'), outcome: 'Terkunci' },
  { name: 'a wrong value, JavaScript', path: '/flows/account-lockout.html', script: true, attempts: '09:00 maybe', error: 'right or wrong' },
  { name: 'a wrong value, no JavaScript', path: '/flows/account-lockout.html', script: false, attempts: '09:00 maybe', error: 'right or wrong' },
];

const escapeHTML = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const textOf = (html) => html.replace(/<[^>]*>/g, '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&').trim();

async function node(cdp, selector) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  return nodeId || null;
}

async function html(cdp, selector) {
  const id = await node(cdp, selector);
  return id ? (await cdp.send('DOM.getOuterHTML', { nodeId: id })).outerHTML : null;
}

async function currentURL(cdp) {
  const { currentIndex, entries } = await cdp.send('Page.getNavigationHistory');
  return entries[currentIndex].url;
}

/// Loads `url` as a new page (from about:blank, so that an address that differs from the
/// current one only by its fragment is loaded too).
async function open(cdp, url) {
  let loaded = cdp.once('Page.loadEventFired');
  await cdp.send('Page.navigate', { url: 'about:blank' });
  await loaded;
  loaded = cdp.once('Page.loadEventFired');
  await cdp.send('Page.navigate', { url });
  await loaded;
}

/// Types the values as a reader would leave them: the textarea's text and the input's value.
async function fill(cdp, attempts, now) {
  const area = await node(cdp, '#kb_field-attempts');
  const outer = (await cdp.send('DOM.getOuterHTML', { nodeId: area })).outerHTML;
  await cdp.send('DOM.setOuterHTML', { nodeId: area, outerHTML: outer.replace(/>[^<]*<\/textarea>$/, '>' + escapeHTML(attempts) + '</textarea>') });
  await cdp.send('DOM.setAttributeValue', { nodeId: await node(cdp, '#kb_field-now'), name: 'value', value: now });
}

async function click(cdp, selector) {
  const id = await node(cdp, selector);
  await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: id });
  const { model } = await cdp.send('DOM.getBoxModel', { nodeId: id });
  const [x1, y1, , , x3, y3] = model.content;
  const x = (x1 + x3) / 2, y = (y1 + y3) / 2;
  for (const type of ['mousePressed', 'mouseReleased']) {
    await cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
  }
}

async function waitFor(cdp, selector, seconds = 15) {
  for (let i = 0; i < seconds * 10; i++) {
    const found = await html(cdp, selector).catch(() => null);
    if (found) return found;
    await sleep(100);
  }
  return null;
}

let failures = 0;
const say = (ok, what, detail) => {
  if (!ok) failures++;
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}${detail ? ': ' + detail : ''}`);
};

let browser;
try {
  browser = await launchChromium();
  const { cdp } = browser;
  await cdp.send('Page.enable');
  await cdp.send('DOM.enable');
  let loads = 0;
  cdp.on('Page.loadEventFired', () => { loads++; });
  for (const test of cases) {
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: !test.script });
    await open(cdp, base + test.path);
    await fill(cdp, test.attempts, '2026-11-25T09:10');
    const loadsBefore = loads;
    await click(cdp, '#kb_flow-form button[type="submit"]');
    if (test.outcome) {
      const outcome = await waitFor(cdp, '#kb_result-area .outcome');
      const text = outcome ? textOf(outcome) : '';
      say(text.startsWith(test.outcome), `${test.name}: the outcome`, text || 'none shown');
      const url = await currentURL(cdp);
      const query = new URL(url).searchParams;
      say(query.get('attempts') === test.attempts && query.has('now'), `${test.name}: the address holds the values`, url);
      if (test.script) say(loads === loadsBefore, `${test.name}: no page load`, `${loads - loadsBefore} loads`);
      if (test.script) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement && document.activeElement.id', returnByValue: true });
        say(result.value === 'kb_result', `${test.name}: focus moves to the result`, String(result.value));
      }
      // The address, opened anew (as an agent's link would be), gives the same result.
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      await open(cdp, url);
      const again = await waitFor(cdp, '#kb_result-area .outcome', 5);
      say(again !== null && textOf(again) === text, `${test.name}: the address gives the same result`, again ? textOf(again) : 'none');
    } else {
      const error = await waitFor(cdp, '#kb_error-attempts');
      say(error !== null && textOf(error).includes(test.error), `${test.name}: the field's error`, error ? textOf(error) : 'none');
      const kept = await html(cdp, '#kb_field-attempts');
      say(kept !== null && textOf(kept) === test.attempts, `${test.name}: the value is kept`, kept ? textOf(kept) : 'none');
      const invalid = kept !== null && kept.includes('aria-invalid="true"') && kept.includes('kb_error-attempts');
      say(invalid, `${test.name}: the field is marked invalid and described by its error`);
      if (test.script) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement && document.activeElement.id', returnByValue: true });
        say(result.value === 'kb_field-attempts', `${test.name}: focus moves to the field`, String(result.value));
      }
    }
  }
  // The search page takes pasted text: a Midtrans response is explained by the server
  // above the results; a long ticket is searched by its rarest words.
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
  const denied = JSON.stringify({
    status_code: '202', transaction_status: 'deny', fraud_status: 'accept', payment_type: 'credit_card',
    order_id: 'ORDER-1', channel_response_code: '51',
  });
  await open(cdp, base + '/search.html?q=' + encodeURIComponent(denied));
  const explained = await waitFor(cdp, '#kb_explained .outcome');
  say(explained !== null && textOf(explained).includes('code 51'), 'search: a pasted response is explained', explained ? textOf(explained) : 'none');
  const first = await waitFor(cdp, '#kb_results li a');
  say(first !== null && first.includes('codes/51.html'), 'search: the code comes first among the results', first || 'none');
  const ticket = 'Hello team, since this morning nobody in our office can log in to the merchant portal. '
    + 'Everyone gets a message saying this IP address is not in the whitelist. We moved to a new building last week '
    + 'and the internet provider changed too, so maybe our address is different now? How do we add the new office '
    + 'address, or can you switch that check off for us? Thanks, Yoga from the finance team';
  await open(cdp, base + '/search.html?q=' + encodeURIComponent(ticket));
  const ticketFirst = await waitFor(cdp, '#kb_results li a');
  say(ticketFirst !== null && ticketFirst.includes('articles/ip-whitelist-login.html'), 'search: a pasted ticket finds its article first', ticketFirst || 'none');
} catch (error) {
  say(false, 'the browser checks', error.message);
} finally {
  if (browser) await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
