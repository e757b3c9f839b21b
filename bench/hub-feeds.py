#!/usr/bin/env python3
"""hub-feeds.py - loopback feed server for the hub benchmark (issue 5).

Serves N synthetic members' feeds (default 1,000) of 20 entries each from
127.0.0.1 only, and writes a hub site that subscribes to them:

    OUT/members.opml   an OPML subscription list (what a feed reader exports)
    OUT/site.yaml      a Lateral hub config: `hub: {opml: members.opml, ...}`,
                       or with --list yaml the members inline (`hub: members:`)
    OUT/server.json    address, pid, feed count, expected entry counts, deadline

usage:
    hub-feeds.py OUT [--feeds N] [--entries 20] [--port 0] [--timeout 600]
                     [--format mixed|rss|atom] [--list opml|yaml] [--max-requests K]
    hub-feeds.py OUT --check        # start, fetch and parse every feed once, stop

Feeds are built once, before serving, so the server's own cost is small
(bytes out of memory). Half are RSS 2.0 with content:encoded, half Atom 1.0
with HTML content (--format mixed). Each entry has a guid/id, link, title,
date, author, two categories and a body of about 1.5 kB of HTML. Every 50th
feed re-publishes one entry of the feed before it (same guid and link), so a
hub that removes duplicates across feeds shows N*20 - floor((N-1)/50) entries;
server.json says how many. Conditional GET is answered (ETag, Last-Modified,
304) and gzip is sent when asked for, as a real blog host would.

Bounded: the server binds 127.0.0.1 only, and stops by itself after
--timeout seconds (default 600) or --max-requests requests (default 20 per
feed), or on SIGINT/SIGTERM. It never makes a request to anything but itself.
"""
import argparse
import concurrent.futures
import datetime as dt
import email.utils
import gzip
import hashlib
import http.server
import json
import os
import random
import signal
import sys
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

HOST = "127.0.0.1"   # loopback only, never anything else

FIRST = ["Amara", "Ben", "Chloé", "Dev", "Elena", "Farid", "Grace", "Hamza", "Isla", "Jonah",
         "Keira", "Luca", "Maya", "Nikhil", "Orla", "Pavel", "Quinn", "Rosa", "Samir", "Tess"]
LAST = ["Adeyemi", "Brannigan", "Castillo", "Dunmore", "Ellery", "Fairweather", "Gallagher",
        "Hollis", "Iqbal", "Jarvis", "Kowalczyk", "Lindqvist", "Mbeki", "Nakamura", "Oduya"]
TOPICS = ["exit tickets", "retrieval practice", "cold calling", "worked examples", "oracy",
          "instructional coaching", "lesson study", "mini whiteboards", "knowledge organisers",
          "feedback", "reading ages", "hinge questions", "modelling", "metacognition", "homework"]
CATS = ["cpd", "teachmeet", "assessment", "coaching", "literacy", "numeracy", "wellbeing",
        "leadership", "ect", "research", "science", "maths", "english", "history", "computing"]
VERBS = ["tried", "dropped", "rewrote", "shared", "tested", "revisited", "simplified", "timed"]
NOUNS = ["routine", "rubric", "starter", "seating plan", "quiz", "reading list", "checklist", "protocol"]


def sentence(r):
    return (f"This term we {r.choice(VERBS)} the {r.choice(NOUNS)} for {r.choice(TOPICS)}, "
            f"and the {r.choice(NOUNS)} – not the slides – made the difference for year {r.randint(3, 13)}.")


def body_html(r, link):
    paras = []
    for _ in range(r.randint(3, 5)):
        paras.append("<p>" + " ".join(escape(sentence(r)) for _ in range(r.randint(2, 3))) + "</p>")
    items = "".join(f"<li>{escape(r.choice(NOUNS).capitalize())} with {escape(r.choice(TOPICS))}</li>"
                    for _ in range(r.randint(3, 5)))
    return (f"<h2>What we {r.choice(VERBS)}</h2>" + paras[0] + f"<ul>{items}</ul>" + "".join(paras[1:])
            + f'<p>More in <a href="{escape(link)}">the full write-up</a>.</p>')


class Member:
    def __init__(self, i, base, n_entries, fmt, rng, prev):
        self.i = i
        self.id = f"m{i + 1:04d}"
        self.name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} ({self.id})"
        self.site = f"{base}members/{self.id}/"
        self.feed = f"{base}feeds/{self.id}.xml"
        self.fmt = fmt
        t0 = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
        self.entries = []
        for k in range(n_entries):
            link = f"{self.site}posts/{k + 1}/"
            when = t0 + dt.timedelta(seconds=rng.randrange(365 * 86400))
            self.entries.append({
                "id": f"tag:127.0.0.1,2024:{self.id}:{k + 1}", "link": link,
                "title": f"{r_title(rng)} ({self.id} #{k + 1})", "date": when,
                "author": self.name, "cats": rng.sample(CATS, 2), "summary": sentence(rng),
                "html": body_html(rng, link)})
        self.dup = False
        if prev is not None and i % 50 == 0:      # re-publish one entry of the previous feed
            self.entries[-1] = dict(prev.entries[0])
            self.dup = True
        self.entries.sort(key=lambda e: e["date"], reverse=True)
        self.body = (self.rss() if fmt == "rss" else self.atom()).encode("utf-8")
        self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'
        self.modified = max(e["date"] for e in self.entries)
        self.last_modified = email.utils.format_datetime(self.modified, usegmt=True)

    def rss(self):
        out = ['<?xml version="1.0" encoding="utf-8"?>',
               '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
               'xmlns:dc="http://purl.org/dc/elements/1.1/">',
               f"<channel><title>{escape(self.name)}’s learning log</title><link>{escape(self.site)}</link>",
               "<description>Reflections on professional learning</description><language>en</language>"]
        for e in self.entries:
            cats = "".join(f"<category>{escape(c)}</category>" for c in e["cats"])
            out.append(
                f"<item><title>{escape(e['title'])}</title><link>{escape(e['link'])}</link>"
                f"<guid isPermaLink=\"false\">{escape(e['id'])}</guid>"
                f"<pubDate>{email.utils.format_datetime(e['date'], usegmt=True)}</pubDate>"
                f"<dc:creator>{escape(e['author'])}</dc:creator>{cats}"
                f"<description>{escape(e['summary'])}</description>"
                f"<content:encoded>{escape(e['html'])}</content:encoded></item>")
        out.append("</channel></rss>\n")
        return "\n".join(out)

    def atom(self):
        upd = max(e["date"] for e in self.entries).strftime("%Y-%m-%dT%H:%M:%SZ")
        out = ['<?xml version="1.0" encoding="utf-8"?>',
               '<feed xmlns="http://www.w3.org/2005/Atom">',
               f"<title>{escape(self.name)}’s learning log</title>",
               f"<link rel=\"alternate\" href={quoteattr(self.site)}/>",
               f"<link rel=\"self\" href={quoteattr(self.feed)}/>",
               f"<id>{escape(self.site)}</id><updated>{upd}</updated>",
               f"<author><name>{escape(self.name)}</name></author>"]
        for e in self.entries:
            cats = "".join(f"<category term={quoteattr(c)}/>" for c in e["cats"])
            out.append(
                f"<entry><title>{escape(e['title'])}</title><link rel=\"alternate\" href={quoteattr(e['link'])}/>"
                f"<id>{escape(e['id'])}</id><updated>{e['date'].strftime('%Y-%m-%dT%H:%M:%SZ')}</updated>"
                f"<author><name>{escape(e['author'])}</name></author>{cats}"
                f"<content type=\"html\">{escape(e['html'])}</content></entry>")
        out.append("</feed>\n")
        return "\n".join(out)


def r_title(r):
    return f"What {r.choice(TOPICS)} taught us about {r.choice(TOPICS)}".capitalize()


class Feeds:
    def __init__(self, n, n_entries, fmt, base, seed):
        rng = random.Random(seed)
        self.members, prev = [], None
        for i in range(n):
            f = fmt if fmt != "mixed" else ("rss" if i % 2 == 0 else "atom")
            prev = Member(i, base, n_entries, f, rng, prev)
            self.members.append(prev)
        self.by_path = {"/feeds/" + m.id + ".xml": m for m in self.members}
        self.by_site = {"/members/" + m.id + "/": m for m in self.members}
        self.dups = sum(1 for m in self.members if m.dup)
        self.lock = threading.Lock()
        self.stats = {"requests": 0, "200": 0, "304": 0, "404": 0, "bytes": 0}

    def count(self, key, nbytes=0):
        with self.lock:
            self.stats["requests"] += 1
            self.stats[key] += 1
            self.stats["bytes"] += nbytes
            return self.stats["requests"]


def make_handler(feeds, on_request):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "lateral-bench-feeds/1"

        def log_message(self, *args):   # quiet: 1,000s of requests
            pass

        def do_HEAD(self):
            self.do_GET(head=True)

        def do_GET(self, head=False):
            path = self.path.split("?", 1)[0]
            m = feeds.by_path.get(path)
            if m is None and path in feeds.by_site:
                s = feeds.by_site[path]
                body = (f"<!DOCTYPE html><html lang=en><title>{escape(s.name)}</title>"
                        f"<link rel=alternate type=application/rss+xml href={quoteattr(s.feed)}>"
                        f"<h1>{escape(s.name)}</h1></html>").encode()
                self.reply(200, body, "text/html; charset=utf-8", head)
                on_request(feeds.count("200", len(body)))
                return
            if m is None:
                self.reply(404, b"not found\n", "text/plain", head)
                on_request(feeds.count("404"))
                return
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            fresh = False
            if inm is not None:
                fresh = m.etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
            elif ims:
                try:
                    fresh = email.utils.parsedate_to_datetime(ims) >= m.modified.replace(microsecond=0)
                except (TypeError, ValueError):
                    fresh = False
            if fresh:
                self.send_response(304)
                self.send_header("ETag", m.etag)
                self.send_header("Last-Modified", m.last_modified)
                self.send_header("Content-Length", "0")
                self.end_headers()
                on_request(feeds.count("304"))
                return
            body, enc = m.body, None
            if "gzip" in (self.headers.get("Accept-Encoding") or ""):
                body, enc = gzip.compress(m.body, compresslevel=5, mtime=0), "gzip"
            ctype = "application/rss+xml" if m.fmt == "rss" else "application/atom+xml"
            self.reply(200, body, ctype + "; charset=utf-8", head, enc, m)
            on_request(feeds.count("200", len(body)))

        def reply(self, code, body, ctype, head, enc=None, m=None):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if enc:
                self.send_header("Content-Encoding", enc)
                self.send_header("Vary", "Accept-Encoding")
            if m is not None:
                self.send_header("ETag", m.etag)
                self.send_header("Last-Modified", m.last_modified)
            self.end_headers()
            if not head:
                self.wfile.write(body)
    return Handler


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def write_site(out, feeds, base, list_kind):
    os.makedirs(out, exist_ok=True)
    opml = ['<?xml version="1.0" encoding="utf-8"?>', '<opml version="2.0">',
            f"<head><title>Bench network: {len(feeds.members)} members</title></head>", "<body>"]
    for m in feeds.members:
        opml.append(f"<outline type=\"rss\" text={quoteattr(m.name)} title={quoteattr(m.name)} "
                    f"xmlUrl={quoteattr(m.feed)} htmlUrl={quoteattr(m.site)}/>")
    opml += ["</body>", "</opml>", ""]
    with open(os.path.join(out, "members.opml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(opml))

    def q(s):
        return json.dumps(s, ensure_ascii=False)   # a JSON string is a valid YAML scalar
    y = ["# Hub benchmark site, written by bench/hub-feeds.py: every feed is on a",
         f"# loopback server ({base}) that stops by itself.",
         "title: Bench Hub", "baseUrl: http://localhost/", "language: en", "timezone: UTC",
         'network: { allow: ["127.0.0.1"] }  # the hub refuses loopback unless allowed', "hub:"]
    if list_kind == "opml":
        y.append("  opml: members.opml")
    else:
        y.append("  members:")
        for m in feeds.members:
            y += [f"    - name: {q(m.name)}", f"      feed: {q(m.feed)}", f"      site: {q(m.site)}"]
    y += ["  timeout: 10", "  concurrency: 32", ""]
    with open(os.path.join(out, "site.yaml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(y))


def self_check(feeds, base):
    """Fetch every feed once (and one conditional GET), parse it, count entries."""
    def get(m):
        with urllib.request.urlopen(m.feed, timeout=10) as r:
            root = ET.fromstring(r.read())
        n = len(root.findall("channel/item")) if root.tag == "rss" else \
            len(root.findall("{http://www.w3.org/2005/Atom}entry"))
        return n
    with concurrent.futures.ThreadPoolExecutor(16) as ex:
        counts = list(ex.map(get, feeds.members))
    bad = [m.id for m, c in zip(feeds.members, counts) if c != len(m.entries)]
    req = urllib.request.Request(feeds.members[0].feed, headers={"If-None-Match": feeds.members[0].etag})
    try:
        urllib.request.urlopen(req, timeout=10)
        cond = "no 304"
    except urllib.error.HTTPError as e:
        cond = "304 OK" if e.code == 304 else f"HTTP {e.code}"
    ok = not bad and cond == "304 OK"
    print(f"check: {len(counts)} feeds fetched, {sum(counts)} entries, conditional GET {cond}, "
          + ("OK" if ok else f"FAIL: {bad[:5]}"))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="folder for members.opml, site.yaml, server.json")
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--entries", type=int, default=20)
    ap.add_argument("--port", type=int, default=0, help="0 = any free port")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before the server stops by itself")
    ap.add_argument("--max-requests", type=int, default=0, help="stop after this many (default 20 per feed)")
    ap.add_argument("--format", choices=["mixed", "rss", "atom"], default="mixed")
    ap.add_argument("--list", choices=["opml", "yaml"], default="opml", dest="list_kind")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--check", action="store_true", help="fetch every feed once, then stop")
    a = ap.parse_args()
    if a.feeds < 1 or a.entries < 1:
        ap.error("--feeds and --entries must be positive")
    max_requests = a.max_requests or 20 * a.feeds + 100

    httpd = Server((HOST, a.port), None)   # bind first: the feed URLs carry the port
    port = httpd.server_address[1]
    base = f"http://{HOST}:{port}/"
    t0 = time.perf_counter()
    feeds = Feeds(a.feeds, a.entries, a.format, base, a.seed)
    stop = threading.Event()

    def on_request(k):
        if k >= max_requests:
            stop.set()
    httpd.RequestHandlerClass = make_handler(feeds, on_request)
    write_site(a.out, feeds, base, a.list_kind)
    deadline = time.time() + a.timeout
    info = {"url": base, "port": port, "pid": os.getpid(), "feeds": a.feeds, "entries_per_feed": a.entries,
            "entries_total": a.feeds * a.entries, "entries_unique": a.feeds * a.entries - feeds.dups,
            "duplicated_across_feeds": feeds.dups, "format": a.format,
            "stops_at": dt.datetime.fromtimestamp(deadline, dt.timezone.utc).isoformat(),
            "max_requests": max_requests}
    with open(os.path.join(a.out, "server.json"), "w") as fh:
        json.dump(info, fh, indent=1)

    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, lambda *_: stop.set())
    th = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    th.start()
    print(f"serving {a.feeds} feeds x {a.entries} entries at {base} (built in {time.perf_counter() - t0:.1f} s); "
          f"hub site in {a.out}; stops in {a.timeout:.0f} s or after {max_requests} requests", flush=True)
    ok = True
    try:
        if a.check:
            ok = self_check(feeds, base)
        else:
            stop.wait(max(0.0, deadline - time.time()))
    finally:
        httpd.shutdown()
        httpd.server_close()
    s = feeds.stats
    print(f"stopped: {s['requests']} requests ({s['200']} x 200, {s['304']} x 304, {s['404']} x 404), "
          f"{s['bytes'] / 1e6:.1f} MB sent", flush=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
