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
import { MODES, axeAll, buildCopy, fixture, inBrowser, missingChromium, workFolder } from './a11y.mjs';

const POST = '/2024/11/teachmeet-talk/';

const missing = missingChromium('video embeds were');

describe('video embeds and taxonomy pages in Chromium', { skip: missing || false }, () => {
  let browser;
  let base;
  let close;

  before(async () => {
    ({ browser, base, close } = await inBrowser({ '/': buildCopy(fixture('embeds-and-subjects'), workFolder('-embeds')) }));
  });

  after(() => close?.());

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

  it('passes axe-core on the post with videos, the taxonomy pages and the home page with a pinned post, in all four modes', async () => {
    const paths = [POST, '/subjects/', '/subjects/science/', '/subjects/science/page/2/', '/keystages/',
      '/keystages/ks3/', '/', '/2024/10/density-practical/', '/2024/05/lab-safety-part-1/'];
    const outside = [];
    const { found, checked } = await axeAll(browser, paths.map((p) => base + p), MODES, { outside });
    assert.deepEqual(found, []);
    assert.equal(checked, paths.length * MODES.length);
    assert.deepEqual(outside, [], 'nothing asked of another host');
  });
});
