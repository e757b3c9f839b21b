#!/usr/bin/env python3
"""prepare-lateral.py CORPUS_DIR SITE_DIR [--all-kinds | --default-output]

Lay a corpus made by bench/make-corpus.py out as a Lateral site:

    SITE_DIR/site.yaml             <- bench/site/site.yaml
    SITE_DIR/templates/*.ftlh      <- bench/site/templates/
    SITE_DIR/content/posts/*.md    <- CORPUS_DIR/posts/*.md, front matter converted

The corpus front matter has `author: "Name"` (one scalar, Hugo-style); Lateral
reads `authors:` (a list), so that one key is rewritten. With --all-kinds the
`disableKinds:` line of site.yaml is left out, so Lateral writes everything it
writes by default (author pages, archives, search, sitemap, per-list feeds...). With
--default-output, also no templates/ folder: the default theme's complete output, as
`lateral build` writes it for a teacher. Everything else
(title, date, tags, summary) and the body are copied byte for byte. SITE_DIR
is replaced. Not timed by the benchmark (the peers' preparation isn't either).
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def convert(text, name):
    if not text.startswith("---\n"):
        raise SystemExit(f"{name}: no front matter")
    fm, sep, body = text[4:].partition("\n---\n")
    if not sep:
        raise SystemExit(f"{name}: front matter not closed")
    lines = []
    seen_author = False
    for line in fm.split("\n"):
        if line.startswith("author:"):
            lines.append("authors:")
            lines.append("  - " + line[len("author:"):].strip())
            seen_author = True
        else:
            lines.append(line)
    if not seen_author:
        raise SystemExit(f"{name}: no author")
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def main():
    flags = {a for a in sys.argv[1:] if a in ("--all-kinds", "--default-output")}
    args = [a for a in sys.argv[1:] if a not in flags]
    default_output = "--default-output" in flags
    all_kinds = bool(flags)
    if len(args) != 2:
        raise SystemExit(__doc__)
    corpus, site = args
    src = os.path.join(corpus, "posts")
    if not os.path.isdir(src):
        raise SystemExit(f"no {src}")
    if os.path.exists(site):
        shutil.rmtree(site)
    os.makedirs(os.path.join(site, "content", "posts"))
    with open(os.path.join(HERE, "site", "site.yaml"), encoding="utf-8") as fh:
        config = fh.read()
    if all_kinds:
        config = "".join(l for l in config.splitlines(True) if not l.startswith("disableKinds:"))
    with open(os.path.join(site, "site.yaml"), "w", encoding="utf-8") as fh:
        fh.write(config)
    if not default_output:
        shutil.copytree(os.path.join(HERE, "site", "templates"), os.path.join(site, "templates"))
    n = 0
    for name in sorted(os.listdir(src)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(src, name), encoding="utf-8") as fh:
            out = convert(fh.read(), name)
        with open(os.path.join(site, "content", "posts", name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(out)
        n += 1
    print(f"lateral site: {n} posts in {site}", file=sys.stderr)


if __name__ == "__main__":
    main()
