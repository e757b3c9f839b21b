// The school theme (theme: school) in a real headless Chromium, checked with axe-core: the sample
// school site (sample-site/school, which uses it with a crest) is built with the packaged jar,
// served on 127.0.0.1, and one page of every kind it writes is checked at desktop width in the light
// and the dark colour scheme, and the pages the theme lays out differently at phone width in both
// schemes too, with every WCAG 2.0-2.2 A/AA and best-practice rule of axe-core.
// Maven runs it with the other browser tests (exec-maven-plugin, see generator/pom.xml):
//
//   node --test --test-reporter=spec school-theme.test.mjs
//
// with LATERAL_JAR, LATERAL_JAVA and LATERAL_WORK set (LATERAL_SCHOOL_SITE to build another site).
// It also checks that no page asks anything of another host. It skips, saying why, only when
// /usr/bin/chromium is absent.
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
  : `SKIPPED: ${CHROMIUM} is absent, so the school theme was not tested in a browser `
    + '(install it with: apt-get install -y chromium)';
if (missing) {
  console.log(missing);
}

/** One page of every kind the sample school site writes. */
const PAGES = ['/', '/page/2/', '/2026/01/talk-across-the-curriculum-act/', '/about/', '/programme/',
  '/events/', '/events/2027/inset-day/', '/tags/', '/tags/oracy/', '/categories/', '/categories/staff-reflections/',
  '/authors/', '/authors/gwenllian/', '/series/', '/series/talk-across-the-curriculum/', '/archive/',
  '/archive/2026/', '/archive/2026/06/', '/archive/academic/2025-26/', '/cpd/', '/projects/', '/search/?q=talk',
  '/404.html'];

/** The pages whose layout the school theme changes at phone width (its header, home page and lists), checked there too. */
const PHONE_PAGES = ['/', '/2026/01/talk-across-the-curriculum-act/', '/about/', '/events/', '/events/2027/inset-day/',
  '/projects/', '/cpd/', '/search/?q=talk'];

/** Desktop width with every page, phone width with those above, each in the light and the dark colour scheme. */
const MODES = [
  { name: 'desktop, light', viewport: { width: 1280, height: 900 }, colorScheme: 'light', pages: PAGES },
  { name: 'desktop, dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark', pages: PAGES },
  { name: 'phone, light', viewport: { width: 375, height: 740 }, colorScheme: 'light', pages: PHONE_PAGES },
  { name: 'phone, dark', viewport: { width: 375, height: 740 }, colorScheme: 'dark', pages: PHONE_PAGES },
];

function env(name, fallback) {
  const value = process.env[name] || fallback;
  if (!value) {
    throw new Error(`${name} is not set; run this through Maven (mvn verify) or set it by hand`);
  }
  return resolve(value);
}

/** Builds the sample school site with the packaged jar into WORK/school/public and returns that folder. */
function buildSite() {
  const work = join(env('LATERAL_WORK', join(here, '../../../target/browser-test')), 'school');
  const site = join(work, 'site');
  const output = join(work, 'public');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(env('LATERAL_SCHOOL_SITE', join(here, '../../../../sample-site/school')), site, {
    recursive: true, filter: (src) => !/[\\/](target|public)$/.test(src),
  });
  execFileSync(process.env.LATERAL_JAVA || 'java',
    ['-jar', env('LATERAL_JAR', join(here, '../../../target/lateral.jar')), 'build', site, '--output', output],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  return output;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml' };

/** A static file server on 127.0.0.1, resolving folder/ to folder/index.html, as hosts do. */
function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
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

describe('the school theme in Chromium', { skip: missing || false }, () => {
  let browser;
  let server;
  let base;
  const outsideRequests = [];
  const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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

  /** axe-core's violations on each page in one mode, pages checked four at a time in tabs of one context. */
  async function violations(mode) {
    const context = await browser.newContext({ viewport: mode.viewport, colorScheme: mode.colorScheme });
    context.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) {
        outsideRequests.push(r.url());
      }
    });
    const found = [];
    const queue = [...mode.pages];
    async function worker() {
      const page = await context.newPage();
      for (let path = queue.shift(); path; path = queue.shift()) {
        await page.goto(base + path);
        if (path.startsWith('/search/')) {
          await page.locator('#search-results li').first().waitFor();
        }
        await page.addScriptTag({ path: axe });
        const result = await page.evaluate(() => window.axe.run(document));
        assert.ok(result.passes.length > 10, `axe-core ran its rules on ${path}`);
        for (const v of result.violations) {
          found.push(`${path} (${mode.name}): ${v.id} (${v.impact}): ${v.help} — `
            + v.nodes.map((n) => n.target.join(' ')).join(', '));
        }
      }
      await page.close();
    }
    await Promise.all([worker(), worker(), worker(), worker()]);
    await context.close();
    return found;
  }

  for (const mode of MODES) {
    it(`passes axe-core on ${mode.pages === PAGES ? 'one page of every kind' : 'the pages it lays out for phones'}, ${mode.name}`, async () => {
      assert.deepEqual(await violations(mode), []);
    });
  }

  it('shows the school\'s crest and name in the header, and the programme on the home page', async () => {
    const page = await browser.newPage();
    await page.goto(base + '/');
    const crest = page.locator('header .school-brand img.crest');
    assert.equal(await crest.evaluate((img) => img.complete && img.naturalWidth > 0), true, 'the crest is shown');
    assert.equal(await page.locator('header .school-name').textContent(), 'Cwm Eithin High School');
    assert.deepEqual(await page.locator('main h2').allTextContents(), ['Coming up in the programme',
      'Professional learning projects under way', 'Latest staff reflections']);
    // the school theme's accent is in force, and differs between the colour schemes
    const light = await page.evaluate(() => getComputedStyle(document.querySelector('.school-header')).borderBottomColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.querySelector('.school-header')).borderBottomColor);
    assert.equal(light, 'rgb(122, 31, 61)');
    assert.notEqual(dark, light);
    await page.close();
  });

  it('asks nothing of any other host', () => {
    assert.deepEqual(outsideRequests, []);
  });
});
