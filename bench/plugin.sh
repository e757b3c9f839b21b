#!/usr/bin/env bash
# bench/plugin.sh [--runs N] [SIZE...] - the Maven plugin (issue 20): `mvn package` of the sample network
# and of a site module of SIZE posts each (the benchmark corpus, default theme, every output), in one
# reactor with the toolkit itself (theme, generator, plugin: nothing is installed into ~/.m2), read from
# Maven's reactor summary (each module's own time, Maven already up); then the CLI (bin/lateral build)
# on the same sites, so the two are compared per site.
#
#   bench/plugin.sh              # the sample network and a 1,000-post site module, 3 runs
#   bench/plugin.sh --runs 5 1000 10000
#
# Environment: BENCH_WORK (default bench/work) holds the reactor, the sites and logs; MVN (default mvn).
# Prints a markdown table; also written to bench/results/plugin.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
runs=3 sizes=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) sizes+=("$1") ;;
    *) echo "plugin.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)
work=${BENCH_WORK:-$here/work}/plugin
mvn=${MVN:-mvn}
rm -rf "$work"; mkdir -p "$work"
rel=$(python3 -c 'import os,sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))' "$repo" "$work")

modules=""
for n in "${sizes[@]}"; do
  corpus=${BENCH_WORK:-$here/work}/corpus-$n
  [ -d "$corpus/posts" ] || python3 "$here/make-corpus.py" "$n" "$corpus" >/dev/null
  python3 "$here/prepare-lateral.py" "$corpus" "$work/site-$n" --default-output 2>/dev/null
  cat > "$work/site-$n/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.lateral</groupId>
    <artifactId>lateral-sample-network</artifactId>
    <version>0.1.0-SNAPSHOT</version>
    <relativePath>../$rel/sample-site/pom.xml</relativePath>
  </parent>
  <artifactId>bench-site-$n</artifactId>
  <packaging>pom</packaging>
  <name>Bench site $n</name>
  <build><plugins><plugin>
    <groupId>org.lateral</groupId><artifactId>lateral-maven-plugin</artifactId>
    <executions><execution><goals><goal>build</goal></goals></execution></executions>
  </plugin></plugins></build>
</project>
POM
  modules="$modules    <module>site-$n</module>"$'\n'
done
cat > "$work/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.lateral.bench</groupId>
  <artifactId>plugin-bench</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <modules>
    <module>$rel/themes/default</module>
    <module>$rel/generator</module>
    <module>$rel/maven-plugin</module>
    <module>$rel/sample-site/blog-primary</module>
    <module>$rel/sample-site/blog-science</module>
    <module>$rel/sample-site/blog-nqt</module>
    <module>$rel/sample-site/school</module>
    <module>$rel/sample-site/hub</module>
$modules  </modules>
</project>
POM

# module name -> seconds, from "[INFO] NAME ...... SUCCESS [  1.234 s]"
summary() {
  sed -n 's/^\[INFO\] \(.*[^ .]\) [ .]*SUCCESS \[ *\([0-9:.]*\) \(s\|min\)\]$/\1|\2|\3/p' "$1" |
    awk -F'|' '{ t = $2; if ($3 == "min") { split($2, a, ":"); t = a[1] * 60 + a[2] } n = $1; sub(/ [0-9][^ ]*$/, "", n); print n "|" t }'
}
for r in $(seq 1 "$runs"); do
  rm -rf "$work"/site-*/target "$repo"/sample-site/*/target
  /usr/bin/time -f '%e %U %S %M' -o "$work/mvn-$r.time" \
    "$mvn" -o -B package -Dmaven.test.skip=true -Dexec.skip=true -Dlateral.jlink.skip=true \
    -Dlateral.projectDir="$repo/sample-site" -f "$work/pom.xml" \
    > "$work/mvn-$r.log" 2>&1 || { tail -30 "$work/mvn-$r.log" >&2; echo "plugin.sh: mvn package failed (log $work/mvn-$r.log)" >&2; exit 1; }
  summary "$work/mvn-$r.log" > "$work/modules-$r.txt"
done
# the CLI on the same sites (a new process each, the launcher users run)
cli() {  # cli DIR -> "wall cpu"
  local dir=$1 out; out=$(mktemp -d)
  /usr/bin/time -f '%e %U %S' -o "$out.time" "$repo/bin/lateral" build "$dir" -o "$out/o" >/dev/null 2>&1
  awk '{printf "%.2f %.2f", $1, $2 + $3}' "$out.time"; rm -rf "$out" "$out.time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
results=$here/results/plugin.md
mkdir -p "$(dirname "$results")"
{
  echo "# Maven plugin benchmark"
  echo
  echo "\`bench/plugin.sh --runs $runs ${sizes[*]}\` on $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Each run: \`mvn -o package -Dmaven.test.skip\` of one reactor (theme, generator, plugin, the sample network, the"
  echo "bench site modules); a module's time is Maven's reactor summary (Maven and the plugin already loaded);"
  echo "the CLI is \`bin/lateral build\` on the same folder, a new process each run. Medians of $runs."
  echo
  echo "| module | plugin, in Maven (median) | CLI wall (median) | CLI CPU |"
  echo "| --- | ---: | ---: | ---: |"
  for m in blog-primary blog-science blog-nqt school "${sizes[@]/#/site-}"; do
    name=$(sed -n 's:.*<name>\(.*\)</name>.*:\1:p' "$( [ -d "$repo/sample-site/$m" ] && echo "$repo/sample-site/$m" || echo "$work/$m")/pom.xml" | head -1)
    p=$(cat "$work"/modules-*.txt | awk -F'|' -v n="$name" '$1 == n {print $2}' | median)
    dir=$([ -d "$repo/sample-site/$m" ] && echo "$repo/sample-site/$m" || echo "$work/$m")
    walls=() cpus=()
    for r in $(seq 1 "$runs"); do read -r w c <<< "$(cli "$dir")"; walls+=("$w"); cpus+=("$c"); done
    echo "| $m | ${p} s | $(printf '%s\n' "${walls[@]}" | median) s | $(printf '%s\n' "${cpus[@]}" | median) s |"
  done
  total=$(for r in $(seq 1 "$runs"); do cut -d' ' -f1 "$work/mvn-$r.time"; done | median)
  echo
  echo "Whole \`mvn package\` of that reactor (the toolkit's own modules included): $total s wall (median);"
  echo "the sample network's hub module: $(cat "$work"/modules-*.txt | awk -F'|' '$1 ~ /hub/ {print $2}' | median) s."
} | tee "$results"
