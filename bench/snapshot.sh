#!/usr/bin/env bash
# bench/snapshot.sh OUTDIR - builds the sample network (four sites and the hub) and a 200-post
# benchmark corpus (with --all-kinds and with the benchmark's own disableKinds) into OUTDIR, so
# that two snapshots (before and after a refactoring) can be compared with `diff -r`:
#
#   bench/snapshot.sh /tmp/before            # with generator/target/lateral.jar as it is
#   ... change the code, mvn -o -B -q -pl generator package -DskipTests ...
#   bench/snapshot.sh /tmp/after && diff -r /tmp/before /tmp/after
#
# The hub's pages depend on the day they are built (its digest) and on first-seen times, so the
# times in the hub's output are blanked out (and its cache starts empty).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
out=${1:?usage: bench/snapshot.sh OUTDIR}
jar=${LATERAL_JAR:-$repo/generator/target/lateral.jar}
[ -f "$jar" ] || { echo "snapshot: $jar not found (mvn -o -B -q -pl generator package -DskipTests)" >&2; exit 3; }
corpus_gen=$here/make-corpus.py
[ -f "$corpus_gen" ] || corpus_gen=${BENCH_SHARED:-$repo/../shared/bench}/make-corpus.py
[ -f "$corpus_gen" ] || corpus_gen=/work/shared/bench/make-corpus.py
run() { java -XX:TieredStopAtLevel=1 -jar "$jar" "$@"; }

rm -rf "$out"; mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$repo/sample-site" "$work/net"
rm -rf "$work"/net/*/target "$work"/net/hub/.lateral-cache
find "$work/net" -exec touch -h -d 2026-01-01T00:00:00Z {} +  # lastmod of undated pages is the file time
for s in blog-primary blog-science blog-nqt school; do
  run build "$work/net/$s" -o "$work/net/$s/target/site-output" >"$out/$s.log" 2>&1
  cp -r "$work/net/$s/target/site-output" "$out/$s"
done
# the hub reads no files from outside its folder: give it copies of the members' feeds
mkdir -p "$work/net/hub/feeds"
for s in blog-primary blog-science blog-nqt school; do
  cp "$work/net/$s/target/site-output/feed.xml" "$work/net/hub/feeds/$s.xml"
  if [ -f "$work/net/$s/target/site-output/cy/feed.xml" ]; then cp "$work/net/$s/target/site-output/cy/feed.xml" "$work/net/hub/feeds/$s-cy.xml"; fi
done
sed -i -E -e 's#\.\./([a-z-]+)/target/site-output/feed\.xml#feeds/\1.xml#' \
  -e 's#\.\./([a-z-]+)/target/site-output/cy/feed\.xml#feeds/\1-cy.xml#' "$work/net/hub/site.yaml"
find "$work/net/hub" -exec touch -h -d 2026-01-01T00:00:00Z {} +
run aggregate "$work/net/hub" -o "$out/hub" >"$out/hub.log" 2>&1 || true
rm -rf "$out/hub/.lateral-cache"
# the hub's run time shows in its health page, report, blogroll and river: blank it out
find "$out/hub" -type f \( -name '*.html' -o -name '*.json' -o -name '*.opml' -o -name '*.xml' \) -exec sed -i -E \
  -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)/TIME/g' -e 's/[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?/HH:MM/g' \
  -e 's/"elapsedMillis" : [0-9]+/"elapsedMillis" : N/' {} +

python3 "$corpus_gen" 200 "$work/corpus" --seed 1 >/dev/null
for kinds in default all; do
  flag=""; [ $kinds = all ] && flag=--all-kinds
  python3 "$here/prepare-lateral.py" "$work/corpus" "$work/site-$kinds" $flag >/dev/null
  find "$work/site-$kinds" -exec touch -h -d 2026-01-01T00:00:00Z {} +
  run build "$work/site-$kinds" -o "$out/corpus-$kinds" >"$out/corpus-$kinds.log" 2>&1
done
# timings differ between runs; keep only the lines that say what was built
sed -i -E -e 's/[0-9]+(\.[0-9]+)? ?(ms|s)\b/T/g' -e '/^Open /d' -e 's/^\[[0-9]+\/[0-9]+\] //' "$out"/*.log; sort -o "$out/hub.log" "$out/hub.log"
echo "snapshot in $out"
