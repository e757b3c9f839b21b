#!/usr/bin/env bash
# bench/rebuild.sh [SIZE...] - the rebuild benchmark (issue 12): for each corpus size (default 1000
# 10000), a site with every kind of output (--all-kinds), built clean twice and then rebuilt after
# each of 5 one-post body edits, in one JVM (bench/RebuildBench.java over Lateral.session()).
# Prints one line of figures per size; the ratio is the median rebuild over the warm clean build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
jar=${LATERAL_JAR:-$repo/generator/target/lateral.jar}
[ -f "$jar" ] || { echo "rebuild: $jar not found (mvn -o -B -q -pl generator -am package -DskipTests)" >&2; exit 3; }
gen=$here/make-corpus.py
[ -f "$gen" ] || gen=${BENCH_SHARED:-$repo/../shared/bench}/make-corpus.py
[ -f "$gen" ] || gen=/work/shared/bench/make-corpus.py
work=${BENCH_WORK:-$here/work}/rebuild
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
for n in "${sizes[@]}"; do
  rm -rf "$work/$n"; mkdir -p "$work/$n"
  python3 "$gen" "$n" "$work/$n/corpus" --seed 1 >/dev/null
  python3 "$here/prepare-lateral.py" "$work/$n/corpus" "$work/$n/site" --all-kinds >/dev/null
  java ${LATERAL_JAVA_OPTS:-} -cp "$jar" "$here/RebuildBench.java" "$work/$n/site" "${EDITS:-5}"
done
