// Every page of a fixture site in a real headless Chromium (Debian's /usr/bin/chromium), checked
// with axe-core (WCAG 2.0-2.2 A/AA and best practices) at desktop and phone width, in light and
// dark; then the keyboard (skip link first, focus visible, scroll regions, search without a
// mouse) and print. Maven runs it in the integration-test phase (see generator/pom.xml):
//
//   node --test --test-reporter=spec pages.test.mjs
//
// with LATERAL_JAR, LATERAL_JAVA, LATERAL_FIXTURE and LATERAL_WORK set. The fixture is the search
// tests' site, given a theme accent and logo, and one more post with what a body can hold (a wide
// table, a long line of code, footnotes, a Welsh post, a cover picture).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, axeAll, buildCopy, fixture, htmlPages, inBrowser, isReaderPage, missingChromium, serve, workFolder } from './a11y.mjs';

const missing = missingChromium('the pages were');

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#1d6b57"/></svg>\n';
const COVER = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><rect width="40" height="30" fill="#fff"/>'
  + '<path d="M2 28 L12 10 L22 20 L38 4" stroke="#000" fill="none"/></svg>\n';
const RICH_POST = `---
title: Talk tallies, week by week
date: 2024-09-20
tags: [Oracy]
image: tally.svg
---
What the tallies showed, every week of the half term.[^1]

| Week | Group A | Group B | Group C | Group D | Group E | Group F | Group G | Notes on what changed in the lesson |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 1 | 12 | 9 | 14 | 7 | 11 | 10 | 13 | The chairs kept the tally for the first time and forgot half way |
| 2 | 15 | 12 | 16 | 9 | 14 | 12 | 15 | Sentence stems on the tables; fewer silences before answers |

\`\`\`
=SUMIFS(Tally!C:C, Tally!A:A, ">=" & DATE(2024,9,1), Tally!A:A, "<" & DATE(2024,10,1), Tally!B:B, "Group A")
\`\`\`

Read more in [the EEF's oracy guidance](https://educationendowmentfoundation.org.uk/).[^2]

[^1]: Counted by the students themselves.
[^2]: Their guidance report, 2021.
`;
const WELSH_POST = `---
title: Cymraeg bob dydd
date: 2024-06-10
lang: cy
tags: [Oracy]
---
Cofnod yn Gymraeg: beth sydd wedi gweithio wrth ddefnyddio Cymraeg bob dydd yn y dosbarth.
`;

/** Builds the fixture site, with a theme accent and logo and the two extra posts, into WORK-pages/public. */
function buildSite() {
  return buildCopy(fixture('lists-and-search'), workFolder('-pages'), { edit: (site) => {
    appendFileSync(join(site, 'site.yaml'), 'theme:\n  name: default\n  accent: "#1d6b57"\n  logo: logo.svg\n');
    mkdirSync(join(site, 'static'), { recursive: true });
    writeFileSync(join(site, 'static/logo.svg'), LOGO);
    mkdirSync(join(site, 'content/posts/talk-tallies'), { recursive: true });
    writeFileSync(join(site, 'content/posts/talk-tallies/index.md'), RICH_POST);
    writeFileSync(join(site, 'content/posts/talk-tallies/tally.svg'), COVER);
    writeFileSync(join(site, 'content/posts/cymraeg-bob-dydd.md'), WELSH_POST);
  } });
}

describe('every page of a site in Chromium', { skip: missing || false }, () => {
  let browser;
  let base;
  let close;
  let output;
  const outside = [];

  before(async () => {
    output = buildSite();
    let root;
    ({ browser, base: root, close } = await inBrowser({ '/': output }));
    base = `${root}/`;
  });

  after(() => close?.());

  it('passes axe-core (WCAG 2.2 A/AA and best practices) on every page, at desktop and phone width, light and dark', async () => {
    const started = Date.now();
    const pages = htmlPages(output).filter((p) => isReaderPage(output, p));
    assert.ok(pages.length > 40, `pages found: ${pages.length}`);
    const urls = pages.map((p) => base + p.replace(/index\.html$/, ''));
    const { found, checked } = await axeAll(browser, urls, MODES, { outside });
    console.log(`axe-core: ${pages.length} pages x ${MODES.length} modes = ${checked} checks in `
      + `${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.deepEqual(found, []);
    assert.equal(checked, pages.length * MODES.length);
  });

  it('offers the skip link on the first Tab, and it moves the focus to the content', async () => {
    const page = await browser.newPage();
    await page.goto(base + '2024/09/talk-tallies/');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement;
      const box = a.getBoundingClientRect();
      return { cls: a.className, text: a.textContent, visible: box.top >= 0 && box.bottom <= innerHeight && box.width > 0 };
    });
    assert.equal(skip.cls, 'skip-link');
    assert.ok(skip.visible, 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.close();
  });

  it('shows where the focus is on every link and control it reaches', async () => {
    for (const mode of [MODES[0], MODES[3]]) {
      const context = await browser.newContext({ viewport: mode.viewport, colorScheme: mode.colorScheme });
      const page = await context.newPage();
      await page.goto(base + '2024/09/talk-tallies/');
      let reached = 0;
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const a = document.activeElement;
          if (a === document.body || a.dataset.tabbed) {
            return null; // past the last element, or round again
          }
          a.dataset.tabbed = 'yes';
          const s = getComputedStyle(a);
          return { what: `${a.tagName} ${a.getAttribute('href') || a.getAttribute('aria-label') || a.textContent}`,
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
        });
        if (!focus) {
          break;
        }
        reached++;
        assert.ok(focus.outline, `${mode.name}: ${focus.what} shows a focus outline`);
      }
      assert.ok(reached > 10, `${mode.name}: Tab reached ${reached} elements`);
      await context.close();
    }
  });

  it('lets a keyboard user scroll a wide table and a long line of code on a phone', async () => {
    const context = await browser.newContext({ viewport: MODES[2].viewport, isMobile: true });
    const page = await context.newPage();
    await page.goto(base + '2024/09/talk-tallies/');
    const regions = page.locator('.content .scroll-region');
    assert.deepEqual(await regions.evaluateAll((rs) => rs.map((r) => [r.getAttribute('role'), r.tabIndex,
      r.getAttribute('aria-label'), r.scrollWidth > r.clientWidth])),
    [['region', 0, 'Table 1', true], ['region', 0, 'Code example 1', true]]);
    for (let i = 0; i < 2; i++) {
      await regions.nth(i).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      // Chromium animates keyboard scrolling: wait for it to start (on a busy machine it can take a moment)
      const scrolled = await page.waitForFunction((r) => r.scrollLeft > 0, await regions.nth(i).elementHandle(),
        { timeout: 5000 }).then(() => true, () => false);
      assert.ok(scrolled, `region ${i + 1} scrolled by keyboard`);
    }
    await context.close();
  });

  it('finds a post from the home page with the keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    let onSearch = false;
    for (let i = 0; i < 15 && !onSearch; i++) {
      await page.keyboard.press('Tab');
      onSearch = await page.evaluate(() => document.activeElement.classList.contains('search-link'));
    }
    assert.ok(onSearch, 'Tab reaches the search link');
    await Promise.all([page.waitForURL(/\/search\/(index\.html)?$/), page.keyboard.press('Enter')]);
    let inInput = false;
    for (let i = 0; i < 15 && !inInput; i++) {
      await page.keyboard.press('Tab');
      inInput = await page.evaluate(() => document.activeElement.id === 'search-input');
    }
    assert.ok(inInput, 'Tab reaches the search field');
    await page.keyboard.type('tallies');
    await page.keyboard.press('Enter');
    await page.locator('#search-status').filter({ hasText: 'match “tallies”' }).waitFor();
    let onResult = '';
    for (let i = 0; i < 4 && !onResult; i++) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate(() => (document.activeElement.closest('#search-results a')
        ? document.activeElement.textContent : ''));
    }
    assert.equal(onResult, 'Talk tallies, week by week', 'Tab reaches the first result');
    await Promise.all([page.waitForURL(/talk-tallies\/(index\.html)?$/), page.keyboard.press('Enter')]);
    assert.equal(await page.locator('h1').textContent(), 'Talk tallies, week by week');
    await page.close();
  });

  it('keeps the search page still while results come (no layout shift)', async () => {
    const page = await browser.newPage();
    await page.goto(base + 'search/');
    const before = await page.locator('.site-footer').boundingBox();
    await page.getByLabel('Search the posts').fill('oracy');
    await page.locator('#search-results li').first().waitFor();
    const shift = await page.evaluate(() => new Promise((ok) => {
      let total = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => { total += e.value; }))
        .observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => ok(total), 200);
    }));
    assert.ok(shift < 0.1, `cumulative layout shift ${shift}`);
    assert.ok(before.y > 0);
    await page.close();
  });

  it('prints black on white from either colour scheme, without menu, footer or related posts, with outside addresses', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await browser.newPage();
      await page.emulateMedia({ media: 'print', colorScheme });
      await page.goto(base + '2024/09/talk-tallies/');
      const printed = await page.evaluate(() => {
        const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== 'none');
        const outsideLink = document.querySelector('.content a[href^="http"]');
        return {
          color: getComputedStyle(document.body).color,
          background: getComputedStyle(document.body).backgroundColor,
          text: getComputedStyle(document.querySelector('.content p')).color,
          menu: shown('.site-header nav'), footer: shown('.site-footer'),
          related: document.querySelector('.related') ? shown('.related') : 'no related posts to hide',
          address: getComputedStyle(outsideLink, '::after').content,
        };
      });
      const { address, ...rest } = printed;
      assert.deepEqual(rest, { color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)',
        menu: false, footer: false, related: false }, colorScheme);
      assert.match(address, /educationendowmentfoundation\.org\.uk/, `${colorScheme}: the address is printed`);
      await page.close();
    }
  });

  it('finds what only one mode shows: light grey text in the dark scheme, a wide line at phone width', async () => {
    // the harness loads a page once per width and switches the colour scheme in place: it must still see each mode
    const dir = join(output, '..', 'modes');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8">'
      + '<meta name="viewport" content="width=device-width"><title>Modes</title><style>'
      + '@media (prefers-color-scheme: dark) { body { background: #000; } .only-dark { color: #333; } }'
      + '@media (max-width: 600px) { .wide { overflow-x: auto; white-space: pre; } }</style></head>'
      + '<body><main><h1>Modes</h1><p class="only-dark">Readable in the light scheme only.</p>'
      + `<div class="wide"><p>${'long '.repeat(200)}</p></div></main></body></html>`);
    const server = await serve({ '/': dir });
    try {
      const { found } = await axeAll(browser, [`http://127.0.0.1:${server.address().port}/`], MODES);
      assert.deepEqual(found.map((f) => `${f.split(' http')[0]} ${f.split(': ')[1].split(' ')[0]}`).sort(), [
        'desktop dark color-contrast', 'phone dark color-contrast', 'phone dark scrollable-region-focusable',
        'phone light scrollable-region-focusable']);
    } finally {
      server.close();
    }
  });

  it('asks nothing of any other host', () => {
    assert.deepEqual(outside, []);
  });
});
