#!/usr/bin/env bash
# Rebuilds server/src/main/resources/annals/web/geo/countries.geojson (the dashboard's country
# outlines) from pinned npm packages: Natural Earth 1:110m via world-atlas 2.0.2 (public domain)
# and ISO codes from i18n-iso-countries 7.14.0 (MIT). Needs npm and node; nothing is installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
for p in world-atlas@2.0.2 i18n-iso-countries@7.14.0; do
  name="${p%@*}"
  tgz="$(npm pack --silent "$p")"
  mkdir "$name" && tar xzf "$tgz" -C "$name"
done
mkdir -p "$here/../src/main/resources/annals/web/geo"
node "$here/outlines.js" world-atlas/package/countries-110m.json i18n-iso-countries/package/codes.json \
  "$here/../src/main/resources/annals/web/geo/countries.geojson"
