// Shared by the browser tests: a static server on 127.0.0.1, one headless Chromium, the four
// modes a reader meets (desktop and phone width, light and dark), and axe-core run over many
// pages at once in parallel tabs. No test here; see pages.test.mjs and network.test.mjs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const missing = existsSync(CHROMIUM) ? ''
  : `SKIPPED: ${CHROMIUM} is absent, so the pages were not tested in a browser `
    + '(install it with: apt-get install -y chromium)';

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

/**
 * Opens a context per mode and runs axe-core on each URL in it, `tabs` pages at a time, and
 * returns the violations found as "mode url: rule (impact): help — targets" lines.
 * Outside requests are refused (the pages must not need them) and counted in `outside`.
 */
export async function axeAll(browser, urls, modes, { tabs = 4, outside = [], prepare } = {}) {
  const found = [];
  let checked = 0;
  for (const mode of modes) {
    const context = await browser.newContext({ viewport: mode.viewport, colorScheme: mode.colorScheme,
      isMobile: !!mode.isMobile, hasTouch: !!mode.hasTouch, reducedMotion: 'reduce' });
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:|file:)/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    const queue = [...urls];
    const worker = async () => {
      const page = await context.newPage();
      while (queue.length) {
        const url = queue.shift();
        await page.goto(url, { waitUntil: 'load' });
        if (prepare) {
          await prepare(page, url);
        }
        await page.evaluate(axeSource);
        const result = await page.evaluate((tags) => window.axe.run(document, {
          runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
        }), AXE_TAGS);
        checked++;
        for (const v of result.violations) {
          found.push(`${mode.name} ${url}: ${v.id} (${v.impact}): ${v.help} — `
            + v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', '));
        }
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(tabs, urls.length) }, worker));
    await context.close();
  }
  return { found, checked };
}
