// Click-to-load videos, download cards and the site's own taxonomies in a real headless Chromium
// (Debian's /usr/bin/chromium, driven by playwright-core, checked with axe-core). Maven runs it with
// search.test.mjs (see generator/pom.xml); it builds src/test/resources/sites/embeds-and-subjects
// with the packaged jar, serves it on 127.0.0.1 and checks that a page with videos asks nothing of
// any other host until the reader presses Play, that pressing it puts in the privacy-friendly
// player (whose request is blocked here), that the page works without scripts, and that the post,
// the taxonomy pages and the home page with a pinned post pass axe-core. It skips, saying why,
// only when /usr/bin/chromium is absent.
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
const POST = '/2024/11/teachmeet-talk/';

const missing = existsSync(CHROMIUM) ? ''
  : `SKIPPED: ${CHROMIUM} is absent, so video embeds were not tested in a browser `
    + '(install it with: apt-get install -y chromium)';
if (missing) {
  console.log(missing);
}

function fromEnv(name, fallback) {
  return resolve(process.env[name] || fallback);
}

/** Builds the fixture site with the packaged jar into WORK/public and returns that folder. */
function buildSite() {
  const work = fromEnv('LATERAL_WORK', join(here, '../../../target/browser-test')) + '-embeds';
  const site = join(work, 'site');
  const output = join(work, 'public');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(here, '../resources/sites/embeds-and-subjects'), site, { recursive: true });
  execFileSync(process.env.LATERAL_JAVA || 'java',
    ['-jar', fromEnv('LATERAL_JAR', join(here, '../../../target/lateral.jar')), 'build', site, '--output', output],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  return output;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.pdf': 'application/pdf' };

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
      res.writeHead(404, { 'content-type': TYPES['.html'] }).end(readFileSync(join(root, '404.html')));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe('video embeds and taxonomy pages in Chromium', { skip: missing || false }, () => {
  let browser;
  let server;
  let base;

  before(async () => {
    const output = buildSite();
    server = await serve(output);
    base = `http://127.0.0.1:${server.address().port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** A page whose every request to anywhere but the loopback server is recorded and blocked. */
  async function open(path, options = {}) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.outside = [];
    page.errors = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base + '/') || url.startsWith('data:')) {
        return route.continue();
      }
      page.outside.push(url);
      return route.abort('blockedbyclient');
    });
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(base + path, { waitUntil: 'networkidle' });
    return page;
  }

  it('asks nothing of the video sites when the page loads, and shows a button and a plain link', async () => {
    const page = await open(POST);
    assert.deepEqual(page.outside, [], 'no request left the machine while the page loaded');
    assert.equal(await page.locator('iframe').count(), 0);
    const buttons = page.getByRole('button', { name: /^Play “/ });
    assert.equal(await buttons.count(), 2);
    assert.ok(await buttons.first().isVisible());
    assert.equal(await page.getByRole('link', { name: 'Retrieval quizzes at TeachMeet North' }).getAttribute('href'),
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('puts in the youtube-nocookie.com player only when the reader presses Play', async () => {
    const page = await open(POST);
    await page.getByRole('button', { name: /Retrieval quizzes at TeachMeet North/ }).click();
    const player = page.locator('figure.lateral-video iframe').first();
    await player.waitFor({ state: 'attached' });
    assert.equal(await player.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
    assert.equal(await player.getAttribute('title'), 'Retrieval quizzes at TeachMeet North');
    assert.equal(await page.locator('iframe').count(), 1, 'only the video pressed is loaded');
    await page.waitForLoadState('networkidle');
    assert.ok(page.outside.length > 0, 'the player was asked for (and blocked here)');
    assert.ok(page.outside.every((u) => u.startsWith('https://www.youtube-nocookie.com/')),
      `only youtube-nocookie.com was asked: ${page.outside}`);
    assert.ok(await page.getByRole('link', { name: 'Retrieval quizzes at TeachMeet North' }).isVisible());
    await page.context().close();
  });

  it('plays a Vimeo video from the keyboard, with Vimeo told not to track', async () => {
    const page = await open(POST);
    await page.getByRole('button', { name: /Spacing the questions/ }).focus();
    await page.keyboard.press('Enter');
    const player = page.locator('iframe');
    await player.waitFor({ state: 'attached' });
    assert.equal(await player.getAttribute('src'), 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=90s');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME');
    await page.context().close();
  });

  it('without scripts shows the plain links and no button that does nothing', async () => {
    const page = await open(POST, { javaScriptEnabled: false });
    assert.equal(await page.getByRole('button').count(), 0);
    assert.ok(await page.getByRole('link', { name: 'Spacing the questions' }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'Slides from the talk' }).isVisible());
    assert.deepEqual(page.outside, []);
    await page.context().close();
  });

  it('passes axe-core on the post with videos, the taxonomy pages and the home page with a pinned post', async () => {
    const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    for (const path of [POST, '/subjects/', '/subjects/science/', '/subjects/science/page/2/', '/keystages/',
      '/keystages/ks3/', '/', '/2024/10/density-practical/', '/2024/05/lab-safety-part-1/']) {
      const page = await open(path);
      await page.addScriptTag({ path: axe });
      const result = await page.evaluate(() => window.axe.run(document));
      const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — `
        + v.nodes.map((n) => n.target.join(' ')).join(', '));
      assert.deepEqual(found, [], `axe-core on ${path}`);
      assert.ok(result.passes.length > 10, `axe-core ran its rules on ${path}`);
      assert.deepEqual(page.outside, [], `nothing asked of another host by ${path}`);
      await page.context().close();
    }
  });
});
