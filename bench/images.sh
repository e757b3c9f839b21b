#!/usr/bin/env bash
# bench/images.sh [ROUNDS] - the picture benchmark (issue 17): the sample network's sites built with
# an empty picture cache and with it filled (the time resizing adds), and a 4 MB phone photo's page
# weight before and after (bench/ImagesBench.java over generator/target/lateral.jar).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
jar=${LATERAL_JAR:-$repo/generator/target/lateral.jar}
[ -f "$jar" ] || { echo "images: $jar not found (mvn -o -B -q -pl themes/default,generator package -DskipTests)" >&2; exit 3; }
work=${BENCH_WORK:-$here/work}/images
mkdir -p "$work"
photo=$work/phone-4mb.jpg
# a 12-megapixel phone photo taken upright (orientation 6), with GPS, about 4 MB
[ -f "$photo" ] || "$here/make-photo.sh" "$photo" 3024 4032 6 10 0.93 42 "Year 9: rates of reaction" >/dev/null
echo "photo: $(du -k "$photo" | cut -f1) KB"
sites=()
for s in blog-nqt blog-primary blog-science school; do sites+=("$repo/sample-site/$s"); done
java ${LATERAL_JAVA_OPTS:-} -cp "$jar" "$here/ImagesBench.java" "${1:-3}" "$photo" "${sites[@]}"
