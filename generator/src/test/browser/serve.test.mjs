// `lateral serve` in a real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// the packaged jar previews a small site on 127.0.0.1 (any free port), the page is opened, the post's
// file is saved, and the page reloads by itself and shows the edit; a stylesheet save swaps the
// stylesheet without a reload; a broken post draws the problems over the page, and the fix removes them.
// Maven runs it in the integration-test phase (see generator/pom.xml) with LATERAL_JAR, LATERAL_JAVA and
// LATERAL_WORK set; it skips, saying why, only when /usr/bin/chromium is absent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env, launch, missingChromium } from './a11y.mjs';

const here = new URL('.', import.meta.url).pathname;
const PATIENCE = 60_000;

const missing = missingChromium('the preview was');

function post(body) {
  return `---\ntitle: Exit tickets\ndate: 2024-03-05\n---\n${body}\n`;
}

/** Writes a small site (served under /journal/) into WORK/serve-site. */
function makeSite() {
  const work = env('LATERAL_WORK', join(here, '../../../target/browser-test'));
  const site = join(work, 'serve-site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'content/posts'), { recursive: true });
  mkdirSync(join(site, 'static/css'), { recursive: true });
  writeFileSync(join(site, 'site.yaml'), 'title: Preview test\nbaseUrl: https://example.org/journal/\n');
  writeFileSync(join(site, 'content/posts/2024-03-05-tickets.md'), post('Before the save.'));
  writeFileSync(join(site, 'static/css/extra.css'), 'body { outline: 0px solid red; }\n');
  return site;
}

/** Starts the jar's preview and resolves with its address once it prints it. */
function startPreview(site) {
  const java = process.env.LATERAL_JAVA || 'java';
  const jar = env('LATERAL_JAR', join(here, '../../../target/lateral.jar'));
  const child = spawn(java, ['-jar', jar, 'serve', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const address = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no "Preview at" line within ${PATIENCE} ms:\n${log}`)), PATIENCE);
    child.stdout.on('data', (d) => {
      log += d;
      const m = /Preview at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.stderr.on('data', (d) => { log += d; });
    child.on('exit', (code) => fail(new Error(`lateral serve exited with ${code}:\n${log}`)));
    child.on('error', (e) => fail(new Error(`lateral serve did not start: ${e.message}`)));
  });
  return { child, address, log: () => log };
}

describe('lateral serve in Chromium', { skip: missing || false }, () => {
  let browser;
  let preview;
  let site;
  let address;

  before(async () => {
    site = makeSite();
    preview = startPreview(site);
    address = await preview.address;
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (preview) {
      const stopped = new Promise((ok) => preview.child.once('exit', ok));
      preview.child.kill('SIGINT');
      await stopped;
      assert.match(preview.log(), /Stopped\./);
    }
  });

  it('reloads the page by itself after a save, swaps a stylesheet, and shows problems until fixed', async () => {
    const page = await browser.newPage();
    const connected = page.waitForResponse((r) => r.url().includes('/journal/_lateral/events'), { timeout: PATIENCE });
    await page.goto(`${address}2024/03/tickets/`);
    await connected;
    assert.match(await page.textContent('main'), /Before the save\./);
    await page.evaluate(() => { window.lateralMarker = 'still the first load'; });

    // a save: the page reloads by itself (the marker is gone) and shows the new text
    const reloaded = page.waitForEvent('load', { timeout: PATIENCE });
    writeFileSync(join(site, 'content/posts/2024-03-05-tickets.md'), post('After the save, without touching the browser.'));
    await reloaded;
    await page.waitForFunction(() => document.querySelector('main').textContent.includes('After the save'),
      null, { timeout: PATIENCE });
    assert.equal(await page.evaluate(() => window.lateralMarker), undefined);

    // a stylesheet save: swapped in place, no reload (the marker stays)
    await page.evaluate(() => { window.lateralMarker = 'no reload for CSS'; });
    const temp = join(site, 'static/css/.extra.css.tmp');
    writeFileSync(temp, 'body { outline: 3px solid rgb(0, 0, 255); }\n');
    renameSync(temp, join(site, 'static/css/extra.css'));
    await page.waitForFunction(() => [...document.querySelectorAll('link[rel~="stylesheet"]')]
      .some((l) => l.href.includes('lateral=')), null, { timeout: PATIENCE });
    assert.equal(await page.evaluate(() => window.lateralMarker), 'no reload for CSS');

    // a broken post: the problems over the page, in the command line's words; the fix removes them
    writeFileSync(join(site, 'content/posts/2024-03-05-tickets.md'), '---\ntitle: Exit tickets\ndate: 2024-13-45\n---\nOops.\n');
    await page.waitForSelector('lateral-problems', { timeout: PATIENCE, state: 'attached' });
    const lines = await page.evaluate(() => document.querySelector('lateral-problems').shadowRoot.textContent);
    assert.match(lines, /content\/posts\/2024-03-05-tickets\.md:3:\d+: error: .* — fix: /);
    writeFileSync(join(site, 'content/posts/2024-03-05-tickets.md'), post('Fixed.'));
    await page.waitForFunction(() => document.querySelector('main').textContent.includes('Fixed.')
      && !document.querySelector('lateral-problems'), null, { timeout: PATIENCE });
    await page.close();
  });
});
