#!/usr/bin/env bash
# bench/run.sh - build-time benchmark: Lateral against Hugo (and JBake) on
# the same synthetic corpus, in the same run (issue 7).
#
#   bench/run.sh                      # 1,000 and 10,000 posts, Lateral + Hugo, 5 timed runs each
#   bench/run.sh 1000 --runs 10       # one size, more runs
#   bench/run.sh 1000 --with-jbake    # JBake too
#   bench/run.sh --smoke              # CI: 100 posts, 1 run, Hugo only if installed (and the
#                                     #     shared harness is there); needs nothing outside the repo;
#                                     #     Lateral's output is still fully verified;
#                                     #     plus a self-check of bench/hub-feeds.py (50 feeds)
#
# Options:
#   SIZE...          corpus sizes (default: 1000 10000)
#   --runs N         timed clean builds per tool and size (default 5), after 1 verified warm-up
#   --with-jbake     also JBake 2.6.7 (Maven Central jars; fetched with mvn if not found)
#   --no-hugo        leave Hugo out (no ratios then)
#   --smoke          100 posts, 1 run, no Hugo needed; writes bench/results/smoke.md
#   --timeout S      seconds allowed for one build (default 900)
#   --rebuild        rebuild generator/target/lateral.jar first (it is built anyway if missing)
#   --results FILE   where to write the table (default bench/results/latest.md; smoke: smoke.md)
#   --all-kinds      Lateral writes everything it does by default (no disableKinds in site.yaml)
#   --default-output the default theme and every output, as `lateral build` writes a teacher's site
#                    (no bench templates, no disableKinds); checked by bench.py, not verify-lateral.py
#   --unchanged      also time Lateral rebuilding the unchanged site into its last output (a new
#                    process each run; compare with Hugo's clean build)
#   --plugin         also time `mvn package` of the sample network and of a site module of each size
#                    (bench/plugin.sh), and the CLI on the same sites
#   --hub            also run bench/hub.sh (cold and warm hub, 1,000 loopback feeds)
#   --profile        one more Lateral build per size with `lateral build --profile`; phases in the report
#
# Environment (optional):
#   BENCH_WORK        corpora, sites, outputs, logs (default bench/work, git-ignored)
#   BENCH_SHARED      the shared harness for the peers (prepare-site.sh, verify.py, jbake/), default
#                     <repo>/../shared/bench; optional: without it only Lateral runs (the corpus
#                     comes from bench/make-corpus.py either way), so no ratios
#   LATERAL_JAVA_OPTS JVM options for Lateral's builds (default: none)
#   LATERAL_CMD       the command that runs Lateral (default: bin/lateral, the jar with class-data
#                     sharing and the quick JIT; else java -jar generator/target/lateral.jar);
#                     LATERAL_CMD="java -jar generator/target/lateral.jar" times the bare jar
#   LATERAL_FEED      the feed's path in Lateral's output (default feed.xml)
#   JBAKE_LIB         folder of JBake's jars (default $BENCH_WORK/jbake-lib, then /tmp/bench-work/jbake-lib)
#
# Output: a markdown table on stdout, also written to bench/results/latest.md
# (and latest.json with every run); exit status non-zero if any build fails
# or any output fails verification.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || dirname "$here")

cmdline="bench/run.sh${*:+ $*}"
sizes=() runs=5 smoke=0 jbake=0 hugo=1 timeout=900 rebuild=0 profile="" results="" allkinds="" extra=() plugin=0 hubrun=0
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift ;;
    --runs=*) runs=${1#*=} ;;
    --with-jbake) jbake=1 ;;
    --no-hugo) hugo=0 ;;
    --smoke) smoke=1 ;;
    --timeout) timeout=$2; shift ;;
    --timeout=*) timeout=${1#*=} ;;
    --rebuild) rebuild=1 ;;
    --profile) profile=--profile ;;
    --all-kinds) allkinds=--all-kinds ;;
    --default-output) extra+=(--default-output) ;;
    --unchanged) extra+=(--unchanged) ;;
    --plugin) plugin=1 ;;
    --hub) hubrun=1 ;;
    --results) results=$2; shift ;;
    --results=*) results=${1#*=} ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) sizes+=("$1") ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$smoke" = 1 ]; then
  [ ${#sizes[@]} -gt 0 ] || sizes=(100)
  runs=1
  results=${results:-$here/results/smoke.md}
fi
results=${results:-$here/results/latest.md}
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

work=${BENCH_WORK:-$here/work}
shared=${BENCH_SHARED:-$repo/../shared/bench}
if [ -f "$shared/prepare-site.sh" ] && [ -f "$shared/verify.py" ]; then
  shared=$(cd "$shared" && pwd)
else
  shared=""
fi
mkdir -p "$work"

apt_install() {  # apt_install PACKAGE...: Debian packages, as root or through sudo
  local s=""; [ "$(id -u)" -eq 0 ] || s=sudo
  echo "run.sh: installing $* with apt-get" >&2
  $s apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $s apt-get install -y -qq "$@" >/dev/null
}

command -v python3 >/dev/null || { echo "run.sh: python3 is needed" >&2; exit 2; }
command -v java >/dev/null || { echo "run.sh: java is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || apt_install time

tools=lateral
if [ "$hugo" = 1 ] && [ -z "$shared" ]; then   # the peers are laid out and verified by the shared harness
  if [ "$smoke" = 1 ]; then
    echo "run.sh: no shared harness (prepare-site.sh, verify.py) in ${BENCH_SHARED:-../shared/bench}; smoke run of Lateral alone" >&2; hugo=0
  else
    echo "run.sh: comparing with Hugo needs the shared harness (prepare-site.sh, verify.py) in ${BENCH_SHARED:-../shared/bench} — set BENCH_SHARED, or run Lateral alone with --no-hugo" >&2; exit 2
  fi
fi
if [ "$hugo" = 1 ]; then
  if ! command -v hugo >/dev/null; then
    if [ "$smoke" = 1 ]; then
      echo "run.sh: hugo not installed; smoke run without it" >&2; hugo=0
    else
      apt_install hugo
    fi
  fi
  [ "$hugo" = 1 ] && tools="$tools,hugo"
fi

jbake_lib=""
if [ "$jbake" = 1 ] && [ -z "$shared" ]; then
  echo "run.sh: --with-jbake needs the shared harness in ${BENCH_SHARED:-../shared/bench} (set BENCH_SHARED)" >&2; exit 2
fi
if [ "$jbake" = 1 ]; then
  for d in "${JBAKE_LIB:-}" "$work/jbake-lib" /tmp/bench-work/jbake-lib; do
    if [ -n "$d" ] && ls "$d"/jbake-core-*.jar >/dev/null 2>&1; then jbake_lib=$d; break; fi
  done
  if [ -z "$jbake_lib" ]; then
    jbake_lib="$work/jbake-lib"
    echo "run.sh: fetching JBake's jars into $jbake_lib" >&2
    mvn -B -q -f "$shared/jbake/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$jbake_lib"
  fi
  tools="$tools,jbake"
fi

jar="$repo/generator/target/lateral.jar"
if [ -z "${LATERAL_CMD:-}" ] && { [ "$rebuild" = 1 ] || [ ! -f "$jar" ]; }; then
  echo "run.sh: building $jar" >&2
  (cd "$repo" && mvn -B -q -Dmaven.test.skip=true package)
fi

if [ "$smoke" = 1 ]; then   # the hub benchmark's feed server must not rot either
  python3 "$here/hub-feeds.py" "$work/hub-smoke" --feeds 50 --timeout 60 --check >&2
fi

status=0
python3 "$here/bench.py" "${sizes[@]}" --runs "$runs" --tools "$tools" \
  --work "$work" --shared-bench "$shared" --jar "$jar" --jbake-lib "$jbake_lib" \
  --timeout "$timeout" --results "$results" $([ "$smoke" = 1 ] && echo --smoke) $profile $allkinds \
  ${extra[@]+"${extra[@]}"} --command "$cmdline" || status=$?
if [ "$plugin" = 1 ]; then
  "$here/plugin.sh" --runs "$runs" "${sizes[@]}" || status=$?
fi
if [ "$hubrun" = 1 ]; then
  "$here/hub.sh" || status=$?
fi
exit "$status"
