// Lateral's live preview: put into pages only as `lateral serve` serves them, never into built files.
// Listens to the preview's server-sent events (same address, under the site's path): reloads when this
// page changed, swaps stylesheets when only CSS changed, goes to a moved page's new address (or home),
// and draws the build's problems over the page until the next good build.
(() => {
  const me = document.currentScript;
  const base = me.dataset.base;
  let build = Number(me.dataset.build || 0);
  let source = null;
  let panel = null;

  const here = () => {
    let p = decodeURI(location.pathname);
    if (p.endsWith('/index.html')) p = p.slice(0, -'index.html'.length);
    return p;
  };

  function showProblems(lines) {
    clearProblems();
    panel = document.createElement('lateral-problems');
    const root = panel.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>:host{all:initial}div{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;'
      + 'z-index:2147483647;background:#fff;color:#1b1b1b;border-top:6px solid #b3261e;padding:1rem 1.25rem;'
      + 'font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.25)}h2{margin:0 0 .5rem;font-size:1.1rem}'
      + 'li{font-family:ui-monospace,monospace;white-space:pre-wrap;margin:.35rem 0}button{float:right;font:inherit}</style>'
      + '<div role="alert"><button type="button">Hide</button><h2>The site could not be built</h2>'
      + '<p>The preview still shows the last good build. Fix these and save:</p><ul></ul></div>';
    const list = root.querySelector('ul');
    for (const line of lines) {
      const li = document.createElement('li');
      li.textContent = line;
      list.appendChild(li);
    }
    root.querySelector('button').addEventListener('click', clearProblems);
    document.documentElement.appendChild(panel);
  }

  function clearProblems() {
    if (panel) {
      panel.remove();
      panel = null;
    }
  }

  function swapStylesheets(n) {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set('lateral', String(n));
      const fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.addEventListener('load', () => link.remove());
      fresh.addEventListener('error', () => fresh.remove());
      link.after(fresh);
    }
  }

  function ok(event) {
    const d = JSON.parse(event.data);
    const page = here();
    build = d.build;
    if (d.moved && Object.prototype.hasOwnProperty.call(d.moved, page)) {
      location.href = d.moved[page];
      return;
    }
    if (d.css) {
      clearProblems();
      swapStylesheets(d.build);
      return;
    }
    if (d.all || (d.urls || []).includes(page) || (d.urls || []).includes(page + 'index.html')) {
      location.reload();
      return;
    }
    clearProblems();
  }

  function connect() {
    if (source) return;
    source = new EventSource(base + '_lateral/events?since=' + build);
    source.addEventListener('ok', ok);
    source.addEventListener('error', (event) => {
      if (event.data) showProblems(JSON.parse(event.data).lines);
    });
  }

  function disconnect() {
    if (source) {
      source.close();
      source = null;
    }
  }

  // A hidden tab gives its connection back (browsers allow about six per server).
  document.addEventListener('visibilitychange', () => (document.hidden ? disconnect() : connect()));
  window.addEventListener('pagehide', disconnect);
  if (!document.hidden) connect();
})();
