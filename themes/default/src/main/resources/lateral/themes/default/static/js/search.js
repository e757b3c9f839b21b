/*
 * Lateral default theme: search. No dependencies, no third-party requests.
 * Reads search-index.json from the site's root (or search-index.js where fetch cannot, as from
 * file://), matches every word typed against titles, tags and post text (word prefixes, accents
 * and case ignored, as the index was folded), and lists the results as links.
 */
(function () {
  'use strict';

  var form = document.querySelector('form[data-search]');
  if (!form || !window.URL || !String.prototype.normalize) {
    return;
  }
  var input = form.querySelector('input[type="search"]');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var fromFile = location.protocol === 'file:';
  /* The site's root, relative to this page (search/index.html), so the site may live anywhere. */
  var here = new URL(location.href);
  if (!/\/$|\.html?$/.test(here.pathname)) {
    here.pathname += '/';
  }
  var root = new URL(form.getAttribute('data-root') || '../', here);
  var MAX_SHOWN = 100;
  var docs = null;
  var common = ' ';
  var loading = null;
  var timer = 0;

  function fold(text) {
    return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\p{M}+/gu, '');
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }

  function fromScript() {
    return new Promise(function (resolve, reject) {
      if (window.lateralSearchIndex) {
        resolve(window.lateralSearchIndex);
        return;
      }
      var script = document.createElement('script');
      script.src = new URL('search-index.js', root).href;
      script.onload = function () {
        if (window.lateralSearchIndex) {
          resolve(window.lateralSearchIndex);
        } else {
          reject(new Error('search-index.js set no index'));
        }
      };
      script.onerror = function () { reject(new Error('search-index.js could not be loaded')); };
      document.head.appendChild(script);
    });
  }

  function fromJson() {
    if (fromFile || !window.fetch) {
      return Promise.reject(new Error('no fetch here'));
    }
    return fetch(new URL('search-index.json', root).href).then(function (response) {
      if (!response.ok) {
        throw new Error('search-index.json: HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function load() {
    if (!loading) {
      loading = fromJson().catch(fromScript).then(function (index) {
        common = ' ' + (index.common || []).join(' ');
        docs = index.docs.map(function (d) {
          return {
            doc: d,
            title: ' ' + words(d.title).join(' '),
            tags: ' ' + words((d.tags || []).join(' ')).join(' '),
            text: ' ' + (d.words || '')
          };
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  /*
   * Every word must match somewhere; a match in the title counts most, then tags, then text.
   * Words in most posts ("common" in the index) are taken to be in every post.
   */
  function search(query) {
    var terms = words(query).filter(function (t, i, all) { return all.indexOf(t) === i; });
    if (terms.length === 0) {
      return [];
    }
    var found = [];
    docs.forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var needle = ' ' + terms[i];
        var s = 0;
        if (entry.title.indexOf(needle) >= 0) {
          s = (entry.title + ' ').indexOf(needle + ' ') >= 0 ? 12 : 10;
        } else if (entry.tags.indexOf(needle) >= 0) {
          s = 5;
        } else if (entry.text.indexOf(needle) >= 0) {
          s = 1;
        } else if (common.indexOf(needle) < 0) {
          return;
        }
        score += s;
      }
      found.push({ doc: entry.doc, score: score });
    });
    found.sort(function (a, b) {
      return b.score - a.score || (b.doc.date || '').localeCompare(a.doc.date || '');
    });
    return found;
  }

  function href(url) {
    return new URL(fromFile && /\/$/.test(url) ? url + 'index.html' : url, root).href;
  }

  function formatDate(iso) {
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
    } catch (e) {
      return iso;
    }
  }

  function message(count, query) {
    var key = count === 0 ? 'data-none' : count === 1 ? 'data-one' : 'data-many';
    return (form.getAttribute(key) || '').replace('{n}', String(count)).replace('{q}', query);
  }

  function show(query, results) {
    list.textContent = '';
    results.slice(0, MAX_SHOWN).forEach(function (r) {
      var item = document.createElement('li');
      if (r.doc.lang && r.doc.lang !== document.documentElement.lang) {
        item.lang = r.doc.lang;
      }
      var heading = document.createElement('h2');
      var link = document.createElement('a');
      link.href = href(r.doc.url);
      link.textContent = r.doc.title;
      heading.appendChild(link);
      item.appendChild(heading);
      if (r.doc.date) {
        var meta = document.createElement('p');
        meta.className = 'meta';
        var time = document.createElement('time');
        time.dateTime = r.doc.date;
        time.textContent = formatDate(r.doc.date);
        meta.appendChild(time);
        item.appendChild(meta);
      }
      if (r.doc.snippet) {
        var snippet = document.createElement('p');
        snippet.textContent = r.doc.snippet;
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
    status.textContent = message(results.length, query);
  }

  function remember(query) {
    try {
      var url = new URL(location.href);
      if (query) {
        url.searchParams.set('q', query);
      } else {
        url.searchParams.delete('q');
      }
      history.replaceState(null, '', url.href);
    } catch (e) {
      /* some browsers refuse this for file:// pages; the search still works */
    }
  }

  function run() {
    var query = input.value.trim();
    remember(query);
    if (!query) {
      list.textContent = '';
      status.textContent = '';
      return;
    }
    load().then(function () {
      if (input.value.trim() === query) {
        show(query, search(query));
      }
    }, function () {
      status.textContent = form.getAttribute('data-unavailable');
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  input.addEventListener('focus', function () { load().catch(function () {}); }, { once: true });

  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    run();
  }
})();
