// The hub's pages in a real headless Chromium (Debian's /usr/bin/chromium), checked with axe-core:
// one page of every kind a hub writes, including the topics index, a topic, a week of the digest
// archive and the health page with curation's lines. Maven runs it with the other browser tests
// (see generator/pom.xml); it aggregates the hub-community fixture (local feed files) with the
// packaged jar into LATERAL_WORK-hub/public, serves it on 127.0.0.1 and opens each page.
// It skips, saying why, only when /usr/bin/chromium is absent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const here = new URL('.', import.meta.url).pathname;

const missing = existsSync(CHROMIUM) ? ''
  : `SKIPPED: ${CHROMIUM} is absent, so the hub's pages were not tested in a browser `
    + '(install it with: apt-get install -y chromium)';
if (missing) {
  console.log(missing);
}

/** Aggregates the fixture hub with the packaged jar and returns its output folder. */
function buildHub() {
  const work = resolve((process.env.LATERAL_WORK || join(here, '../../../target/browser-test')) + '-hub');
  const hub = join(work, 'hub');
  const output = join(work, 'public');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(here, '../resources/sites/hub-community'), hub, { recursive: true });
  execFileSync(process.env.LATERAL_JAVA || 'java',
    ['-jar', resolve(process.env.LATERAL_JAR || join(here, '../../../target/lateral.jar')), 'aggregate', hub,
      '--output', output],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  return output;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml' };

function serve(root) {
  const server = createServer((req, res) => {
    let file = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe('the hub in Chromium', { skip: missing || false }, () => {
  let browser;
  let server;
  let base;

  before(async () => {
    const output = buildHub();
    server = await serve(output);
    base = `http://127.0.0.1:${server.address().port}`;
    const chromium = (await import('playwright-core')).chromium;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('passes axe-core on one page of every kind the hub writes', async () => {
    const require = createRequire(import.meta.url);
    const axe = require.resolve('axe-core/axe.min.js');
    const pages = ['/', '/members/', '/members/ann/', '/topics/', '/topics/retrieval-practice/', '/digest/',
      '/digest/2025-W10/', '/health/'];
    for (const path of pages) {
      const page = await browser.newPage();
      const response = await page.goto(base + path);
      assert.equal(response.status(), 200, `${path} exists`);
      await page.addScriptTag({ path: axe });
      const result = await page.evaluate(() => window.axe.run(document));
      const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — `
        + v.nodes.map((n) => n.target.join(' ')).join(', '));
      assert.deepEqual(found, [], `axe-core on ${path}`);
      assert.ok(result.passes.length > 10, `axe-core ran its rules on ${path}`);
      await page.close();
    }
  });

  it('shows the conversation, the featured post and the topic\'s synonyms', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    assert.equal(await page.locator('.hub-featured h3').first().textContent(), 'Talk frames');
    assert.match(await page.locator('.hub-in-reply-to').first().textContent(), /In reply to Retrieval starters/);
    assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex');
    await page.goto(`${base}/topics/retrieval-practice/`);
    assert.deepEqual(await page.locator('article.hub-entry h2').allTextContents(),
      ['Adalw yn y labordy', 'Retrieval starters']);
    await page.close();
  });
});
