// The hand trial of docs/themes.md ("Tried as a teacher") as a test: a teacher starts a site with
// `lateral new site`, sets an accent colour and a logo in site.yaml, builds it, reads a post and
// prints it; a school does the same with `lateral new site --theme school` and its crest. Checked
// in Debian's Chromium: the accent is where the README says (the bar at the top, links, the current
// menu item, and the school theme's lines) in both colour schemes; the logo and the crest show at
// their size beside the site's name; and a post printed from either colour scheme is black on white
// with the site's name at the top, without menu, footer or previous/next links, with the addresses
// of outside links, its pictures within the page; and a page of every kind of the trial's sites
// (with the too-light #ffeb3b too) passes axe-core in the four modes. Maven runs it with the other browser tests:
//
//   node --test --test-reporter=spec trial.test.mjs
//
// with LATERAL_JAR, LATERAL_JAVA and LATERAL_WORK set. It skips only when /usr/bin/chromium is absent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, axeAll, htmlPages, isReaderPage, lateral, launch, missingChromium, serve, workFolder } from './a11y.mjs';

const missing = missingChromium('the hand trial was');

const ACCENT = '#7b2d8e';
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#7b2d8e"/>'
  + '<path d="M18 44 L32 16 L46 44 Z" fill="#fff"/></svg>\n';
const CREST = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120"><path d="M10 10 H90 V60 C90 90 50 115 50 115'
  + ' C50 115 10 90 10 60 Z" fill="#123c69" stroke="#c9a227" stroke-width="6"/></svg>\n';
const OUTSIDE = 'https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports';

/** One page of each kind a new site writes (the posts' dates are the day of the run). */
const KINDS = [/^index\.html$/, /\/teachmeet-reflection\//, /^about\//, /^tags\/index/, /^tags\/.+\//, /^categories\/.+\//,
  /^archive\/index/, /^archive\/\d{4}\/\d{2}\//, /^archive\/academic\//, /^authors\/.+\//, /^follow\//, /^search\//, /^404\.html$/];

/** `lateral new site` (with `--theme`), site.yaml edited as the teacher did, a link out in the example post, built. */
function trialSite(work, name, themeArgs, editYaml, picture, file) {
  const site = join(work, name);
  const output = join(work, name + '-public');
  lateral(['new', 'site', site, ...themeArgs]);
  writeFileSync(join(site, 'site.yaml'), editYaml(readFileSync(join(site, 'site.yaml'), 'utf8')));
  writeFileSync(join(site, 'static', file), picture);
  const post = join(site, 'content/posts/teachmeet-reflection/index.md');
  writeFileSync(post, readFileSync(post, 'utf8').replace('No marks are recorded.',
    `No marks are recorded. The [EEF guidance](${OUTSIDE}) explains why.`));
  lateral(['build', site, '--output', output]);
  const postPath = htmlPages(output).find((p) => p.endsWith('teachmeet-reflection/index.html'));
  assert.ok(postPath, 'the example post was built');
  return { output, post: postPath.replace(/index\.html$/, '') };
}

/** The colours the build derived from the accent, as the page's own <style> gives them (lines, and text). */
async function derived(page) {
  return page.evaluate(() => {
    const css = [...document.querySelectorAll('head style')].map((s) => s.textContent).join('');
    const dark = css.slice(css.indexOf('prefers-color-scheme:dark'));
    const value = (name, text) => new RegExp(`--${name}:(#[0-9a-f]{6})`).exec(text)[1];
    return { light: value('brand', css), dark: value('brand', dark), lightText: value('accent', css), darkText: value('accent', dark) };
  });
}

function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

describe('the hand trial: a new site with an accent and a logo, and a school with its crest', { skip: missing || false }, () => {
  let browser;
  const sites = {};

  before(async () => {
    const work = workFolder('-trial');
    const teacher = trialSite(work, 'my-cpd-blog', [],
      (y) => y.replace(/^theme: default$/m, `theme: { accent: "${ACCENT}", logo: logo.svg }`), LOGO, 'logo.svg');
    const light = trialSite(work, 'too-light', [],
      (y) => y.replace(/^theme: default$/m, 'theme: { accent: "#ffeb3b", logo: logo.svg }'), LOGO, 'logo.svg');
    const school = trialSite(work, 'school-cpd', ['--theme', 'school'],
      (y) => y.replace('school: "Our school"', 'school: "Ysgol Cwm Eithin"')
        .replace('crest: ""', `crest: crest.svg\n  accent: "${ACCENT}"`), CREST, 'crest.svg');
    for (const [name, built] of Object.entries({ teacher, light, school })) {
      const server = await serve({ '/': built.output });
      sites[name] = { ...built, server, base: `http://127.0.0.1:${server.address().port}/` };
    }
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    Object.values(sites).forEach((s) => s.server.close());
  });

  it('shows the site\'s accent on the bar at the top, links and the current menu item, and the school theme\'s lines, in both colour schemes', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(sites.teacher.base);
      const shades = await derived(page);
      assert.equal(shades.light, ACCENT, 'the accent is kept as written for lines and bars');
      const want = rgb(colorScheme === 'light' ? shades.light : shades.dark);
      const link = rgb(colorScheme === 'light' ? shades.lightText : shades.darkText);
      const teacher = await page.evaluate(() => ({
        bar: getComputedStyle(document.querySelector('.site-header')).borderTopColor,
        current: getComputedStyle(document.querySelector('.menu a[aria-current]')).borderBottomColor,
      }));
      await page.goto(sites.teacher.base + sites.teacher.post);
      teacher.link = await page.evaluate(() => getComputedStyle(document.querySelector('.content a[href^="http"]')).color);
      assert.deepEqual(teacher, { bar: want, current: want, link }, `default theme, ${colorScheme}`);

      await page.goto(sites.school.base);
      const school = await page.evaluate(() => ({
        bar: getComputedStyle(document.querySelector('.site-header')).borderTopColor,
        band: getComputedStyle(document.querySelector('.school-header')).borderBottomColor,
        programme: getComputedStyle(document.querySelector('.programme-part')).borderTopColor,
        reflections: getComputedStyle(document.querySelector('.programme-reflections > h2')).borderBottomColor,
      }));
      assert.deepEqual(school, { bar: want, band: want, programme: want, reflections: want },
        `school theme with the site's accent, ${colorScheme}: every line in the same colour`);
      await context.close();
    }
  });

  it('passes axe-core on a page of every kind of the three trial sites (#7b2d8e, the too-light #ffeb3b, the school) in all four modes', async () => {
    const urls = Object.values(sites).flatMap((s) => {
      const pages = htmlPages(s.output).filter((p) => isReaderPage(s.output, p));
      return KINDS.map((kind) => pages.find((p) => kind.test(p)))
        .map((p) => { assert.ok(p, `a page of every kind in ${s.output}`); return s.base + p.replace(/index\.html$/, ''); });
    });
    const outside = [];
    const { found, checked } = await axeAll(browser, urls, MODES, { outside,
      prepare: (page, url) => (url.includes('/search/') ? page.waitForLoadState('networkidle') : null) });
    assert.deepEqual(found, []);
    assert.equal(checked, urls.length * MODES.length);
    assert.deepEqual(outside, []);
  });

  it('shows the logo and the crest at their size, beside the site\'s name', async () => {
    const page = await browser.newPage();
    await page.goto(sites.teacher.base + sites.teacher.post);
    const logo = await page.evaluate(() => {
      const img = document.querySelector('.site-title img.site-logo');
      const box = img.getBoundingClientRect();
      return { loaded: img.naturalWidth > 0, alt: img.alt, width: box.width, height: box.height,
        name: img.closest('a').textContent.trim() };
    });
    assert.deepEqual(logo, { loaded: true, alt: '', width: 44, height: 44, name: 'My CPD journal' });
    await page.goto(sites.school.base + sites.school.post);
    const crest = await page.evaluate(() => {
      const img = document.querySelector('.school-brand img.crest');
      const box = img.getBoundingClientRect();
      return { loaded: img.naturalWidth > 0, alt: img.alt, width: box.width, height: box.height,
        name: img.closest('a').textContent.replace(/\s+/g, ' ').trim() };
    });
    assert.deepEqual(crest, { loaded: true, alt: '', width: 56, height: 56, name: 'Ysgol Cwm Eithin My CPD journal' });
    await page.close();
  });

  it('prints a post black on white from either colour scheme, with the site\'s name, without menu, footer or previous/next links', async () => {
    for (const name of ['teacher', 'school']) {
      for (const colorScheme of ['light', 'dark']) {
        const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.emulateMedia({ media: 'print', colorScheme });
        await page.goto(sites[name].base + sites[name].post);
        const printed = await page.evaluate(() => {
          const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== 'none'
            && e.getBoundingClientRect().height > 0);
          const main = document.querySelector('main').getBoundingClientRect();
          return {
            text: getComputedStyle(document.body).color,
            background: getComputedStyle(document.body).backgroundColor,
            quoteLine: getComputedStyle(document.querySelector('.content blockquote')).borderLeftColor,
            siteName: shown('.site-header .site-title'),
            menu: shown('.site-header nav'), footer: shown('.site-footer'), postNav: shown('.post-nav'),
            address: getComputedStyle(document.querySelector('.content a[href^="http"]'), '::after').content,
            picturesFit: [...document.querySelectorAll('main img')].every((i) => i.getBoundingClientRect().right <= main.right + 1),
          };
        });
        const { address, ...rest } = printed;
        assert.deepEqual(rest, { text: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)', quoteLine: 'rgb(0, 0, 0)',
          siteName: true, menu: false, footer: false, postNav: false, picturesFit: true }, `${name}, printed from ${colorScheme}`);
        assert.ok(address.includes(OUTSIDE), `${name}, ${colorScheme}: the outside address is printed (${address})`);
        await context.close();
      }
    }
  });
});
