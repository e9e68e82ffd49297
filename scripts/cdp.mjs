// Headless Chromium driven over the DevTools protocol, for the site's browser checks
// (site-copy-check.mjs, site-flow-check.mjs). node 20.10 or later (its WebSocket).
//
//   const browser = await launchChromium();   // a fresh profile, about:blank
//   await browser.cdp.send('Page.enable');
//   ...
//   await browser.close();                    // kills Chromium, removes the profile
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/// Starts Chromium on a port of its own and connects to its page.
export async function launchChromium() {
  const port = 9300 + (process.pid % 600);
  const profile = mkdtempSync(join(tmpdir(), 'kb-chromium-'));
  const chrome = spawn('chromium', [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
    `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: 'ignore' });
  const close = async () => {
    chrome.kill();
    await sleep(300);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const cdp = await connect(await pageTarget(port));
    return { cdp, close: async () => { cdp.close(); await close(); } };
  } catch (error) {
    await close();
    throw error;
  }
}

async function pageTarget(port) {
  for (let i = 0; i < 100; i++) {
    try {
      const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      const found = list.find((t) => t.type === 'page');
      if (found) return found.webSocketDebuggerUrl;
    } catch (error) { /* not up yet */ }
    await sleep(200);
  }
  throw new Error('Chromium did not start its DevTools endpoint');
}

function connect(url) {
  const socket = new WebSocket(url);
  let next = 1;
  const pending = new Map();
  const listeners = [];
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.id && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(message.error.message)); else resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners) listener(message);
    }
  };
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject });
    socket.send(JSON.stringify({ id, method, params }));
  });
  const once = (method) => new Promise((resolve) => listeners.push((m) => { if (m.method === method) resolve(m); }));
  const on = (method, handler) => listeners.push((m) => { if (m.method === method) handler(m); });
  return new Promise((resolve, reject) => {
    socket.onopen = () => resolve({ send, once, on, close: () => socket.close() });
    socket.onerror = () => reject(new Error('cannot connect to Chromium'));
  });
}
