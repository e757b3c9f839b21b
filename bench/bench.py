#!/usr/bin/env python3
"""The build-time benchmark behind bench/run.sh (run that, not this).

For every corpus size: make the corpus (bench/make-corpus.py), lay it out
for each tool (Lateral: bench/prepare-lateral.py; Hugo and JBake, only when
the shared harness is there: ../shared/bench/prepare-site.sh), then per tool
one untimed warm-up build whose output is verified (Lateral:
bench/verify-lateral.py; peers: ../shared/bench/verify.py), then RUNS timed
builds. The timed builds are
interleaved (round r builds every tool once, the order rotated each round)
so that load from elsewhere on the machine hits all tools alike, and ratios
are taken within the same run. Every build writes into a new, empty output
folder; anything a build leaves in the site folder (a cache) is deleted
before the next one, outside the timed region.

One build = one process tree timed by GNU time (/usr/bin/time -v): wall
time (measured here around it, perf_counter), user and system CPU of the
whole tree, and the peak RSS of its largest process.
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import resource
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def out_of(cmd):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
        return r.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


# ------------------------------------------------------------------ tools

class Tool:
    name = ""
    peer = True

    def __init__(self, a):
        self.a = a

    def prepare(self, corpus, site):
        sh([os.path.join(self.a.shared_bench, "prepare-site.sh"), self.name, corpus, site])

    def verify(self, out, corpus):
        r = subprocess.run([sys.executable, os.path.join(self.a.shared_bench, "verify.py"),
                            self.name, out, corpus, "--json"], stdout=subprocess.PIPE, text=True)
        try:
            return json.loads(r.stdout)
        except json.JSONDecodeError:
            return {"ok": False, "problems": [f"verify.py failed: {r.stdout[-500:]}"], "files_total": 0}


class Lateral(Tool):
    name = "lateral"
    peer = False
    extra_args = []

    def prepare(self, corpus, site):
        sh([sys.executable, os.path.join(HERE, "prepare-lateral.py"), corpus, site,
            *(["--default-output"] if self.a.default_output else ["--all-kinds"] if self.a.all_kinds else [])])

    def launcher(self):
        """LATERAL_CMD, else bin/lateral (the jar with CDS and the quick JIT), else java -jar."""
        if os.environ.get("LATERAL_CMD"):
            return shlex.split(os.environ["LATERAL_CMD"])
        script = os.path.join(REPO, "bin", "lateral")
        if os.access(script, os.X_OK):
            return [script]   # reads LATERAL_JAVA_OPTS itself
        return ["java", *shlex.split(os.environ.get("LATERAL_JAVA_OPTS", "")), "-jar", self.a.jar]

    def command(self, site, out):
        return self.launcher() + ["build", site, "-o", out, *self.extra_args]

    def version(self):
        if os.environ.get("LATERAL_CMD"):
            return f"`{os.environ['LATERAL_CMD']}`"
        run = self.launcher()
        how = "bin/lateral" if run[0].endswith("/bin/lateral") else "java -jar"
        v = "?"
        try:
            with zipfile.ZipFile(self.a.jar) as z:
                m = re.search(r"Implementation-Version: *(\S+)", z.read("META-INF/MANIFEST.MF").decode())
                v = m.group(1) if m else v
        except (OSError, KeyError, zipfile.BadZipFile):
            pass
        commit = out_of(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
        dirty = "+dirty" if out_of(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"]) else ""
        java = out_of(["java", "-version"]).splitlines()
        jv = re.search(r'version "([^"]+)"', java[0]).group(1) if java else "?"
        opts = os.environ.get("LATERAL_JAVA_OPTS", "")
        return f"{v} ({commit}{dirty}) via {how}, OpenJDK {jv}" + (f", `{opts}`" if opts else "")

    def verify(self, out, corpus):
        if self.a.default_output:
            return verify_default_output(out, corpus)
        r = subprocess.run([sys.executable, os.path.join(HERE, "verify-lateral.py"), out, corpus, "--json",
                            "--feed", self.a.feed], stdout=subprocess.PIPE, text=True)
        try:
            return json.loads(r.stdout)
        except json.JSONDecodeError:
            return {"ok": False, "problems": [f"verify-lateral.py failed: {r.stdout[-500:]}"], "files_total": 0}


def verify_default_output(out, corpus):
    """The default theme's output (no bench templates, so verify-lateral.py's page classes are not there):
    one page per corpus post, the home page, and a site feed of the 20 newest posts, each entry whole."""
    import xml.etree.ElementTree as ET
    problems = []
    posts = sorted(f[:-3] for f in os.listdir(os.path.join(corpus, "posts")) if f.endswith(".md"))
    missing = [p for p in posts if not any(os.path.isfile(os.path.join(out, "posts", q, "index.html"))
                                           for q in (p, re.sub(r"^\d{4}-\d\d-\d\d-", "", p)))]
    if missing:
        problems.append(f"{len(missing)} post pages missing, e.g. posts/{missing[0]}/index.html")
    if not os.path.isfile(os.path.join(out, "index.html")):
        problems.append("no index.html")
    try:
        ns = {"a": "http://www.w3.org/2005/Atom"}
        entries = ET.parse(os.path.join(out, "feed.xml")).getroot().findall("a:entry", ns)
        if len(entries) != min(20, len(posts)):
            problems.append(f"feed.xml has {len(entries)} entries, not {min(20, len(posts))}")
        if any(e.find("a:content", ns) is None or "<h2" not in (e.find("a:content", ns).text or "") for e in entries):
            problems.append("a feed.xml entry without its whole content")
    except (OSError, ET.ParseError) as e:
        problems.append(f"feed.xml: {e}")
    return {"ok": not problems, "problems": problems, "files_total": count_files(out)}


class Hugo(Tool):
    name = "hugo"

    def command(self, site, out):
        return ["hugo", "--quiet", "--destination", out]

    def version(self):
        m = re.search(r"v(\S+)", out_of(["hugo", "version"]))
        return m.group(1) if m else "?"


class JBake(Tool):
    name = "jbake"

    def command(self, site, out):
        return ["java", *shlex.split(os.environ.get("JBAKE_JAVA_OPTS", "")), "-cp",
                os.path.join(self.a.jbake_lib, "*"), "org.jbake.launcher.Main", "-b", ".", out]

    def version(self):
        for f in os.listdir(self.a.jbake_lib):
            m = re.match(r"jbake-core-(.*)\.jar$", f)
            if m:
                return m.group(1)
        return "?"


# ------------------------------------------------------------------ timing

TIME_FIELDS = {
    "user": r"User time \(seconds\): ([\d.]+)",
    "sys": r"System time \(seconds\): ([\d.]+)",
    "rss_kb": r"Maximum resident set size \(kbytes\): (\d+)",
    "exit": r"Exit status: (\d+)",
}


def count_files(d):
    return sum(len(f) for _, _, f in os.walk(d))


def clean_site(site, pristine):
    """Delete whatever a build left in the site folder (caches)."""
    removed = []
    for e in os.listdir(site):
        if e not in pristine:
            p = os.path.join(site, e)
            shutil.rmtree(p) if os.path.isdir(p) and not os.path.islink(p) else os.remove(p)
            removed.append(e)
    return removed


def one_build(a, tool, site, out, logf, pristine):
    """One clean build: new output dir, no cache. Returns a measurement dict."""
    if os.path.exists(out):
        shutil.rmtree(out)
    removed = clean_site(site, pristine)
    if removed:
        log(f"    (deleted {removed} left in the site folder by an earlier build)")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    return timed(a, tool, site, out, logf)


def rebuild_into(a, tool, site, out, logf):
    """A build into the output (and with the site folder) an earlier build left, in a new process."""
    return timed(a, tool, site, out, logf)


def timed(a, tool, site, out, logf):
    tfile = logf + ".time"
    cmd = ["/usr/bin/time", "-v", "-o", tfile, *tool.command(site, out)]
    with open(logf, "w") as lf:
        lf.write("$ " + " ".join(shlex.quote(c) for c in cmd) + "\n")
        lf.flush()
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=site, stdout=lf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                             start_new_session=True)
        try:
            p.wait(timeout=a.timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            timed_out = True
        wall = time.perf_counter() - t0
    m = {"wall": wall, "rc": p.returncode, "timed_out": timed_out}
    try:
        with open(tfile) as fh:
            t = fh.read()
        for k, rx in TIME_FIELDS.items():
            mm = re.search(rx, t)
            m[k] = float(mm.group(1)) if mm else None
    except OSError:
        pass
    if m.get("exit") is not None:
        m["rc"] = int(m["exit"])
    m["cpu"] = (m.get("user") or 0) + (m.get("sys") or 0)
    m["files"] = count_files(out) if os.path.isdir(out) else 0
    return m


def tail(path, n=15):
    try:
        with open(path, errors="replace") as fh:
            return "".join(fh.readlines()[-n:])
    except OSError:
        return ""


# ------------------------------------------------------------------ corpus

def corpus_for(a, n):
    d = os.path.join(a.work, f"corpus-{n}")
    gen = os.path.join(HERE, "make-corpus.py")
    with open(gen, "rb") as fh:
        stamp = f"{n} {hashlib.sha256(fh.read()).hexdigest()}\n"
    done = os.path.join(d, ".done")
    if os.path.isfile(done) and open(done).read() == stamp:
        return d
    log(f"  making corpus of {n} posts")
    sh([sys.executable, gen, str(n), d])
    with open(done, "w") as fh:
        fh.write(stamp)
    return d


# ------------------------------------------------------------------ report

def fmt_s(x):
    return f"{x:.2f} s" if x < 100 else f"{x:.0f} s"


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    osname = platform.system()
    try:
        osname = re.search(r'PRETTY_NAME="([^"]+)"', open("/etc/os-release").read()).group(1)
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}), {mem}, {osname}, kernel {platform.release()}"


def busy_seconds():
    """CPU seconds all processes on this machine have used since boot (non-idle)."""
    try:
        f = open("/proc/stat").readline().split()[1:]
        user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in (f + ["0"] * 8)[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def own_seconds():
    r, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime


def summarize(ms):
    ok = [m for m in ms if m["rc"] == 0 and not m["timed_out"]]
    if not ok:
        return None
    w = [m["wall"] for m in ok]
    return {"runs": len(ok), "wall_median": statistics.median(w), "wall_min": min(w), "wall_max": max(w),
            "cpu_median": statistics.median(m["cpu"] for m in ok),
            "rss_mib_median": statistics.median((m.get("rss_kb") or 0) / 1024 for m in ok),
            "rss_mib_max": max((m.get("rss_kb") or 0) / 1024 for m in ok)}


def paired_ratio(res, tool, ref="hugo"):
    """Median over rounds of tool's wall / ref's wall in the same round."""
    a, b = res["runs"].get(tool, []), res["runs"].get(ref, [])
    rs = [x["wall"] / y["wall"] for x, y in zip(a, b) if x["rc"] == 0 and y["rc"] == 0 and y["wall"] > 0]
    return statistics.median(rs) if rs else None


def table(results, versions):
    rows = ["| tool | version | posts | runs | wall median (min–max) | CPU user+sys | peak RSS | files | check | × Hugo wall | × Hugo CPU |",
            "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: |"]
    for res in results:
        hs = res["summary"].get("hugo")
        for tool in res["tools"]:
            s = res["summary"].get(tool)
            chk = res["check"].get(tool, {})
            ok = "OK" if chk.get("ok") else "FAIL"
            if tool == "lateral" and chk.get("feed") == "none":
                ok += " (no feed yet)"
            if s is None:
                rows.append(f"| {tool} | {versions[tool]} | {res['n']:,} | 0 | build failed | | | | {ok} | | |")
                continue
            rw = f"{s['wall_median'] / hs['wall_median']:.2f}×" if hs and tool != "hugo" else ("1.00×" if tool == "hugo" else "–")
            rc = f"{s['cpu_median'] / hs['cpu_median']:.2f}×" if hs and tool != "hugo" and hs["cpu_median"] else ("1.00×" if tool == "hugo" else "–")
            name = f"**{tool}**" if tool == "lateral" else tool
            rows.append(
                f"| {name} | {versions[tool]} | {res['n']:,} | {s['runs']} | **{fmt_s(s['wall_median'])}** "
                f"({s['wall_min']:.2f}–{s['wall_max']:.2f}) | {fmt_s(s['cpu_median'])} | {s['rss_mib_median']:,.0f} MiB "
                f"| {chk.get('files_total', 0):,} | {ok} | {rw} | {rc} |")
    return "\n".join(rows)


def targets(results):
    """The targets of issue 7, as far as this run measured them."""
    lines = []
    by_n = {r["n"]: r for r in results}
    for r in results:
        s, h = r["summary"].get("lateral"), r["summary"].get("hugo")
        if not s or not h:
            continue
        ratio = s["wall_median"] / h["wall_median"]
        pr = paired_ratio(r, "lateral")
        if r["n"] >= 10000:
            lines.append(f"- {r['n']:,} posts: wall {ratio:.2f}× Hugo (paired per round: {pr:.2f}×) — target ≤ 1.0× "
                         f"(stretch 0.8×): {'met' if ratio <= 1.0 else 'NOT met'}; peak RSS {s['rss_mib_max']:,.0f} MiB "
                         f"(largest of the runs) — target ≤ 1,024 MiB: {'met' if s['rss_mib_max'] <= 1024 else 'NOT met'}")
        elif r["n"] >= 1000:
            lines.append(f"- {r['n']:,} posts: wall {ratio:.2f}× Hugo (paired per round: {pr:.2f}×) — target ≤ 1.5×: "
                         f"{'met' if ratio <= 1.5 else 'NOT met'}")
        else:
            lines.append(f"- {r['n']:,} posts (no target at this size): wall {ratio:.2f}× Hugo")
    if 1000 in by_n and 10000 in by_n:
        for tool in ("lateral", "hugo", "jbake"):
            a, b = by_n[1000]["summary"].get(tool), by_n[10000]["summary"].get(tool)
            if a and b:
                x = b["wall_median"] / a["wall_median"]
                extra = f" — target ≤ 10× (linear): {'met' if x <= 10 else 'NOT met'}" if tool == "lateral" else ""
                lines.append(f"- scaling 1k → 10k, {tool}: ×{x:.1f}{extra}")
    return "\n".join(lines)


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tools", default="lateral,hugo")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--all-kinds", action="store_true", help="Lateral writes all it writes by default")
    ap.add_argument("--default-output", action="store_true",
                    help="Lateral with the default theme and every output, as `lateral build` writes a teacher's site")
    ap.add_argument("--unchanged", action="store_true",
                    help="also time Lateral rebuilding the unchanged site into its last output, each in a new process")
    ap.add_argument("--work", required=True)
    ap.add_argument("--shared-bench", default="",
                    help="the shared harness (prepare-site.sh, verify.py) for the peers; not needed for Lateral alone")
    ap.add_argument("--jar", required=True)
    ap.add_argument("--jbake-lib", default="")
    ap.add_argument("--feed", default=os.environ.get("LATERAL_FEED", "auto"),
                    help="the feed's path in Lateral's output; none: not checked; auto (default): "
                         "feed.xml if the jar has the feed package (org/lateral/feed/), else none")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--results", required=True, help="markdown file to write (a .json goes beside it)")
    ap.add_argument("--command", default="", help="the command line, for the report")
    ap.add_argument("--profile", action="store_true",
                    help="one more Lateral build per size with `lateral build --profile`, its phases in the report")
    a = ap.parse_args()
    a.work = os.path.abspath(a.work)
    os.makedirs(a.work, exist_ok=True)
    if a.feed == "auto":
        a.feed = "feed.xml"
        if not os.environ.get("LATERAL_CMD"):
            try:
                with zipfile.ZipFile(a.jar) as z:
                    if not any(n.startswith("org/lateral/feed/") for n in z.namelist()):
                        a.feed = "none"
            except (OSError, zipfile.BadZipFile):
                pass
    if a.feed == "none":
        log("  NOTE: Lateral's feed is not checked: this build of Lateral writes no feed yet "
            "(no org/lateral/feed/ in the jar; set LATERAL_FEED=path to force the check)")
    classes = {"lateral": Lateral, "hugo": Hugo, "jbake": JBake}
    tools = {t: classes[t](a) for t in a.tools.split(",") if t}
    versions = {t: tool.version() for t, tool in tools.items()}
    started = dt.datetime.now(dt.timezone.utc)
    load_start = os.getloadavg()
    busy0, own0, t0 = busy_seconds(), own_seconds(), time.monotonic()
    results = []
    failed = False

    for n in a.sizes:
        log(f"== {n} posts")
        corpus = corpus_for(a, n)
        res = {"n": n, "tools": list(tools), "check": {}, "runs": {t: [] for t in tools}, "summary": {}}
        sites, pristine = {}, {}
        for t, tool in tools.items():
            site = os.path.join(a.work, "sites", str(n), t)
            tool.prepare(corpus, site)
            sites[t], pristine[t] = site, set(os.listdir(site))
        logs = os.path.join(a.work, "logs")
        os.makedirs(logs, exist_ok=True)
        outs = os.path.join(a.work, "out", str(n))

        # 1) warm-up build, verified
        ok_tools = []
        for t, tool in tools.items():
            out = os.path.join(outs, t, "check")
            lf = os.path.join(logs, f"{n}-{t}-check.log")
            m = one_build(a, tool, sites[t], out, lf, pristine[t])
            if m["rc"] != 0 or m["timed_out"]:
                why = f"timed out after {a.timeout:.0f} s" if m["timed_out"] else f"exit {m['rc']}"
                log(f"  {t}: build FAILED ({why}); log {lf}:\n{tail(lf)}")
                res["check"][t] = {"ok": False, "problems": [f"build failed: {why}"], "files_total": m["files"]}
                failed = True
                continue
            chk = tool.verify(out, corpus)
            res["check"][t] = chk
            log(f"  {t}: check build {m['wall']:.2f} s, {chk.get('files_total')} files, "
                + ("verified OK" if chk.get("ok") else "verify FAILED:\n    " + "\n    ".join(chk.get("problems", []))))
            if not chk.get("ok"):
                failed = True
            shutil.rmtree(out, ignore_errors=True)
            ok_tools.append(t)

        # 2) timed builds, interleaved
        for r in range(a.runs):
            order = ok_tools[r % len(ok_tools):] + ok_tools[:r % len(ok_tools)] if ok_tools else []
            for t in order:
                out = os.path.join(outs, t, f"run{r + 1}")
                lf = os.path.join(logs, f"{n}-{t}-run{r + 1}.log")
                m = one_build(a, tools[t], sites[t], out, lf, pristine[t])
                res["runs"][t].append(m)
                expect = res["check"][t].get("files_total")
                note = ""
                if m["rc"] != 0 or m["timed_out"]:
                    note = f"  FAILED (exit {m['rc']}{', timed out' if m['timed_out'] else ''}); log {lf}"
                    failed = True
                elif m["files"] != expect:
                    note = f"  WRONG OUTPUT: {m['files']} files, the verified build wrote {expect}"
                    res["check"][t]["ok"] = False
                    res["check"][t].setdefault("problems", []).append(f"run {r + 1}: {m['files']} files")
                    failed = True
                log(f"  run {r + 1}/{a.runs} {t:8s} wall {m['wall']:7.2f} s  cpu {m['cpu']:7.2f} s  "
                    f"rss {(m.get('rss_kb') or 0) / 1024:6.0f} MiB{note}")
                shutil.rmtree(out, ignore_errors=True)
        for t in tools:
            res["summary"][t] = summarize(res["runs"][t])
        if a.unchanged and "lateral" in ok_tools:
            # the same site built again into its last output (whatever the build keeps there or in the site kept)
            out = os.path.join(outs, "lateral", "unchanged")
            one_build(a, tools["lateral"], sites["lateral"], out, os.path.join(logs, f"{n}-lateral-unchanged0.log"),
                      pristine["lateral"])
            runs = []
            for r in range(a.runs):
                lf = os.path.join(logs, f"{n}-lateral-unchanged{r + 1}.log")
                m = rebuild_into(a, tools["lateral"], sites["lateral"], out, lf)
                runs.append(m)
                log(f"  unchanged rebuild {r + 1}/{a.runs} wall {m['wall']:7.2f} s  cpu {m['cpu']:7.2f} s  "
                    f"rss {(m.get('rss_kb') or 0) / 1024:6.0f} MiB" + ("" if m["rc"] == 0 else f"  FAILED (exit {m['rc']})"))
                failed = failed or m["rc"] != 0
            shutil.rmtree(out, ignore_errors=True)
            res["unchanged"] = summarize(runs)
        if a.profile and "lateral" in ok_tools:
            out = os.path.join(outs, "lateral", "profile")
            lf = os.path.join(logs, f"{n}-lateral-profile.log")
            lat = tools["lateral"]
            lat.extra_args = ["--profile"]
            m = one_build(a, lat, sites["lateral"], out, lf, pristine["lateral"])
            lat.extra_args = []
            shutil.rmtree(out, ignore_errors=True)
            with open(lf) as fh:
                res["profile"] = {"wall": m["wall"], "cpu": m["cpu"], "log": fh.read().split("\n", 1)[1]}
            log(f"  profiled build: wall {m['wall']:.2f} s\n{res['profile']['log']}")
        results.append(res)

    load_end = os.getloadavg()
    busy1, own1, elapsed = busy_seconds(), own_seconds(), time.monotonic() - t0
    other = None
    if busy0 is not None and busy1 is not None and elapsed > 0:
        other = max(0.0, ((busy1 - busy0) - (own1 - own0)) / elapsed)
    md = [f"# Build benchmark: Lateral vs. peers ({'smoke' if a.smoke else ', '.join(f'{n:,}' for n in a.sizes) + ' posts'})",
          "",
          f"- date: {started:%Y-%m-%d %H:%M} UTC",
          f"- machine: {machine()}",
          f"- other load: processes other than this benchmark used on average "
          + (f"{other:.2f}" if other is not None else "?") + f" of {os.cpu_count()} cores during the run "
          f"(load average before it: {load_start[0]:.2f}); "
          + ("**the machine was shared, figures are provisional**" if other is None or other > 0.1
             else "the machine was otherwise idle"),
          f"- command: `{a.command or ' '.join(sys.argv)}`",
          "- Lateral's site: " + ("**the default output**: the default theme (no bench templates) and every kind of "
                                  "output (no `disableKinds`), as `lateral build` writes a teacher's site; checked by "
                                  "bench.py (a page per post, the home page, the site feed's 20 whole entries)"
                                  if a.default_output else
                                  "**all kinds of output** (no `disableKinds`): author pages, archives, search, "
                                  "sitemap, per-list feeds… that the peers don't write" if a.all_kinds else
                                  "`disableKinds` as in bench/site/site.yaml, so it writes what the peers write"),
          f"- method: per tool 1 verified warm-up build, then {a.runs} timed clean build{'s' if a.runs != 1 else ''}, interleaved; "
          "wall = median (min–max) of the timed builds, start-up included; CPU = user+sys of the whole "
          "process tree (median); peak RSS = largest process (median); files = files in the verified output; "
          "× Hugo = ratio of medians in this same run",
          "",
          table(results, versions),
          ""]
    tg = targets(results)
    if tg:
        md += ["Targets (issue 7):", "", tg, ""]
    for r in results:
        if r.get("unchanged"):
            u, h = r["unchanged"], r["summary"].get("hugo")
            md += [f"Unchanged-site rebuild, {r['n']:,} posts (Lateral builds the site again into its last output, "
                   f"a new process each time, {u['runs']} runs): wall **{fmt_s(u['wall_median'])}** "
                   f"({u['wall_min']:.2f}–{u['wall_max']:.2f}), CPU {fmt_s(u['cpu_median'])}, peak {u['rss_mib_median']:,.0f} MiB"
                   + (f"; × Hugo's clean build: wall {u['wall_median'] / h['wall_median']:.2f}×, "
                      f"CPU {u['cpu_median'] / h['cpu_median']:.2f}×" if h else "") + ".", ""]
    for r in results:
        if r.get("profile"):
            pr = r["profile"]
            md += [f"`lateral build --profile`, {r['n']:,} posts (one extra build after the timed ones; "
                   f"wall {pr['wall']:.2f} s, CPU {pr['cpu']:.2f} s):", "", "```", pr["log"].rstrip(), "```", ""]
    if a.feed == "none" and "lateral" in tools:
        md += ["Lateral's feed was **not** checked or built: this build of Lateral writes no feed yet "
               "(issue 4), so its figures lack the cost of one 20-entry feed.", ""]
    problems = [(r["n"], t, p) for r in results for t, c in r["check"].items() for p in c.get("problems", [])]
    if problems:
        md += ["Verification problems:", ""] + [f"- {n} {t}: {p}" for n, t, p in problems] + [""]
    text = "\n".join(md)
    print(text)
    os.makedirs(os.path.dirname(os.path.abspath(a.results)), exist_ok=True)
    with open(a.results, "w") as fh:
        fh.write(text)
    with open(os.path.splitext(a.results)[0] + ".json", "w") as fh:
        json.dump({"started": started.isoformat(), "machine": machine(), "versions": versions,
                   "load": [load_start, load_end], "other_cores_avg": other, "command": a.command, "results": results}, fh, indent=1)
    log(f"wrote {a.results}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
