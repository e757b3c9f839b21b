#!/usr/bin/env bash
# Makes a phone-like JPEG with EXIF GPS and orientation (bench/MakePhoto.java), with Commons Imaging
# from the generator's test class path (resolved by Maven, offline when it is cached).
#   bench/make-photo.sh OUT.jpg WIDTH HEIGHT ORIENTATION GRAIN QUALITY SEED "TEXT"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
(cd "$root" && mvn -o -B -q -pl generator dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file" >/dev/null)
java -cp "$(cat "$cp_file")" "$here/MakePhoto.java" "$@"
