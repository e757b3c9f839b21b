// Every page of the sample network (three teacher blogs, the school's CPD site and the hub) in
// headless Chromium, checked with axe-core (WCAG 2.0-2.2 A/AA and best practices): every page in
// the four modes (desktop and phone width, light and dark; a11y.mjs loads each page once per width
// and checks both colour schemes in place, in four tabs of one browser). Maven runs it from sample-site/network-check after the reactor built the network into
// sample-site/*/target/site-output (see its pom.xml):
//
//   LATERAL_NETWORK=sample-site node --test --test-reporter=spec network.test.mjs
//
// With LATERAL_SCREENSHOTS=docs/themes it takes the screenshots of docs/themes.md instead: one page
// of twenty kinds, at desktop width in light and at phone width in dark (`npm run screenshots`).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODES, axeAll, htmlPages, isReaderPage, launch, missingChromium, serve } from './a11y.mjs';

const here = new URL('.', import.meta.url).pathname;
const NETWORK = resolve(process.env.LATERAL_NETWORK || join(here, '../../../../sample-site'));
const SITES = ['blog-primary', 'blog-science', 'blog-nqt', 'school', 'hub'];
const output = (site) => join(NETWORK, site, 'target/site-output');
const notBuilt = SITES.filter((s) => !existsSync(output(s)));
const missing = missingChromium('the sample network was');
const skip = missing || (notBuilt.length ? `SKIPPED: the sample network is not built (${notBuilt.join(', ')}); `
  + 'build it with: mvn -B verify (or mvn package) from the repository root' : '');
if (skip && !missing) {
  console.log(skip);
}

/** The kind a page was written for: the layout's body class (kind-post, kind-river…). */
function kindOf(site, path) {
  const m = readFileSync(join(output(site), path), 'utf8').match(/<body class="kind-([A-Za-z0-9]+)/);
  return m ? m[1] : 'other';
}

describe('every page of the sample network in Chromium', { skip: skip || false }, () => {
  let browser;
  const servers = [];
  const pages = []; // { site, path, kind, url }
  const outside = [];

  before(async () => {
    for (const site of SITES) {
      // each site on its own server under its base path, as it is published (its 404 page links from there)
      const baseUrl = readFileSync(join(NETWORK, site, 'site.yaml'), 'utf8').match(/^baseUrl:\s*"?([^"\s]+)/m)[1];
      const basePath = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).pathname;
      const server = await serve({ [basePath]: output(site) });
      servers.push(server);
      const base = `http://127.0.0.1:${server.address().port}${basePath.replace(/\/$/, '')}`;
      for (const path of htmlPages(output(site))) {
        // the digest's e-mail is a mail, not a page of the site: checked on its own below
        if (isReaderPage(output(site), path) && !path.endsWith('email.html')) {
          pages.push({ site, path, kind: kindOf(site, path), url: `${base}/${path.replace(/index\.html$/, '')}` });
        }
      }
    }
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    servers.forEach((s) => s.close());
  });

  const shooting = !!process.env.LATERAL_SCREENSHOTS; // a screenshot run (npm run screenshots) checks nothing else

  it('passes axe-core on every page in all four modes (desktop and phone, light and dark)', { skip: shooting }, async () => {
    const started = Date.now();
    assert.ok(pages.length > 200, `pages found: ${pages.length}`);
    const { found, checked } = await axeAll(browser, pages.map((p) => p.url), MODES, { outside });
    const kinds = [...new Set(pages.map((p) => p.kind))];
    console.log(`axe-core: ${pages.length} pages of the network (${kinds.length} kinds: ${kinds.join(', ')}) `
      + `x ${MODES.length} modes = ${checked} checks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.deepEqual(found, []);
    assert.equal(checked, pages.length * MODES.length);
    for (const kind of ['home', 'post', 'page', 'term', 'taxonomy', 'river', 'member', 'members', 'digest', 'health', 'follow']) {
      assert.ok(kinds.includes(kind), `a page of kind ${kind} was checked`);
    }
  });

  it('keeps the digest e-mail a table layout with inline styles and the site\'s typeface', async () => {
    const email = htmlPages(output('hub')).find((p) => p.endsWith('email.html'));
    const html = readFileSync(join(output('hub'), email), 'utf8');
    assert.doesNotMatch(html, /<link|<style|<script/);
    assert.match(html, /<table role="presentation"/);
    assert.match(html, /font-family:system-ui/);
  });

  it('takes the screenshots of docs/themes.md when asked (LATERAL_SCREENSHOTS)', { skip: !process.env.LATERAL_SCREENSHOTS }, async () => {
    const dir = resolve(process.env.LATERAL_SCREENSHOTS);
    mkdirSync(dir, { recursive: true });
    // a page of each kind, from the site that shows it best
    const prefer = ['blog-primary', 'school', 'blog-science', 'blog-nqt', 'hub'];
    const byKind = new Map();
    for (const site of prefer) {
      for (const p of pages.filter((q) => q.site === site)) {
        if (!byKind.has(p.kind)) {
          byKind.set(p.kind, p);
        }
      }
    }
    // twenty kinds (the author, authors, series index and archive period pages look like these)
    const SHOT_KINDS = ['home', 'post', 'page', 'term', 'taxonomy', 'series', 'archive', 'search', 'cpd', 'projects',
      'event', 'events', 'follow', '404', 'river', 'members', 'member', 'digest', 'health', 'networkEvents'];
    for (const kind of [...byKind.keys()]) {
      if (!SHOT_KINDS.includes(kind)) {
        byKind.delete(kind);
      }
    }
    const shots = [];
    for (const mode of [{ ...MODES[0], viewport: { width: 1200, height: 800 } }, MODES[3]]) {
      const context = await browser.newContext({ viewport: mode.viewport, colorScheme: mode.colorScheme,
        isMobile: !!mode.isMobile, deviceScaleFactor: 1 });
      await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:)/, (route) => route.abort());
      const page = await context.newPage();
      for (const [kind, p] of byKind) {
        await page.goto(p.url, { waitUntil: 'load' });
        const file = join(dir, `${kind}-${mode.name.replace(' ', '-')}.png`);
        await page.screenshot({ path: file });
        shots.push(file);
      }
      await context.close();
    }
    console.log(`screenshots: ${shots.length} in ${dir}`);
  });

  it('asks nothing of any other host but the members\' pictures', () => {
    assert.deepEqual(outside.filter((u) => !/\.(png|jpe?g|gif|svg|webp|ico)(\?|$)/i.test(u)), []);
  });
});
