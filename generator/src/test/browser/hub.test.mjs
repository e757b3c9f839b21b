// The hub's pages in a real headless Chromium (Debian's /usr/bin/chromium), checked with axe-core:
// one page of every kind a hub writes, including the topics index, a topic, a week of the digest
// archive and the health page with curation's lines. Maven runs it with the other browser tests
// (see generator/pom.xml); it aggregates the hub-community fixture (local feed files) with the
// packaged jar into LATERAL_WORK-hub/public, serves it on 127.0.0.1 and opens each page.
// A second copy, with a light accent (`theme: { accent: "#ffeb3b" }`), is served under /light-accent/
// to check members' initials, which axe-core cannot see (aria-hidden, written by the stylesheet).
// It skips, saying why, only when /usr/bin/chromium is absent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, axeAll, buildCopy, contrast, fixture, inBrowser, missingChromium, workFolder } from './a11y.mjs';

const missing = missingChromium('the hub\'s pages were');

describe('the hub in Chromium', { skip: missing || false }, () => {
  let browser;
  let base;
  let close;

  before(async () => {
    ({ browser, base, close } = await inBrowser({
      '/': buildCopy(fixture('hub-community'), workFolder('-hub'), { command: 'aggregate' }),
      '/light-accent/': buildCopy(fixture('hub-community'), workFolder('-hub-light-accent'), { command: 'aggregate',
        edit: (site) => appendFileSync(join(site, 'site.yaml'), 'theme: { accent: "#ffeb3b" }\n') }),
    }));
  });

  after(() => close?.());

  it('passes axe-core on one page of every kind the hub writes, in all four modes', async () => {
    const pages = ['/', '/members/', '/members/ann/', '/topics/', '/topics/retrieval-practice/', '/digest/',
      '/digest/2025-W10/', '/health/'];
    for (const path of pages) {
      assert.equal((await fetch(base + path)).status, 200, `${path} exists`);
    }
    const outside = [];
    const { found, checked } = await axeAll(browser, pages.map((p) => base + p), MODES, { outside });
    assert.deepEqual(found, []);
    assert.equal(checked, pages.length * MODES.length);
    assert.deepEqual(outside, []);
  });

  it('keeps members\' initials readable (4.5:1) on a light accent, in light and dark, and the pages pass axe-core', async () => {
    const pages = ['/', '/members/', '/members/ann/'].map((p) => `${base}/light-accent${p}`);
    const initials = [];
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      for (const url of pages) {
        await page.goto(url);
        const found = await page.locator('.hub-initials').evaluateAll((marks) => marks.map((m) => ({
          text: getComputedStyle(m, '::before').content, color: getComputedStyle(m).color,
          background: getComputedStyle(m).backgroundColor })));
        assert.ok(found.length > 0, `${url} shows members' initials`);
        for (const mark of found) {
          initials.push({ where: `${colorScheme} ${url.slice(base.length)} ${mark.text}`, ...mark,
            contrast: Math.round(contrast(mark.color, mark.background) * 100) / 100 });
        }
      }
      await context.close();
    }
    assert.deepEqual(initials.filter((i) => i.contrast < 4.5), [], 'initials below 4.5:1 on their circle');
    const { found } = await axeAll(browser, pages, MODES);
    assert.deepEqual(found, []);
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
