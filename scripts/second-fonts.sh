#!/usr/bin/env bash
# A second machine's fonts for the browser suite, without installing anything: fetches Debian's font
# packages with `apt-get download` and unpacks them with `dpkg-deb -x` into one folder, which
# `npm run test:e2e -- --fonts DIR` then gives Chromium as the only fonts it sees (docs/pane-compact.md).
#
#   scripts/second-fonts.sh [DIR]    default DIR: test-output/fonts/roboto-noto
#
# The set: Roboto (fonts-roboto-unhinted; in Fluent's font stack, so the pane is drawn in it, as on
# Android and ChromeOS) and Noto Sans (fonts-noto-core; the generic sans-serif), plus the two
# families the layout scenarios force by name (fonts-dejavu-core, fonts-liberation2). Segoe UI is
# absent, as on every machine but Windows. Nothing is written outside DIR and a temporary folder.
set -euo pipefail

cd "$(dirname "$0")/.."
DIR="${1:-test-output/fonts/roboto-noto}"
PACKAGES=(fonts-roboto-unhinted fonts-noto-core fonts-dejavu-core fonts-liberation2)

WORK="$(mktemp -d)"
chmod 755 "$WORK" # apt-get download runs as _apt, which must write there
trap 'rm -rf "$WORK"' EXIT

if ! (cd "$WORK" && apt-get download "${PACKAGES[@]}" >/dev/null); then
  echo "second-fonts: apt-get download ${PACKAGES[*]} failed (run \`sudo apt-get update\` first?)" >&2
  exit 1
fi

rm -rf "$DIR"
mkdir -p "$DIR"
for deb in "$WORK"/*.deb; do
  dpkg-deb -x "$deb" "$WORK/root"
  echo "second-fonts: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
done
# Only the font files, flat: the packages' documentation and fontconfig snippets stay out.
find "$WORK/root/usr/share/fonts" -type f \( -name '*.ttf' -o -name '*.otf' \) -exec cp -t "$DIR" {} +
echo "second-fonts: $(find "$DIR" -type f | wc -l) font files in $DIR"
echo "run: npm run test:e2e -- --fonts $DIR"
