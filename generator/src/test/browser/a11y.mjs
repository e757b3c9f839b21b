// The one harness of the browser tests (*.test.mjs): building a fixture with the packaged jar, a
// static server on 127.0.0.1, one headless Chromium, the four modes a reader meets (desktop and
// phone width, light and dark), and axe-core (WCAG 2.0-2.2 A/AA and best practices) on one page
// or on many pages at once in parallel tabs. No test here.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** '' when Chromium is here, else why `what` (such as 'the search page was') went untested. */
export function missingChromium(what) {
  const why = existsSync(CHROMIUM) ? ''
    : `SKIPPED: ${CHROMIUM} is absent, so ${what} not tested in a browser (install it with: apt-get install -y chromium)`;
  if (why) {
    console.log(why);
  }
  return why;
}

const here = new URL('.', import.meta.url).pathname;

/** A path from the environment (Maven sets them, see generator/pom.xml), or its fallback for a run by hand. */
export function env(name, fallback) {
  const value = process.env[name] || fallback;
  if (!value) {
    throw new Error(`${name} is not set; run this through Maven (mvn verify) or set it by hand`);
  }
  return resolve(value);
}

/** The test's own work folder, LATERAL_WORK + suffix (target/browser-test-… by hand), emptied. */
export function workFolder(suffix) {
  const work = env('LATERAL_WORK', join(here, '../../../target/browser-test')) + suffix;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  return work;
}

/** A fixture of src/test/resources/sites, or LATERAL_FIXTURE for lists-and-search. */
export function fixture(name) {
  return name === 'lists-and-search' ? env('LATERAL_FIXTURE', join(here, '../resources/sites', name))
    : resolve(here, '../resources/sites', name);
}

/** Runs the packaged jar (LATERAL_JAR, with LATERAL_JAVA): `lateral(['build', site, '--output', out])`. */
export function lateral(args) {
  execFileSync(process.env.LATERAL_JAVA || 'java', ['-jar', env('LATERAL_JAR', join(here, '../../../target/lateral.jar')), ...args],
    { stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * Copies a site into work/site (`filter` as cpSync's; `edit(site)` may then change it), builds it
 * with the jar (`command` 'build' or 'aggregate') into work/public and returns that folder.
 */
export function buildCopy(from, work, { command = 'build', filter, edit } = {}) {
  const site = join(work, 'site');
  const output = join(work, 'public');
  cpSync(from, site, { recursive: true, filter });
  edit?.(site);
  lateral([command, site, '--output', output]);
  return output;
}

/** The four modes: every page is read at desktop and phone width, in light and dark. */
export const MODES = [
  { name: 'desktop light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  { name: 'desktop dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
  { name: 'phone light', viewport: { width: 375, height: 740 }, colorScheme: 'light', isMobile: true, hasTouch: true },
  { name: 'phone dark', viewport: { width: 375, height: 740 }, colorScheme: 'dark', isMobile: true, hasTouch: true },
];

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const axeSource = readFileSync(axePath, 'utf8');

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.xml': 'application/xml', '.ics': 'text/calendar' };

export async function loadPlaywright() {
  try {
    return (await import('playwright-core')).chromium;
  } catch (e) {
    throw new Error('playwright-core is not installed here; run: npm ci --prefix generator/src/test/browser '
      + `(${e.message})`);
  }
}

export async function launch() {
  const chromium = await loadPlaywright();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

/**
 * Serves `mounts` (see serve) and launches the browser: { browser, server, base, close }, base being
 * 'http://127.0.0.1:port' (no slash at the end) and close() ending both.
 */
export async function inBrowser(mounts) {
  const server = await serve(mounts);
  const browser = await launch();
  return { browser, server, base: `http://127.0.0.1:${server.address().port}`,
    close: async () => { await browser.close(); server.close(); } };
}

/**
 * A static file server on 127.0.0.1 for several folders: `mounts` maps a path prefix ('/' or
 * '/hub/') to a folder; folder/ is served as folder/index.html, as hosts do.
 */
export function serve(mounts) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const root = resolve(mount[1]);
    let file = normalize(join(root, path.slice(mount[0].length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] }).end(existsSync(notFound) ? readFileSync(notFound) : '');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Every HTML page of an output folder, as paths from its root ('index.html', 'tags/oracy/index.html'). */
export function htmlPages(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) {
        walk(file);
      } else if (name.endsWith('.html')) {
        out.push(relative(root, file).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return out.sort();
}

/** Whether a page is one a reader sees (not a redirect of an old address, not an e-mail's source). */
export function isReaderPage(root, path) {
  const html = readFileSync(join(root, path), 'utf8');
  return !/<meta http-equiv="refresh"/i.test(html);
}

/** The modes grouped by device (width, touch): one context each, the colour schemes switched in place. */
function byDevice(modes) {
  const devices = new Map();
  for (const mode of modes) {
    const key = JSON.stringify([mode.viewport, !!mode.isMobile, !!mode.hasTouch]);
    devices.set(key, [...(devices.get(key) || []), mode]);
  }
  return [...devices.values()];
}

/** A context for a mode whose requests to anything but 127.0.0.1 are refused and counted in `outside`. */
export async function guardedContext(browser, mode, outside = []) {
  const context = await browser.newContext({ viewport: mode.viewport, colorScheme: mode.colorScheme,
    isMobile: !!mode.isMobile, hasTouch: !!mode.hasTouch, reducedMotion: 'reduce' });
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:|file:)/, (route) => {
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return context;
}

/**
 * axe-core's violations on the page as it is now, as "rule (impact): help — targets" lines. It
 * throws if axe ran too few rules to mean anything (a page that did not load).
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => !!window.axe))) {
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }).then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => `${v.id} (${v.impact}): `
    + `${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`) })), AXE_TAGS);
  if (result.passes < 5) {
    throw new Error(`axe-core ran only ${result.passes} rules that passed on ${page.url()}: did the page load?`);
  }
  return result.violations;
}

/** Fails, listing them, if axe-core finds violations on the page as it is now (`what` names it). */
export async function assertAccessible(page, what) {
  const found = await axeViolations(page);
  if (found.length) {
    throw new Error(`axe-core on ${what}: ${found.length} violation(s):\n${found.join('\n')}`);
  }
}

/**
 * Runs axe-core on each URL in each mode and returns the violations found as "mode url: rule
 * (impact): help — targets" lines. One context per device (desktop, phone) with `tabs` pages
 * reused from URL to URL; each URL is loaded once per device and checked in each of its colour
 * schemes in place (emulateMedia), so the four modes cost two loads. Outside requests are refused
 * (the pages must not need them) and counted in `outside`; `prepare(page, url)` runs after a load.
 */
export async function axeAll(browser, urls, modes, { tabs = 4, outside = [], prepare } = {}) {
  const found = [];
  let checked = 0;
  for (const device of byDevice(modes)) {
    const context = await guardedContext(browser, device[0], outside);
    const queue = [...urls];
    const worker = async () => {
      const page = await context.newPage();
      for (let url = queue.shift(); url; url = queue.shift()) {
        await page.goto(url, { waitUntil: 'load' });
        if (prepare) {
          await prepare(page, url);
        }
        for (const mode of device) {
          await page.emulateMedia({ colorScheme: mode.colorScheme });
          for (const line of await axeViolations(page)) {
            found.push(`${mode.name} ${url}: ${line}`);
          }
          checked++;
        }
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(tabs, urls.length) }, worker));
    await context.close();
  }
  return { found, checked };
}
