#!/usr/bin/env bash
# bench/hub.sh - hub benchmark (issue 5): `lateral aggregate` over N loopback feeds of M entries
# (bench/hub-feeds.py), in a JVM held to -Xmx256m, timed with /usr/bin/time for wall time and
# peak RSS. Two runs: cold (empty cache: every feed fetched, parsed, sanitised) and warm (the
# server answers 304 Not Modified, the hub re-reads its cache and rebuilds every page).
#
# The command timed is bin/lateral (C1 only, class-data sharing; its archive is recorded by one
# untimed run on a copy of the hub first), or with --launcher java the plain
# `java -Xmx256m -jar generator/target/lateral.jar`.
#
#   bench/hub.sh                    # 1,000 feeds x 20 entries, -Xmx256m
#   bench/hub.sh --feeds 200        # a quicker run
#   bench/hub.sh --xmx 128m         # a tighter heap
#
# Options:
#   --feeds N        feeds to serve (default 1000)
#   --entries M      entries per feed (default 20)
#   --xmx SIZE       the JVM's -Xmx (default 256m)
#   --concurrency C  hub.concurrency in the generated site.yaml (default: hub-feeds.py's, 32)
#   --java-opts OPTS more JVM options (bin/lateral: added to LATERAL_JAVA_OPTS)
#   --launcher L     bin (default: bin/lateral) or java (java -jar, the JVM's defaults)
#   --rebuild        rebuild generator/target/lateral.jar first (it is built anyway if missing)
#   --results FILE   where to write the table (default bench/results/hub.md)
#
# Environment: BENCH_WORK (default bench/work, git-ignored) holds the hub site, output and logs.
# Goal (issue 5): 1,000 feeds x 20 entries in <= 15 s on 2 cores, under -Xmx256m.
# Exit status: non-zero if a run fails, a feed fails, or the hub lacks entries.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || dirname "$here")
cmdline="bench/hub.sh${*:+ $*}"

feeds=1000 entries=20 xmx=256m concurrency="" rebuild=0 results="" javaopts="" launcher=bin
while [ $# -gt 0 ]; do
  case $1 in
    --feeds) feeds=$2; shift ;;
    --entries) entries=$2; shift ;;
    --xmx) xmx=$2; shift ;;
    --concurrency) concurrency=$2; shift ;;
    --java-opts) javaopts=$2; shift ;;
    --launcher) launcher=$2; shift ;;
    --rebuild) rebuild=1 ;;
    --results) results=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "hub.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
results=${results:-$here/results/hub.md}
work=${BENCH_WORK:-$here/work}/hub
jar=$repo/generator/target/lateral.jar

if [ "$rebuild" = 1 ] || [ ! -f "$jar" ]; then
  echo "building $jar"
  (cd "$repo" && mvn -B -q -DskipTests -Dmaven.test.skip=true package -pl themes/default,generator -am)
fi

rm -rf "$work"
mkdir -p "$work"
site=$work/site
python3 "$here/hub-feeds.py" "$site" --feeds "$feeds" --entries "$entries" --timeout 900 \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  [ -f "$site/server.json" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -f "$site/server.json" ] || { echo "hub.sh: the feed server did not start" >&2; exit 1; }
if [ -n "$concurrency" ]; then
  sed -i "s/^  concurrency: .*/  concurrency: $concurrency/" "$site/site.yaml"
fi
unique=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["entries_unique"])' "$site/server.json")

case $launcher in
  bin) command=("$repo/bin/lateral"); export LATERAL_JAVA_OPTS="-Xmx$xmx${javaopts:+ $javaopts}"
       shown="LATERAL_JAVA_OPTS=\"$LATERAL_JAVA_OPTS\" bin/lateral aggregate" ;;
  java) command=(java "-Xmx$xmx" $javaopts -jar "$jar"); shown="java -Xmx$xmx${javaopts:+ $javaopts} -jar generator/target/lateral.jar aggregate" ;;
  *) echo "hub.sh: --launcher is bin or java" >&2; exit 2 ;;
esac
if [ "$launcher" = bin ]; then   # untimed: records bin/lateral's class-data archive, on a copy of the hub
  mkdir -p "$work/warmup"
  cp "$site/site.yaml" "$site/members.opml" "$work/warmup/"
  "${command[@]}" aggregate "$work/warmup" > "$work/warmup.log" 2>&1 || { tail -5 "$work/warmup.log" >&2; exit 1; }
fi

run() { # name
  local name=$1 log=$work/$1.log
  local start end status=0
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/$name.time" "${command[@]}" aggregate --profile "$site" > "$log" 2>&1 || status=$?
  end=$(date +%s.%N)
  local wall rss summary
  wall=$(python3 -c "print(f'{$end - $start:.2f}')")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/$name.time")
  summary=$(grep '^Aggregated' "$log" || true)
  echo "$name: exit $status, ${wall} s wall, ${rss} MB peak RSS — ${summary:-no summary}" >&2
  if [ "$status" != 0 ]; then tail -20 "$log" >&2; fi
  printf '%s|%s|%s|%s|%s\n' "$name" "$status" "$wall" "$rss" "$summary"
}

load=$(cut -d' ' -f1-3 /proc/loadavg)
cold=$(run cold)
warm=$(run warm)
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true

ok=1
for r in "$cold" "$warm"; do
  IFS='|' read -r name status wall rss summary <<< "$r"
  [ "$status" = 0 ] || ok=0
  echo "$summary" | grep -q "$feeds read, 0 failed; $unique entries" || { echo "hub.sh: $name: expected $feeds feeds read and $unique entries" >&2; ok=0; }
done
pages=$(find "$site/public" -name '*.html' | wc -l)

mkdir -p "$(dirname "$results")"
{
  echo "# Hub benchmark"
  echo
  echo "\`$cmdline\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "$feeds loopback feeds x $entries entries (bench/hub-feeds.py: half RSS, half Atom, ~1.5 kB of HTML per"
  echo "entry, gzip, ETag/Last-Modified), aggregated by \`$shown\`."
  echo "Wall time is the whole process (JVM start to exit); peak RSS from \`/usr/bin/time -v\`; load average"
  echo "before the runs: $load (the machine is shared: other processes compete for the 2 cores)."
  echo
  echo "| run | wall time | peak RSS | CPU | phases | result |"
  echo "| --- | --- | --- | --- | --- | --- |"
  for r in "$cold" "$warm"; do
    IFS='|' read -r name status wall rss summary <<< "$r"
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f s", u + s}' "$work/$name.time")
    phases=$(awk '/^  [a-z]+ +[0-9]+ ms$/ {printf "%s%s %s ms", sep, $1, $2; sep=", "}' "$work/$name.log")
    echo "| $name | $wall s | $rss MB | $cpu | $phases | ${summary:-exit $status} |"
  done
  echo
  echo "The hub written: $pages HTML pages, $unique entries expected (duplicates across feeds removed)."
  echo "Goal: <= 15 s on 2 cores under -Xmx256m."
} > "$results"
cat "$results"
[ "$ok" = 1 ]
