#!/usr/bin/env bash
# bench/serve.sh [SIZE...] - the preview benchmark (issue 22): for each corpus size (default 1000
# 10000), the corpus laid out as a site with every kind of output (--all-kinds), previewed by
# Lateral.serve in one JVM (bench/ServeBench.java), EDITS saves of one post each (default 12; the
# live heap is also taken after 50 when EDITS >= 50). Prints one line of figures per size.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
jar=${LATERAL_JAR:-$repo/generator/target/lateral.jar}
[ -f "$jar" ] || { echo "serve: $jar not found (mvn -o -B -q -pl generator -am package -DskipTests)" >&2; exit 3; }
gen=$here/make-corpus.py
work=${BENCH_WORK:-$here/work}/serve
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
for n in "${sizes[@]}"; do
  rm -rf "$work/$n"; mkdir -p "$work/$n"
  python3 "$gen" "$n" "$work/$n/corpus" --seed 1 >/dev/null
  python3 "$here/prepare-lateral.py" "$work/$n/corpus" "$work/$n/site" --all-kinds >/dev/null
  java ${LATERAL_JAVA_OPTS:-} -cp "$jar" "$here/ServeBench.java" "$work/$n/site" "${EDITS:-12}"
done
