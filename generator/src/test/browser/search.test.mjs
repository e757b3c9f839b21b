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
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MODES, assertAccessible, axeAll, buildCopy, fixture, inBrowser, lateral, missingChromium, serve, workFolder } from './a11y.mjs';

const missing = missingChromium('the search page was');

/** Builds the fixture site with the packaged jar into WORK/public and returns that folder. */
function buildSite() {
  return buildCopy(fixture('lists-and-search'), workFolder(''));
}

describe('the search page in Chromium', { skip: missing || false }, () => {
  let browser;
  let base;
  let close;
  let output;
  const outsideRequests = [];

  before(async () => {
    output = buildSite();
    // the site is served at / and again under /elsewhere/, as a host might put it anywhere
    ({ browser, base, close } = await inBrowser({ '/': output, '/elsewhere/': output }));
  });

  after(() => close?.());

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
    for (const path of ['/search/?q=oracy', '/', '/2023/10/talk-tactics-in-year-7/']) {
      const page = await open(base + path);
      if (path.startsWith('/search/')) {
        await page.locator('#search-results li').first().waitFor();
      }
      await assertAccessible(page, path);
    }
  });

  it('passes axe-core on one page of every other kind the site writes', async () => {
    const pages = ['/about/', '/page/2/', '/tags/', '/tags/oracy/', '/categories/', '/categories/projects/',
      '/authors/', '/authors/tokafor/', '/series/', '/series/oracy-project/', '/archive/', '/archive/2024/',
      '/archive/2024/09/', '/archive/academic/2024-25/', '/events/', '/events/2024/teachmeet/', '/404.html', '/cpd/', '/projects/',
      '/swap-shop/', '/2023/10/talk-tactics-in-year-7/', '/2024/08/summer-reading/'];
    // four tabs at a time; every page of this site in all four modes, with a theme accent, is pages.test.mjs's
    const { found, checked } = await axeAll(browser, pages.map((p) => base + p), [MODES[0]], { outside: outsideRequests });
    assert.deepEqual(found, []);
    assert.equal(checked, pages.length);
  });

  it('passes axe-core on the hub\'s swap-shop and mentoring pages, made from this site\'s feed', async () => {
    // a hub in the work folder reading the built site's feed, which links its community.json
    const work = join(output, '..');
    writeFileSync(join(work, 'site.yaml'), [
      'title: Browser test network', 'baseUrl: https://hub.example/', 'language: en-GB', 'hub:', '  members:',
      '    - { name: Tunde Okafor, feed: public/feed.xml, feedUrl: https://cpd.example.org/feed.xml }', ''].join('\n'));
    const hubOut = join(work, 'hub-public');
    lateral(['aggregate', work, '--output', hubOut]);
    const hubServer = await serve({ '/': hubOut });
    try {
      const hubBase = `http://127.0.0.1:${hubServer.address().port}`;
      for (const path of ['/swap-shop/', '/mentoring/', '/digest/', '/health/']) {
        const page = await browser.newPage();
        await page.goto(hubBase + path);
        if (path === '/swap-shop/') {
          assert.match(await page.locator('.swap-list').first().textContent(), /Summer reading/);
        }
        await assertAccessible(page, `the hub's ${path}`);
      }
    } finally {
      hubServer.close();
    }
  });

  it('takes a reader from an old address (aliases:) to the post, and the redirect page passes axe-core', async () => {
    const html = await (await fetch(base + '/2019/old-blog/questioning.html')).text();
    const page = await open(base + '/2019/old-blog/questioning.html');
    await page.waitForURL(/\/questioning-and-wait-time\/(index\.html)?$/);
    assert.equal(await page.locator('h1').first().textContent(), 'Questioning and wait time');
    const moved = await browser.newPage();
    await moved.setContent(html.replace(/<meta http-equiv="refresh"[^>]*>/, ''));
    await assertAccessible(moved, 'the redirect page');
    await moved.close();
  });

  it('passes axe-core on the Welsh side of a bilingual site: its home page, a post, its search page', async () => {
    const bilingual = buildCopy(join(fixture('lists-and-search'), '..', 'bilingual'), workFolder('-bilingual'));
    const other = await serve({ '/': bilingual });
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
        await assertAccessible(page, `${path} of the bilingual site`);
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
