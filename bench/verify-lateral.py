#!/usr/bin/env python3
"""verify-lateral.py OUT_DIR CORPUS_DIR [--feed PATH] [--base-url URL] [--entries N] [--json]

Check that a Lateral build of the benchmark site (bench/site/) really holds
the pages the benchmark asks for, by parsing every HTML page (html.parser)
and the feed (xml.etree) -- the same things ../shared/bench/verify.py counts
for the peers, checked more strictly:

  post pages   one per corpus post, found by the class on <body> (kind-post),
               at posts/<file name>/ (the permalink in bench/site/site.yaml);
               each with the post's title in <h1>, its date, its author, a link
               per tag that leads to that tag's page, and its rendered body:
               one <h2> per "## " section, a <table> iff the post has a GFM
               table, a <pre> iff it has a fenced code block
  index pages  ceil(N/10) pages (kind-home), "Page k of K", the first at
               index.html; 10 entries a page; together all N posts, newest
               first; every entry and every Newer/Older link resolves
  tag pages    one per distinct tag (kind-term), each listing exactly the
               posts that carry the tag (so all (post, tag) pairs), links resolve
  feed         RSS 2.0 or Atom at --feed (default $LATERAL_FEED or feed.xml):
               exactly N entries (default 20), the N newest posts in order,
               each with the full rendered body (all its <h2> sections);
               --feed none skips this (a build without feeds)

Exit status 0 only if every check passes. Templates: bench/site/templates.
"""
import argparse
import glob
import html.parser
import json
import math
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}"
DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")


# ------------------------------------------------------------------ corpus

class Post:
    __slots__ = ("stem", "slug", "title", "date", "day", "author", "tags", "h2", "table", "code")


def read_corpus(corpus):
    posts = {}
    for path in sorted(glob.glob(os.path.join(corpus, "posts", "*.md"))):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        fm, _, body = text[4:].partition("\n---\n")
        p = Post()
        p.stem = os.path.basename(path)[:-3]
        p.slug = DATE_PREFIX.sub("", p.stem)
        p.tags = []
        meta = {}
        for line in fm.split("\n"):
            if line.startswith("  - "):
                p.tags.append(line[4:].strip())
                continue
            k, _, v = line.partition(":")
            v = v.strip()
            if len(v) >= 2 and v[0] == v[-1] == '"':
                v = v[1:-1]
            meta[k] = v
        p.title, p.date, p.author = meta["title"], meta["date"], meta["author"]
        p.day = p.date[:10]
        h2, fence, table = 0, False, False
        for line in body.split("\n"):
            if line.startswith("```"):
                fence = not fence
            elif not fence and line.startswith("## "):
                h2 += 1
            elif not fence and line.startswith("| --- |"):
                table = True
        p.h2, p.table, p.code = h2, table, "\n```" in "\n" + body
        posts[p.stem] = p
    return posts


# ------------------------------------------------------------------ HTML

class PageParser(html.parser.HTMLParser):
    """Collects what the checks need from one page of bench/site/templates."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, class)
        self.kind = None
        self.h1 = None
        self.h2 = 0              # inside <article>
        self.tables = 0
        self.pres = 0
        self.articles = 0
        self.datetime = None
        self.meta_text = []
        self.links = []          # dicts: href, text, where
        self.nav_text = []
        self._text = None        # collecting text for current <a> / <h1>
        self._h1 = None

    def _in(self, tag, cls=None):
        return any(t == tag and (cls is None or cls in (c or "").split()) for t, c in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            for c in (a.get("class") or "").split():
                if c.startswith("kind-"):
                    self.kind = c[5:]
        elif tag == "article":
            self.articles += 1
        elif tag == "h2" and self._in("article"):
            self.h2 += 1
        elif tag == "h1" and self.h1 is None:
            self._h1 = []
        elif tag == "table" and self._in("article"):
            self.tables += 1
        elif tag == "pre" and self._in("article"):
            self.pres += 1
        elif tag == "time" and self.datetime is None and a.get("datetime"):
            self.datetime = a["datetime"]
        elif tag == "a" and "href" in a:
            if self._in("ul", "tags"):
                where = "tag"
            elif self._in("nav"):
                where = "nav"
            elif self._in("article") and self._in("h2"):
                where = "entry"
            elif self._in("main") and self._in("li"):
                where = "item"
            else:
                where = "other"
            self._text = {"href": a["href"], "rel": a.get("rel"), "where": where, "text": []}
        if tag not in VOID:
            self.stack.append((tag, a.get("class")))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "a" and self._text is not None:
            self._text["text"] = "".join(self._text["text"]).strip()
            self.links.append(self._text)
            self._text = None
        elif tag == "h1" and self._h1 is not None:
            self.h1 = "".join(self._h1).strip()
            self._h1 = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self._text is not None:
            self._text["text"].append(data)
        if self._h1 is not None:
            self._h1.append(data)
        if self._in("p", "meta"):
            self.meta_text.append(data)
        if self._in("nav") and self._in("span"):
            self.nav_text.append(data)


def parse_page(path):
    p = PageParser()
    with open(path, encoding="utf-8") as fh:
        p.feed(fh.read())
    p.close()
    return p


# ------------------------------------------------------------------ checks

class Checker:
    def __init__(self, out, base_url):
        self.out = os.path.abspath(out)
        b = urllib.parse.urlsplit(base_url)
        self.base_netloc = b.netloc
        self.base_path = b.path if b.path.endswith("/") else b.path + "/"
        self.problems = {}

    def problem(self, kind, detail):
        self.problems.setdefault(kind, []).append(detail)

    def resolve(self, href, page=None):
        """A link -> the output file it leads to (relative path), or None if nothing is there.
        Absolute, root-relative (/posts/x/) and, from PAGE (an output file), relative links
        (../../posts/x/index.html, as Lateral writes them by default) are all understood."""
        if page is not None:
            here = self.base_path + page.replace(os.sep, "/")
            href = urllib.parse.urljoin(here, href)
        u = urllib.parse.urlsplit(href)
        if u.scheme or u.netloc:
            if u.netloc != self.base_netloc:
                return None
        path = urllib.parse.unquote(u.path)
        if not path.startswith(self.base_path):
            return None
        rel = path[len(self.base_path):]
        cands = [rel + "index.html"] if (rel == "" or rel.endswith("/")) else [rel, rel + "/index.html", rel + ".html"]
        for c in cands:
            if os.path.isfile(os.path.join(self.out, c)):
                return os.path.normpath(c)
        return None


def post_key(rel, by_stem, by_slug):
    """posts/<file>/index.html or posts/<file>.html -> corpus stem."""
    parts = rel.split(os.sep)
    name = parts[-2] if parts[-1] == "index.html" and len(parts) >= 2 else parts[-1].rsplit(".", 1)[0]
    if name in by_stem:
        return name
    return by_slug.get(name)


def example(lst, k=4):
    s = "; ".join(str(x) for x in lst[:k])
    return s + (f" (+{len(lst) - k} more)" if len(lst) > k else "")


def verify(out, corpus, feed_rel, base_url, n_entries):
    posts = read_corpus(corpus)
    n = len(posts)
    by_slug = {p.slug: p.stem for p in posts.values()}
    newest = sorted(posts.values(), key=lambda p: p.date, reverse=True)
    tag_posts = {}
    for p in posts.values():
        for t in p.tags:
            tag_posts.setdefault(t, set()).add(p.stem)
    pairs = sum(len(v) for v in tag_posts.values())
    ck = Checker(out, base_url)
    res = {"tool": "lateral", "expected": {
        "posts": n, "index_pages": math.ceil(n / 10), "tag_pages": len(tag_posts),
        "tag_entries": pairs, "feed_entries": n_entries}}

    pages = {}       # rel -> parsed
    files_total = 0
    for dirpath, _, files in os.walk(ck.out):
        for f in files:
            files_total += 1
            if f.endswith(".html"):
                rel = os.path.relpath(os.path.join(dirpath, f), ck.out)
                pages[rel] = parse_page(os.path.join(dirpath, f))
    res["files_total"] = files_total
    kinds = {}
    for rel, pg in pages.items():
        kinds.setdefault(pg.kind or "other", []).append(rel)
    res["html_by_kind"] = {k: len(v) for k, v in sorted(kinds.items())}

    # ---- post pages
    post_file = {}   # stem -> rel
    for rel in kinds.get("post", []):
        key = post_key(rel, posts, by_slug)
        if key is None:
            ck.problem("post page that matches no corpus file", rel)
        elif key in post_file:
            ck.problem("post written twice", f"{post_file[key]} and {rel}")
        else:
            post_file[key] = rel
    res["posts"] = len(kinds.get("post", []))
    missing = sorted(set(posts) - set(post_file))
    if missing:
        ck.problem("post without a page", missing)
    file_post = {v: k for k, v in post_file.items()}
    term_file = {}   # rel -> tag name, filled below
    for rel in kinds.get("term", []):
        name = pages[rel].h1 or ""
        m = re.search(r"“(.*)”", name)
        term_file[rel] = m.group(1) if m else name

    for stem, rel in sorted(post_file.items()):
        p, pg = posts[stem], pages[rel]
        parts = rel.split(os.sep)
        if not (parts[0] == "posts" and rel in (os.path.join("posts", stem, "index.html"),
                                                os.path.join("posts", p.slug, "index.html"))):
            ck.problem("post not at posts/<file name>/index.html", rel)
        if pg.articles != 1:
            ck.problem("post page without exactly one <article>", rel)
        if pg.h1 != p.title:
            ck.problem("post <h1> is not the title", f"{rel}: {pg.h1!r} != {p.title!r}")
        if not pg.datetime or not pg.datetime.startswith(p.day):
            ck.problem("post date wrong", f"{rel}: {pg.datetime!r}, expected {p.day}")
        if p.author not in "".join(pg.meta_text):
            ck.problem("post author missing", f"{rel}: {p.author}")
        tag_links = [l for l in pg.links if l["where"] == "tag"]
        if sorted(l["text"] for l in tag_links) != sorted(p.tags):
            ck.problem("post tag links wrong", f"{rel}: {[l['text'] for l in tag_links]} != {p.tags}")
        for l in tag_links:
            target = ck.resolve(l["href"], rel)
            if target is None or term_file.get(target) != l["text"]:
                ck.problem("post tag link does not lead to its tag page", f"{rel}: {l['href']} -> {target}")
        if pg.h2 != p.h2:
            ck.problem("post body: <h2> sections", f"{rel}: {pg.h2} != {p.h2}")
        if (pg.tables > 0) != p.table:
            ck.problem("post body: GFM table", f"{rel}: tables={pg.tables}, corpus has table={p.table}")
        if (pg.pres > 0) != p.code:
            ck.problem("post body: fenced code", f"{rel}: pre={pg.pres}, corpus has code={p.code}")

    # ---- index pages
    index = {}
    for rel in kinds.get("home", []):
        m = re.search(r"Page\s+(\d+)\s+of\s+(\d+)", " ".join(pages[rel].nav_text))
        if not m:
            ck.problem("index page without 'Page k of K'", rel)
            continue
        k, total = int(m.group(1)), int(m.group(2))
        if k in index:
            ck.problem("index page number twice", f"{k}: {index[k]} and {rel}")
        index[k] = rel
        if total != res["expected"]["index_pages"]:
            ck.problem("index page count in 'Page k of K'", f"{rel}: K={total}")
    res["index_pages"] = len(kinds.get("home", []))
    if sorted(index) != list(range(1, len(index) + 1)):
        ck.problem("index page numbers not 1..K", sorted(index)[:10])
    if index.get(1) != "index.html":
        ck.problem("first index page is not index.html", index.get(1))
    listed = []
    n_entries_idx = 0
    for k in sorted(index):
        rel, pg = index[k], pages[index[k]]
        entries = [l for l in pg.links if l["where"] == "entry"]
        n_entries_idx += len(entries)
        want = min(10, n - 10 * (k - 1))
        if len(entries) != want or pg.articles != want:
            ck.problem("index page entry count", f"page {k} ({rel}): {len(entries)} links, {pg.articles} articles, expected {want}")
        for l in entries:
            target = ck.resolve(l["href"], rel)
            listed.append(file_post.get(target))
            if target not in file_post:
                ck.problem("index entry does not lead to a post page", f"page {k}: {l['href']}")
        for l in pg.links:
            if l["where"] == "nav":
                target = ck.resolve(l["href"], rel)
                step = -1 if l["text"] == "Newer" else 1
                if target is None or target != index.get(k + step):
                    ck.problem("index Newer/Older link wrong", f"page {k}: {l['text']} {l['href']} -> {target}")
        has_prev = any(l["where"] == "nav" and l["text"] == "Newer" for l in pg.links)
        has_next = any(l["where"] == "nav" and l["text"] == "Older" for l in pg.links)
        if has_prev != (k > 1) or has_next != (k < len(index)):
            ck.problem("index Newer/Older link missing or extra", f"page {k}")
    res["index_entries"] = n_entries_idx
    if listed != [p.stem for p in newest]:
        ck.problem("index pages do not list all posts newest first",
                   f"{len(listed)} listed, {len(set(listed) - {None})} distinct, expected {n}")

    # ---- tag pages
    res["tag_pages"] = len(term_file)
    tag_entries = 0
    seen_tags = {}
    for rel, name in sorted(term_file.items()):
        if name in seen_tags:
            ck.problem("tag page twice", f"{name}: {seen_tags[name]} and {rel}")
        seen_tags[name] = rel
        items = [l for l in pages[rel].links if l["where"] == "item"]
        tag_entries += len(items)
        got = []
        for l in items:
            target = ck.resolve(l["href"], rel)
            if target not in file_post:
                ck.problem("tag page entry does not lead to a post page", f"{rel}: {l['href']}")
            got.append(file_post.get(target))
        if name not in tag_posts:
            ck.problem("tag page for a tag no post has", f"{rel}: {name!r}")
        elif sorted(x for x in got if x) != sorted(tag_posts[name]) or len(got) != len(tag_posts[name]):
            ck.problem("tag page does not list exactly its posts",
                       f"{name}: {len(got)} listed, expected {len(tag_posts[name])}")
    res["tag_entries"] = tag_entries
    missing_tags = sorted(set(tag_posts) - set(seen_tags))
    if missing_tags:
        ck.problem("tag without a page", missing_tags)

    # ---- feed
    fp = os.path.join(ck.out, feed_rel)
    res["feed"] = feed_rel
    res["feed_entries"] = 0
    if feed_rel == "none":
        res["feed_entries"] = res["expected"]["feed_entries"] = None
    elif not os.path.isfile(fp):
        xmls = sorted(os.path.relpath(x, ck.out) for x in glob.glob(os.path.join(ck.out, "*.xml")))
        ck.problem("no feed", f"{feed_rel} not in output (top-level .xml files: {xmls}); set --feed/LATERAL_FEED")
    else:
        check_feed(ck, fp, res, posts, newest, file_post, n_entries)

    for k in ("posts", "index_pages", "tag_pages", "tag_entries", "feed_entries"):
        if res[k] != res["expected"][k]:
            ck.problem("count", f"{k}: got {res[k]}, expected {res['expected'][k]}")
    if res["index_entries"] != n:
        ck.problem("count", f"index_entries: got {res['index_entries']}, expected {n}")
    res["problems"] = [f"{k}: {example(v) if isinstance(v, list) else v}" for k, v in ck.problems.items()]
    res["ok"] = not ck.problems
    return res


def check_feed(ck, fp, res, posts, newest, file_post, n_entries):
    try:
        root = ET.parse(fp).getroot()
    except ET.ParseError as e:
        ck.problem("feed is not well-formed XML", str(e))
        return
    entries = []   # (link, content-html or element)
    if root.tag == "rss":
        res["feed_format"] = "rss"
        for item in root.iter("item"):
            link = (item.findtext("link") or "").strip()
            body = item.findtext(CONTENT_NS + "encoded") or item.findtext("description") or ""
            entries.append((link, body.count("<h2")))
    elif root.tag == ATOM + "feed":
        res["feed_format"] = "atom"
        for e in root.iter(ATOM + "entry"):
            link = ""
            for l in e.findall(ATOM + "link"):
                if l.get("rel", "alternate") == "alternate":
                    link = l.get("href", "")
            c = e.find(ATOM + "content")
            if c is None:
                h2 = -1
            elif c.get("type") == "xhtml":
                h2 = sum(1 for x in c.iter() if x.tag.rsplit("}", 1)[-1] == "h2")
            else:
                h2 = (c.text or "").count("<h2")
            entries.append((link, h2))
    else:
        ck.problem("feed is neither RSS 2.0 nor Atom", root.tag)
        return
    res["feed_entries"] = len(entries)
    got = []
    for link, h2 in entries:
        target = ck.resolve(link)
        stem = file_post.get(target)
        got.append(stem)
        if stem is None:
            ck.problem("feed entry link does not lead to a post page", link)
        elif h2 != posts[stem].h2:
            ck.problem("feed entry without the full content", f"{link}: {h2} <h2>, expected {posts[stem].h2}")
    want = [p.stem for p in newest[:n_entries]]
    if got != want:
        i = next((i for i, (g, w) in enumerate(zip(got, want)) if g != w), min(len(got), len(want)))
        ck.problem("feed entries are not the newest posts, newest first",
                   f"{len(got)} entries, expected {len(want)}; first difference at entry {i + 1}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("corpus")
    ap.add_argument("--feed", default=os.environ.get("LATERAL_FEED", "feed.xml"),
                    help="feed path inside OUT_DIR (default $LATERAL_FEED or feed.xml); none: no feed check")
    ap.add_argument("--base-url", default="http://localhost/")
    ap.add_argument("--entries", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    res = verify(a.out, a.corpus, a.feed, a.base_url, a.entries)
    if a.json:
        print(json.dumps(res))
    else:
        print(f"lateral: posts={res['posts']} index={res['index_pages']} tags={res['tag_pages']} "
              f"tag_entries={res['tag_entries']} feed={res['feed_entries']} files={res['files_total']} "
              f"html={res['html_by_kind']} "
              + ("OK" if res["ok"] else "FAIL:\n  " + "\n  ".join(res["problems"])))
    sys.exit(0 if res["ok"] else 1)


if __name__ == "__main__":
    main()
