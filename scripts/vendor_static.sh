#!/usr/bin/env bash
# Refresh the vendored NL Design System assets in static/vendor/.
#
# Dev-only: needs npm and the npm registry. Nothing at build or run time calls this;
# the copied files are committed. To upgrade, change a pinned version below, run
#   scripts/vendor_static.sh
# and review the diff (component class names and token names do change between majors).
#
# Never add @utrecht/design-tokens here: that is Utrecht's own (proprietary) house style.
set -euo pipefail

UTRECHT_CSS_VERSION=9.0.4      # @utrecht/component-library-css
VOORBEELD_TOKENS_VERSION=7.4.1 # @nl-design-system-unstable/voorbeeld-design-tokens
NOTO_SANS_VERSION=5.3.0        # @fontsource/noto-sans

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vendor=$root/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Download one package tarball with `npm pack` (no install scripts run) and unpack it;
# prints the directory holding the package contents.
fetch() {
  local spec=$1 dir tarball
  dir=$tmp/$(echo "$spec" | tr '/@' '__')
  mkdir -p "$dir"
  tarball=$(cd "$tmp" && npm pack --silent "$spec" 2>/dev/null | tail -n 1)
  tar -xzf "$tmp/$tarball" -C "$dir" --strip-components=1
  echo "$dir"
}

licence_of() {
  node -p "require('$1/package.json').license"
}

echo "Fetching packages into $tmp"
utrecht=$(fetch "@utrecht/component-library-css@$UTRECHT_CSS_VERSION")
voorbeeld=$(fetch "@nl-design-system-unstable/voorbeeld-design-tokens@$VOORBEELD_TOKENS_VERSION")
noto=$(fetch "@fontsource/noto-sans@$NOTO_SANS_VERSION")

# Component CSS: dist/index.css is the complete bundle (html.css only styles bare
# elements under .utrecht-html; prince-xml.css is for the Prince PDF renderer).
out=$vendor/utrecht/component-library-css
rm -rf "$out" && mkdir -p "$out"
cp "$utrecht/dist/index.css" "$out/index.css"
cp "$utrecht/LICENSE.md" "$out/LICENSE.md"

# Theme: every token is declared under the .voorbeeld-theme class.
out=$vendor/voorbeeld-design-tokens
rm -rf "$out" && mkdir -p "$out"
cp "$voorbeeld/dist/theme.css" "$out/theme.css"
cp "$voorbeeld/LICENSE.md" "$out/LICENSE.md"

# Noto Sans: only the latin and latin-ext subsets in the weights we use. The @font-face
# rules live in the hand-written noto-sans.css, which this script leaves alone.
out=$vendor/noto-sans
rm -rf "$out/files" && mkdir -p "$out/files"
for subset in latin latin-ext; do
  for face in 400-normal 400-italic 700-normal; do
    cp "$noto/files/noto-sans-$subset-$face.woff2" "$out/files/"
  done
done
cp "$noto/LICENSE" "$out/LICENSE"

# The browser must never fetch anything from elsewhere (strict CSP, privacy): refuse
# @import and url() pointing off-site. data: URLs (inline SVG icons) are fine.
if grep -nE "@import|url\(\s*['\"]?(https?:)?//" \
  "$vendor/utrecht/component-library-css/index.css" \
  "$vendor/voorbeeld-design-tokens/theme.css" \
  "$vendor/noto-sans/noto-sans.css"; then
  echo "error: a vendored stylesheet references a remote resource (see above)" >&2
  exit 1
fi

# Every font file named in noto-sans.css must exist.
grep -oE 'files/[a-z0-9.-]+\.woff2' "$vendor/noto-sans/noto-sans.css" | sort -u |
  while read -r file; do
    [[ -f $vendor/noto-sans/$file ]] || { echo "error: missing $file" >&2; exit 1; }
  done

cat >"$vendor/VENDORED.md" <<EOF
# Vendored front-end assets

Written by \`scripts/vendor_static.sh\`; do not edit files under \`static/vendor/\` by hand
(except \`noto-sans/noto-sans.css\`, which is ours). To refresh or upgrade, change the pinned
versions in the script and run:

    scripts/vendor_static.sh

| package | version | licence | files |
|---|---|---|---|
| \`@utrecht/component-library-css\` | $UTRECHT_CSS_VERSION | $(licence_of "$utrecht") | \`utrecht/component-library-css/index.css\` (from \`dist/index.css\`), \`LICENSE.md\` |
| \`@nl-design-system-unstable/voorbeeld-design-tokens\` | $VOORBEELD_TOKENS_VERSION | $(licence_of "$voorbeeld") | \`voorbeeld-design-tokens/theme.css\` (from \`dist/theme.css\`, root class \`.voorbeeld-theme\`), \`LICENSE.md\` |
| \`@fontsource/noto-sans\` | $NOTO_SANS_VERSION | $(licence_of "$noto") | \`noto-sans/files/*.woff2\` (latin + latin-ext; 400, 400 italic, 700), \`LICENSE\` |

\`@utrecht/design-tokens\` (Utrecht's own house style) is proprietary and must never be vendored.

The Voorbeeld theme names 'Noto Serif' for headings and 'Noto Sans Mono' for code; those fonts are
not vendored, so browsers fall back to a local serif / monospace font.
EOF

echo "Vendored into $vendor:"
(cd "$vendor" && find . -type f | sort)
