#!/usr/bin/env python3
"""The preview benchmark's reference (issue 22): Hugo's `hugo server` on the same corpus and edit.

  bench/hugo-serve.py CORPUS_DIR [EDITS]

Lays the corpus out with the peers' minimal Hugo templates (/work/shared/bench/prepare-site.sh,
or $PREPARE_SITE), starts `hugo server` on 127.0.0.1 (any free port, rendering to memory, its
defaults otherwise), then makes EDITS saves (default 12) as bench/ServeBench.java does: each
appends a sentence to one post's body (the newest post first, then posts further back, every
seventh), and is timed from just before the file is written until the post's page, polled every
5 ms, holds the sentence (save-to-served). Prints the median, min and max, and Hugo's CPU time
(user + system) per edit from /proc.
"""
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

here = os.path.dirname(os.path.abspath(__file__))
prepare = os.environ.get("PREPARE_SITE", "/work/shared/bench/prepare-site.sh")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    corpus = sys.argv[1]
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    work = tempfile.mkdtemp(prefix="hugo-serve-")
    site = os.path.join(work, "site")
    subprocess.run([prepare, "hugo", corpus, site], check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    start = time.monotonic()
    hugo = subprocess.Popen(["hugo", "server", "--bind", "127.0.0.1", "--port", str(port), "--source", site,
                             "--baseURL", f"http://127.0.0.1:{port}/", "--appendPort=false"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in hugo.stdout:
            if "Web Server is available" in line:
                break
        start_ms = (time.monotonic() - start) * 1000
        posts = sorted(f for f in os.listdir(os.path.join(site, "content/posts")) if f.endswith(".md"))
        times = []
        cpu0 = cpu_seconds(hugo.pid)
        for i in range(edits):
            name = posts[len(posts) - 1 - (i * 7) % len(posts)]
            path = os.path.join(site, "content/posts", name)
            url = f"http://127.0.0.1:{port}/posts/{name[:-3]}/"
            get(url)  # the page is open, as in the browser
            marker = f"Edited for the preview benchmark, number {i}."
            with open(path, encoding="utf-8") as f:
                before = f.read()
            s = time.monotonic()
            with open(path, "w", encoding="utf-8") as f:
                f.write(before + "\n" + marker + "\n")
            while marker not in get(url):
                if time.monotonic() - s > 600:
                    raise SystemExit(f"edit {i}: the page never changed")
                time.sleep(0.005)
            times.append((time.monotonic() - s) * 1000)
        cpu = (cpu_seconds(hugo.pid) - cpu0) / edits * 1000
        print(f"hugo posts={len(posts)} start_ms={start_ms:.0f} edits={edits} "
              f"save_to_served_median_ms={statistics.median(times):.0f} min_ms={min(times):.0f} "
              f"max_ms={max(times):.0f} cpu_ms_per_edit={cpu:.0f}")
    finally:
        hugo.terminate()
        hugo.wait(timeout=30)
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
