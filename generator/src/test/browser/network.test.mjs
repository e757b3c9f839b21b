// Every page of the sample network (three teacher blogs, the school's CPD site and the hub) in
// headless Chromium, checked with axe-core (WCAG 2.0-2.2 A/AA and best practices): every page in
// the four modes (desktop and phone width, light and dark; a11y.mjs loads each page once per width
// and checks both colour schemes in place, in four tabs of one browser). Maven runs it from sample-site/network-check after the reactor built the network into
// sample-site/*/target/site-output (see its pom.xml):
//
//   LATERAL_NETWORK=sample-site node --test --test-reporter=spec network.test.mjs
//
// With LATERAL_SCREENSHOTS=docs/themes it takes the screenshots of docs/themes.md instead (`npm run
// screenshots`): one page of every kind of each theme (the default theme's blogs, the school site,
// the hub) in the four modes, and writes their tables into docs/themes.md between its markers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODES, axeAll, guardedContext, htmlPages, isReaderPage, launch, missingChromium, serve } from './a11y.mjs';
import { png8 } from './png8.mjs';

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

/** The page kinds in the order docs/themes.md shows them, with their names there. */
const SHOWN = [['home', 'Home page'], ['post', 'A post'], ['page', 'A page'], ['term', 'A tag'], ['taxonomy', 'All tags'],
  ['author', 'An author'], ['authors', 'Authors'], ['series', 'A series'], ['seriesList', 'All series'],
  ['archive', 'The archive'], ['archivePeriod', 'A month of the archive'], ['search', 'Search'], ['cpd', 'The CPD record'],
  ['projects', 'Projects'], ['event', 'An event'], ['events', 'Events'], ['swapShop', 'Offers and requests'],
  ['follow', 'How to follow'], ['404', 'Not found'], ['river', 'The river'], ['members', 'Members'], ['member', 'A member'],
  ['topics', 'Topics'], ['topic', 'A topic'], ['digest', 'The digest'], ['digestWeek', 'A week of the digest'],
  ['networkEvents', 'The network calendar'], ['hubSwapShop', 'The swap-shop'], ['mentoring', 'Mentoring'],
  ['health', 'Feed health']];
const KINDS = SHOWN.map(([kind]) => kind);
const LABELS = Object.fromEntries(SHOWN);
const SHOTS_START = '<!-- screenshots: written by npm run screenshots -->';
const SHOTS_END = '<!-- /screenshots -->';

/** A word of the site's first post's title, for a search page with results. */
function searchWord(pages, site) {
  const post = pages.find((p) => p.site === site && p.kind === 'post');
  const title = readFileSync(join(output(site), post.path), 'utf8').match(/<h1[^>]*>([^<]+)</)[1];
  return encodeURIComponent(title.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0]);
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

  it('takes the screenshots of docs/themes.md when asked (LATERAL_SCREENSHOTS)', { skip: !shooting }, async () => {
    const dir = resolve(process.env.LATERAL_SCREENSHOTS);
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
      rmSync(join(dir, old));
    }
    // each theme's sites, the first the one that shows it best; a page of every kind from them
    const groups = [
      { theme: 'default', title: 'The default theme', sites: ['blog-primary', 'blog-science', 'blog-nqt'] },
      { theme: 'school', title: 'The school theme', sites: ['school'] },
      { theme: 'hub', title: 'The hub (default theme)', sites: ['hub'] },
    ];
    const shots = [];
    const tables = [];
    for (const group of groups) {
      const byKind = new Map();
      // the page nearest the root of each kind (the English side's search page, not the Welsh one's)
      const depth = (p) => p.path.split('/').length;
      for (const p of group.sites.flatMap((site) => pages.filter((q) => q.site === site).sort((x, y) => depth(x) - depth(y)))) {
        if (!byKind.has(p.kind)) {
          byKind.set(p.kind, p);
        }
      }
      const rows = [];
      for (const [kind, p] of [...byKind].sort((x, y) => KINDS.indexOf(x[0]) - KINDS.indexOf(y[0]))) {
        const cells = [];
        for (const mode of MODES) {
          const name = `${group.theme}-${kind}-${mode.name.replace(' ', '-')}.png`;
          shots.push({ mode, file: join(dir, name), url: kind === 'search' ? `${p.url}?q=${searchWord(pages, p.site)}` : p.url });
          cells.push(`![${LABELS[kind] || kind}, ${mode.name}](themes/${name})`);
        }
        rows.push(`| ${LABELS[kind] || kind} (\`${kind}\`) | ${cells.join(' | ')} |`);
      }
      tables.push(`### ${group.title}\n\n| Page | ${MODES.map((m) => m.name[0].toUpperCase() + m.name.slice(1)).join(' | ')} |\n`
        + `| --- |${' --- |'.repeat(MODES.length)}\n${rows.join('\n')}\n`);
    }
    for (const mode of MODES) {
      // desktop at 1200 x 800, the first screen of each page, in at most 256 colours (png8.mjs): small enough to commit
      const context = await guardedContext(browser, mode.isMobile ? mode : { ...mode, viewport: { width: 1200, height: 800 } });
      const page = await context.newPage();
      for (const shot of shots.filter((s) => s.mode === mode)) {
        await page.goto(shot.url, { waitUntil: 'load' });
        if (shot.url.includes('?q=')) {
          await page.locator('#search-results li').first().waitFor();
        }
        writeFileSync(shot.file, png8(await page.screenshot()));
      }
      await context.close();
    }
    // the tables of docs/themes.md, between its markers
    const doc = join(dir, '..', 'themes.md');
    const text = readFileSync(doc, 'utf8');
    const start = text.indexOf(SHOTS_START);
    const end = text.indexOf(SHOTS_END);
    assert.ok(start >= 0 && end > start, `${doc} has the markers ${SHOTS_START} and ${SHOTS_END}`);
    writeFileSync(doc, `${text.slice(0, start + SHOTS_START.length)}\n${tables.join('\n')}${text.slice(end)}`);
    console.log(`screenshots: ${shots.length} in ${dir}, tables in ${doc}`);
  });

  it('asks nothing of any other host but the members\' pictures', () => {
    assert.deepEqual(outside.filter((u) => !/\.(png|jpe?g|gif|svg|webp|ico)(\?|$)/i.test(u)), []);
  });
});
