// The default theme's search page in a real headless Chromium (Debian's /usr/bin/chromium),
// driven by playwright-core and checked with axe-core. Maven runs it in the integration-test
// phase (exec-maven-plugin, see generator/pom.xml) after the jar is packaged:
//
//   node --test-reporter=spec search.test.mjs
//
// with LATERAL_JAR, LATERAL_JAVA, LATERAL_FIXTURE and LATERAL_WORK set. It builds the fixture
// site with the jar, serves the output on 127.0.0.1, types queries, follows a result with the
// keyboard, opens the same page from file://, and runs axe-core on the search page, the home
// page and a post. It skips, saying why, only when /usr/bin/chromium is absent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const here = new URL('.', import.meta.url).pathname;

const missing = existsSync(CHROMIUM) ? ''
  : `SKIPPED: ${CHROMIUM} is absent, so the search page was not tested in a browser `
    + '(install it with: apt-get install -y chromium)';
if (missing) {
  console.log(missing);
}

function env(name, fallback) {
  const value = process.env[name] || fallback;
  if (!value) {
    throw new Error(`${name} is not set; run this through Maven (mvn verify) or set it by hand`);
  }
  return resolve(value);
}

async function loadPlaywright() {
  try {
    return (await import('playwright-core')).chromium;
  } catch (e) {
    throw new Error('playwright-core is not installed here; run: npm ci --prefix generator/src/test/browser '
      + `(${e.message})`);
  }
}

/** Builds the fixture site with the packaged jar into WORK/public and returns that folder. */
function buildSite() {
  const work = env('LATERAL_WORK', join(here, '../../../target/browser-test'));
  const site = join(work, 'site');
  const output = join(work, 'public');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(env('LATERAL_FIXTURE', join(here, '../resources/sites/lists-and-search')), site, { recursive: true });
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
    // The site is served at / and again under /elsewhere/, as a host might put it anywhere.
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/elsewhere\//, '/');
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

describe('the search page in Chromium', { skip: missing || false }, () => {
  let browser;
  let server;
  let base;
  let output;
  const outsideRequests = [];

  before(async () => {
    output = buildSite();
    server = await serve(output);
    base = `http://127.0.0.1:${server.address().port}`;
    const chromium = await loadPlaywright();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(url) {
    const page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('file:') && !r.url().startsWith('data:')) {
        outsideRequests.push(r.url());
      }
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.errors = errors;
    await page.goto(url);
    return page;
  }

  async function type(page, query) {
    const input = page.getByLabel('Search the posts');
    await input.fill('');
    await input.pressSequentially(query, { delay: 20 });
  }

  async function resultTitles(page) {
    return page.locator('#search-results li h2 a').allTextContents();
  }

  it('finds posts by title, tag and text as the reader types, and announces the count', async () => {
    const page = await open(`${base}/search/`);
    await type(page, 'wait time');
    await page.locator('#search-status').filter({ hasText: '1 post matches “wait time”.' }).waitFor();
    assert.deepEqual(await resultTitles(page), ['Questioning and wait time']);
    assert.equal(await page.locator('#search-status').getAttribute('role'), 'status');
    assert.match(await page.locator('#search-results li').first().textContent(), /11 November 2024/);
    assert.match(await page.locator('#search-results li p').last().textContent(), /Three seconds of silence/);

    await type(page, 'oracy');
    await page.locator('#search-status').filter({ hasText: '4 posts match “oracy”' }).waitFor();
    const titles = await resultTitles(page);
    assert.equal(titles.length, 4);
    assert.ok(titles.slice(0, 2).every((t) => /oracy/i.test(t)), `title matches first: ${titles}`);

    await type(page, 'exit tick');
    await page.locator('#search-status').filter({ hasText: '1 post matches “exit tick”.' }).waitFor();
    assert.deepEqual(await resultTitles(page), ['Retrieval practice with exit tickets']);

    await type(page, 'Ŵyl');
    await page.locator('#search-status').filter({ hasText: '1 post matches “Ŵyl”.' }).waitFor();
    assert.deepEqual(await resultTitles(page), ['INSET day: Welsh in every lesson']);

    await type(page, 'photosynthesis');
    await page.locator('#search-status').filter({ hasText: 'No posts match “photosynthesis”' }).waitFor();
    assert.equal(await page.locator('#search-results li').count(), 0);
    assert.deepEqual(page.errors, []);
  });

  it('lets a keyboard user Tab to a result and follow it with Enter', async () => {
    const page = await open(`${base}/search/`);
    await page.getByLabel('Search the posts').focus();
    await page.keyboard.type('coaching', { delay: 20 });
    await page.keyboard.press('Enter');
    await page.locator('#search-status').filter({ hasText: '2 posts match “coaching”.' }).waitFor();
    let focused = '';
    for (let i = 0; i < 3 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement.closest('#search-results a')
        ? document.activeElement.textContent : ''));
    }
    assert.equal(focused, 'Coaching diary: feedback loops');
    await Promise.all([page.waitForURL(`${base}/2024/03/coaching-diary-feedback-loops/`),
      page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').textContent(), 'Coaching diary: feedback loops');
  });

  it('runs the query in the address, so a search can be bookmarked or shared', async () => {
    const page = await open(`${base}/search/?q=talk+tactics`);
    await page.locator('#search-status').filter({ hasText: '1 post matches “talk tactics”.' }).waitFor();
    assert.equal(await page.getByLabel('Search the posts').inputValue(), 'talk tactics');
    assert.deepEqual(await resultTitles(page), ['Talk tactics in Year 7']);
  });

  it('works wherever the site is put, even under a path it was not built for', async () => {
    const page = await open(`${base}/elsewhere/search/?q=coaching`);
    await page.locator('#search-status').filter({ hasText: '2 posts match “coaching”.' }).waitFor();
    assert.equal(await page.locator('#search-results a').first().evaluate((a) => a.href),
      `${base}/elsewhere/2024/03/coaching-diary-feedback-loops/`);
  });

  it('works from file:// with no server, linking to each post\'s index.html', async () => {
    const page = await open(pathToFileURL(join(output, 'search/index.html')).href);
    await type(page, 'exit tickets');
    await page.locator('#search-status').filter({ hasText: '1 post matches “exit tickets”.' }).waitFor();
    const link = page.locator('#search-results a').first();
    const target = pathToFileURL(join(output, '2024/07/retrieval-practice-with-exit-tickets/index.html')).href;
    assert.equal(await link.evaluate((a) => a.href), target);
    await Promise.all([page.waitForURL(target), link.click()]);
  });

  it('passes axe-core on the search page with results, the home page and a post', async () => {
    const require = createRequire(import.meta.url);
    const axe = require.resolve('axe-core/axe.min.js');
    for (const path of ['/search/?q=oracy', '/', '/2023/10/talk-tactics-in-year-7/']) {
      const page = await open(base + path);
      if (path.startsWith('/search/')) {
        await page.locator('#search-results li').first().waitFor();
      }
      await page.addScriptTag({ path: axe });
      const result = await page.evaluate(() => window.axe.run(document));
      const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — `
        + v.nodes.map((n) => n.target.join(' ')).join(', '));
      assert.deepEqual(found, [], `axe-core on ${path}`);
      assert.ok(result.passes.length > 10, `axe-core ran its rules on ${path}`);
    }
  });

  it('passes axe-core on one page of every other kind the site writes', async () => {
    const require = createRequire(import.meta.url);
    const axe = require.resolve('axe-core/axe.min.js');
    const pages = ['/about/', '/page/2/', '/tags/', '/tags/oracy/', '/categories/', '/categories/projects/',
      '/authors/', '/authors/tokafor/', '/series/', '/series/oracy-project/', '/archive/', '/archive/2024/',
      '/archive/2024/09/', '/archive/academic/2024-25/', '/events/', '/events/2024/teachmeet/', '/404.html', '/cpd/', '/projects/',
      '/swap-shop/', '/2023/10/talk-tactics-in-year-7/', '/2024/08/summer-reading/'];
    for (const path of pages) {
      const page = await open(base + path);
      await page.addScriptTag({ path: axe });
      const result = await page.evaluate(() => window.axe.run(document));
      const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — `
        + v.nodes.map((n) => n.target.join(' ')).join(', '));
      assert.deepEqual(found, [], `axe-core on ${path}`);
      assert.ok(result.passes.length > 10, `axe-core ran its rules on ${path}`);
    }
  });

  it('passes axe-core on the hub\'s swap-shop and mentoring pages, made from this site\'s feed', async () => {
    const require = createRequire(import.meta.url);
    const axe = require.resolve('axe-core/axe.min.js');
    // a hub in the work folder reading the built site's feed, which links its community.json
    const work = join(output, '..');
    writeFileSync(join(work, 'site.yaml'), [
      'title: Browser test network', 'baseUrl: https://hub.example/', 'language: en-GB', 'hub:', '  members:',
      '    - { name: Tunde Okafor, feed: public/feed.xml, feedUrl: https://cpd.example.org/feed.xml }', ''].join('\n'));
    const hubOut = join(work, 'hub-public');
    execFileSync(process.env.LATERAL_JAVA || 'java',
      ['-jar', env('LATERAL_JAR', join(here, '../../../target/lateral.jar')), 'aggregate', work, '--output', hubOut],
      { stdio: ['ignore', 'inherit', 'inherit'] });
    const hubServer = await serve(hubOut);
    try {
      const hubBase = `http://127.0.0.1:${hubServer.address().port}`;
      for (const path of ['/swap-shop/', '/mentoring/', '/digest/', '/health/']) {
        const page = await browser.newPage();
        await page.goto(hubBase + path);
        if (path === '/swap-shop/') {
          assert.match(await page.locator('.swap-list').first().textContent(), /Summer reading/);
        }
        await page.addScriptTag({ path: axe });
        const result = await page.evaluate(() => window.axe.run(document));
        const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — `
          + v.nodes.map((n) => n.target.join(' ')).join(', '));
        assert.deepEqual(found, [], `axe-core on the hub's ${path}`);
        assert.ok(result.passes.length > 10, `axe-core ran its rules on the hub's ${path}`);
      }
    } finally {
      hubServer.close();
    }
  });

  it('takes a reader from an old address (aliases:) to the post, and the redirect page passes axe-core', async () => {
    const require = createRequire(import.meta.url);
    const axe = require.resolve('axe-core/axe.min.js');
    const html = await (await fetch(base + '/2019/old-blog/questioning.html')).text();
    const page = await open(base + '/2019/old-blog/questioning.html');
    await page.waitForURL(/\/questioning-and-wait-time\/(index\.html)?$/);
    assert.equal(await page.locator('h1').first().textContent(), 'Questioning and wait time');
    const moved = await browser.newPage();
    await moved.setContent(html.replace(/<meta http-equiv="refresh"[^>]*>/, ''));
    await moved.addScriptTag({ path: axe });
    const result = await moved.evaluate(() => window.axe.run(document));
    assert.deepEqual(result.violations.map((v) => v.id), [], 'axe-core on the redirect page');
    await moved.close();
  });

  it('passes axe-core on the Welsh side of a bilingual site: its home page, a post, its search page', async () => {
    const require = createRequire(import.meta.url);
    const axe = require.resolve('axe-core/axe.min.js');
    const work = env('LATERAL_WORK', join(here, '../../../target/browser-test'));
    const fixture = join(env('LATERAL_FIXTURE', join(here, '../resources/sites/lists-and-search')), '..', 'bilingual');
    const site = join(work, 'bilingual');
    const bilingual = join(work, 'bilingual-public');
    cpSync(fixture, site, { recursive: true });
    execFileSync(process.env.LATERAL_JAVA || 'java',
      ['-jar', env('LATERAL_JAR', join(here, '../../../target/lateral.jar')), 'build', site, '--output', bilingual],
      { stdio: ['ignore', 'inherit', 'inherit'] });
    const other = await serve(bilingual);
    const at = `http://127.0.0.1:${other.address().port}`;
    try {
      for (const path of ['/cy/', '/cy/2026/03/oracy-circles/', '/2026/03/oracy-circles/', '/cy/search/', '/cy/tags/llafaredd/']) {
        const page = await browser.newPage();
        page.on('request', (r) => {
          if (!r.url().startsWith(at) && !r.url().startsWith('data:')) {
            outsideRequests.push(r.url());
          }
        });
        await page.goto(at + path);
        assert.equal(await page.locator('html').getAttribute('lang'), path.startsWith('/cy/') ? 'cy' : 'en');
        await page.addScriptTag({ path: axe });
        const result = await page.evaluate(() => window.axe.run(document));
        const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — `
          + v.nodes.map((n) => n.target.join(' ')).join(', '));
        assert.deepEqual(found, [], `axe-core on ${path} of the bilingual site`);
        assert.ok(result.passes.length > 10, `axe-core ran its rules on ${path}`);
        await page.close();
      }
    } finally {
      other.close();
    }
  });

  it('asks nothing of any other host', () => {
    assert.deepEqual(outsideRequests, []);
  });
});
