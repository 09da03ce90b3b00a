#!/usr/bin/env bash
# Regenerates docs/images/lesson01-race.png, the picture of a race that README.md shows: runs lesson 01's
# model-checked test on the exercise (it fails, and draws the picture of the interleaving it found), then takes a
# screenshot of that picture in headless Chromium (apt-get install chromium). Run it after changing how pictures look.
#   tools/picture-readme.sh
set -euo pipefail
cd "$(dirname "$0")/.."
lesson=lesson01-atomic-puts
test=SharedStoreTest#noInterleavingLosesAPut
picture="$PWD/$lesson/target/exercise/pictures/${test/\#/.}.html"
rm -f "$picture"
./mvnw -q test -pl "$lesson" -am -Dtest="$test" > /dev/null 2>&1 || true # the exercise fails: that draws the picture
[ -f "$picture" ] || { echo "no picture at $picture: did the test run?" >&2; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars --window-size=1000,820 \
  --screenshot="$PWD/docs/images/lesson01-race.png" "file://$picture" > /dev/null 2>&1
echo "docs/images/lesson01-race.png from $picture"
