#!/usr/bin/env bash
# try-archives.sh TARGET_DIR NAME JLINK_SKIPPED - what a new user does with each distribution archive
# (run by mvn verify in distribution/): unpack it into an empty folder, run bin/lateral --version,
# lateral new site, lateral build, and check the site was written. The archive with its own Java is
# run with no java on the PATH and no JAVA_HOME, and must say it runs on its bundled runtime; the
# others run on the system's Java.
set -euo pipefail
target=$(cd "$1" && pwd) name=$2 jlink_skipped=${3:-false}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "try-archives: FAILED: $*" >&2; exit 1; }

# a PATH with the shell tools bin/lateral needs and no java
nojava="$work/no-java-path"; mkdir -p "$nojava"
for t in sh bash dirname mkdir rm cksum cut cat; do ln -s "$(command -v "$t")" "$nojava/$t"; done

try() {  # try ARCHIVE UNPACK-COMMAND RUNTIME(bundled|system)
  local archive=$1 unpack=$2 runtime=$3
  [ -f "$archive" ] || fail "$archive was not built"
  local dir; dir="$work/$(basename "$archive")"; mkdir -p "$dir/home" "$dir/user"
  (cd "$dir" && $unpack "$archive" >/dev/null)
  local home="$dir/$name"
  [ -x "$home/bin/lateral" ] || fail "$archive: bin/lateral missing or not executable"
  [ -f "$home/bin/lateral.cmd" ] && [ -f "$home/lib/lateral.jar" ] && [ -f "$home/README.txt" ] \
    || fail "$archive: bin/lateral.cmd, lib/lateral.jar or README.txt missing"
  grep -q "${name#lateral-}" "$home/README.txt" || fail "$archive: README.txt does not name the version"
  local envs=(env -u JAVA -u JAVA_HOME -u LATERAL_JAR HOME="$dir/home")
  if [ "$runtime" = bundled ]; then envs+=(PATH="$home/bin:$nojava"); else envs+=(PATH="$home/bin:$PATH"); fi
  local version; version=$(cd "$dir/user" && "${envs[@]}" lateral --version) || fail "$archive: lateral --version failed"
  echo "$version" | grep -Eq "^Lateral ${name#lateral-} \((commit [0-9a-f]+, )?built " \
    || fail "$archive: lateral --version said: $version"
  if [ "$runtime" = bundled ]; then
    echo "$version" | grep -Fq "($home/runtime)" || fail "$archive: not on its bundled Java: $version"
  else
    echo "$version" | grep -Fq "($home/runtime)" && fail "$archive: has a runtime/ it should not"
  fi
  (cd "$dir/user" && "${envs[@]}" lateral new site my-blog >/dev/null) || fail "$archive: lateral new site failed"
  # the class-data archive is recorded by the first build, not by --version or new site (whose few
  # hundred classes would then be all later builds find in it)
  compgen -G "$home/lib/*.jsa" >/dev/null && fail "$archive: lateral --version or new site recorded the class-data archive"
  (cd "$dir/user/my-blog" && "${envs[@]}" lateral build >"$dir/build.log" 2>&1) \
    || { cat "$dir/build.log" >&2; fail "$archive: lateral build failed"; }
  [ -f "$dir/user/my-blog/public/index.html" ] && [ -f "$dir/user/my-blog/public/feed.xml" ] \
    || fail "$archive: lateral build wrote no public/index.html and feed.xml"
  # the serial collector keeps the heap near what a build holds; a collector named in LATERAL_JAVA_OPTS replaces it
  local flags
  flags=$(cd "$dir/user" && "${envs[@]}" LATERAL_JAVA_OPTS=-XX:+PrintCommandLineFlags lateral --version) \
    || fail "$archive: lateral --version with -XX:+PrintCommandLineFlags failed"
  echo "$flags" | grep -q -- "-XX:+UseSerialGC" || fail "$archive: bin/lateral does not choose the serial collector: $flags"
  flags=$(cd "$dir/user" && "${envs[@]}" LATERAL_JAVA_OPTS="-XX:+UseG1GC -XX:+PrintCommandLineFlags" lateral --version) \
    || fail "$archive: lateral --version with LATERAL_JAVA_OPTS=-XX:+UseG1GC failed (two collectors chosen?)"
  echo "$flags" | grep -q -- "-XX:+UseG1GC" || fail "$archive: LATERAL_JAVA_OPTS=-XX:+UseG1GC was not used: $flags"
  compgen -G "$home/lib/*.jsa" >/dev/null || fail "$archive: the first lateral build recorded no class-data archive in lib/"
  # the second build maps the archive the first recorded: the build's own classes come from it
  rm -rf "$dir/user/my-blog/public"
  (cd "$dir/user/my-blog" && "${envs[@]}" LATERAL_JAVA_OPTS="-Xlog:class+load=info:file=$dir/classes.log" \
    lateral build >/dev/null 2>&1) || fail "$archive: second lateral build failed"
  grep -q "org.lateral.pipeline.Session source: shared objects file" "$dir/classes.log" \
    || fail "$archive: the second build did not load its classes from the class-data archive"
  echo "try-archives: $(basename "$archive"): unpacked, $(echo "$version" | head -1), on the $runtime Java: new site and build OK"
}

try "$target/$name.tar.gz" "tar -xzf" system
try "$target/$name.zip" "unzip -q" system
if [ "$jlink_skipped" != true ]; then
  try "$target/$name-linux-x64.tar.gz" "tar -xzf" bundled
fi
