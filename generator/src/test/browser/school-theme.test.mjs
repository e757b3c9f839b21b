// The school theme (theme: school) in a real headless Chromium, checked with axe-core: the sample
// school site (sample-site/school, which uses it with a crest) is built with the packaged jar,
// served on 127.0.0.1, and one page of every kind it writes is checked in the four modes (desktop and
// phone width, light and dark) with every WCAG 2.0-2.2 A/AA and best-practice rule of axe-core.
// Maven runs it with the other browser tests (exec-maven-plugin, see generator/pom.xml):
//
//   node --test --test-reporter=spec school-theme.test.mjs
//
// with LATERAL_JAR, LATERAL_JAVA and LATERAL_WORK set (LATERAL_SCHOOL_SITE to build another site).
// It also checks that no page asks anything of another host. It skips, saying why, only when
// /usr/bin/chromium is absent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MODES, axeAll, buildCopy, env, inBrowser, missingChromium, workFolder } from './a11y.mjs';

const here = new URL('.', import.meta.url).pathname;
const missing = missingChromium('the school theme was');

/** One page of every kind the sample school site writes. */
const PAGES = ['/', '/page/2/', '/2026/01/talk-across-the-curriculum-act/', '/about/', '/programme/',
  '/events/', '/events/2027/inset-day/', '/tags/', '/tags/oracy/', '/categories/', '/categories/staff-reflections/',
  '/authors/', '/authors/gwenllian/', '/series/', '/series/talk-across-the-curriculum/', '/archive/',
  '/archive/2026/', '/archive/2026/06/', '/archive/academic/2025-26/', '/cpd/', '/projects/', '/search/?q=talk',
  '/404.html'];

/** Builds the sample school site with the packaged jar into WORK-school/public and returns that folder. */
function buildSite() {
  return buildCopy(env('LATERAL_SCHOOL_SITE', join(here, '../../../../sample-site/school')), workFolder('-school'),
    { filter: (src) => !/[\\/](target|public)$/.test(src) });
}

describe('the school theme in Chromium', { skip: missing || false }, () => {
  let browser;
  let base;
  let close;
  const outsideRequests = [];

  before(async () => {
    ({ browser, base, close } = await inBrowser({ '/': buildSite() }));
  });

  after(() => close?.());

  it('passes axe-core on one page of every kind in all four modes (desktop and phone, light and dark)', async () => {
    const { found, checked } = await axeAll(browser, PAGES.map((p) => base + p), MODES, {
      outside: outsideRequests,
      prepare: (page, url) => (url.includes('/search/') ? page.locator('#search-results li').first().waitFor() : null),
    });
    assert.deepEqual(found, []);
    assert.equal(checked, PAGES.length * MODES.length);
  });

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
