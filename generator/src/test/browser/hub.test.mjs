// The hub's pages in a real headless Chromium (Debian's /usr/bin/chromium), checked with axe-core:
// one page of every kind a hub writes, including the topics index, a topic, a week of the digest
// archive and the health page with curation's lines. Maven runs it with the other browser tests
// (see generator/pom.xml); it aggregates the hub-community fixture (local feed files) with the
// packaged jar into LATERAL_WORK-hub/public, serves it on 127.0.0.1 and opens each page.
// It skips, saying why, only when /usr/bin/chromium is absent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, axeAll, buildCopy, fixture, inBrowser, missingChromium, workFolder } from './a11y.mjs';

const missing = missingChromium('the hub\'s pages were');

describe('the hub in Chromium', { skip: missing || false }, () => {
  let browser;
  let base;
  let close;

  before(async () => {
    ({ browser, base, close } = await inBrowser({ '/': buildCopy(fixture('hub-community'), workFolder('-hub'),
      { command: 'aggregate' }) }));
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
