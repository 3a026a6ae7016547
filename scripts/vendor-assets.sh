#!/usr/bin/env bash
# Vendors every front-end asset the app serves into src/Sispmpi.Web/wwwroot/lib/
# (plus axe-core for the browser tests), so the app works fully offline:
# no CDN, and no npm at build or run time. The output is committed to the repo;
# this script is only re-run by hand to bump a version.
#
# It runs `npm install` of pinned exact versions in a temporary directory and
# copies ONLY the runtime files needed (no source maps, scss, docs or unused
# components). Managed output folders are wiped first, so re-running is
# idempotent and a version bump leaves no stale files behind.
#
# Usage: scripts/vendor-assets.sh   (needs node + npm and access to the npm registry)
set -euo pipefail

# ---- pinned versions ---------------------------------------------------------
GOVBR_DS_VERSION=3.7.0        # @govbr-ds/core (Padrão Digital de Governo)
RALEWAY_VERSION=5.3.0         # @fontsource/raleway (fallback for Rawline, not on npm)
FONTAWESOME_VERSION=5.15.4    # @fortawesome/fontawesome-free (DS uses "Font Awesome 5 Free")
HTMX_VERSION=2.0.11           # htmx.org, latest 2.0.x
CHARTJS_VERSION=4.6.1         # chart.js, latest 4.x
AXE_VERSION=4.14.1            # axe-core, latest 4.x (browser tests only, not served)
NOTO_SANS_VERSION=0.4.2       # @expo-google-fonts/noto-sans (TTF embedded in PDFs, not served)

RALEWAY_WEIGHTS=(300 400 500 600 700 800)   # normal style
RALEWAY_ITALIC_WEIGHTS=(400)                # italic style
RALEWAY_SUBSETS=(latin-ext latin)           # order as fontsource emits them

# ---- paths -------------------------------------------------------------------
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="$ROOT/src/Sispmpi.Web/wwwroot/lib"
AXE_DEST="$ROOT/tests/Sispmpi.Browser.Tests/assets"

command -v npm >/dev/null || { echo "npm not found" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo ">> npm install (in $TMP)"
(
  cd "$TMP"
  printf '{ "name": "sispmpi-vendor-tmp", "version": "0.0.0", "private": true }\n' > package.json
  npm install --no-audit --no-fund --ignore-scripts --no-package-lock --save-exact --loglevel=error \
    "@govbr-ds/core@$GOVBR_DS_VERSION" \
    "@fontsource/raleway@$RALEWAY_VERSION" \
    "@fortawesome/fontawesome-free@$FONTAWESOME_VERSION" \
    "htmx.org@$HTMX_VERSION" \
    "chart.js@$CHARTJS_VERSION" \
    "axe-core@$AXE_VERSION"
)
NM="$TMP/node_modules"

fail() { echo "ERROR: $*" >&2; exit 1; }
# Removes the trailing sourceMappingURL comment (we do not ship .map files, so
# it would only make browser devtools request a file that 404s).
strip_sourcemap() {
  sed -i -E -e 's|/\*# sourceMappingURL=[^*]*\*/||' -e 's|^//# sourceMappingURL=.*$||' "$1"
}
# Reads a field of an installed package's package.json.
pkg_field() { node -e 'const p=require(process.argv[1]);process.stdout.write(String(p[process.argv[2]]))' "$NM/$1/package.json" "$2"; }
# Reads the version in a package.json given by path (for packages fetched with npm pack).
pkg_version_of() { node -e 'process.stdout.write(String(require(process.argv[1]).version))' "$1"; }

# Wipe only the folders this script manages.
rm -rf "$LIB/govbr-ds" "$LIB/fonts/raleway" "$LIB/fontawesome" "$LIB/htmx" "$LIB/chartjs"
mkdir -p "$LIB/govbr-ds" "$LIB/fonts/raleway" "$LIB/fontawesome/css" "$LIB/fontawesome/webfonts" \
         "$LIB/htmx" "$LIB/chartjs" "$AXE_DEST"

# ---- @govbr-ds/core ----------------------------------------------------------
echo ">> @govbr-ds/core $GOVBR_DS_VERSION"
DS="$NM/@govbr-ds/core"
# dist/core-init.min.js is the SELF-INITIALIZING bundle: on load it runs
# `new Globals().initInstanceAll()`, which instantiates every component found in
# the DOM (.br-header, .br-menu, .br-breadcrumb, .br-message, .br-input, ...).
# dist/core.min.js is identical but only creates `globals` without calling
# initInstanceAll(), so nothing is wired (header menu button, menu, ...).
# Both expose the classes as the UMD global `window.core` (core.BRMenu, ...).
# core-init runs synchronously when evaluated (no DOMContentLoaded wait): load it
# at the end of <body> or with `defer`.
grep -q 'globals.initInstanceAll()' "$DS/dist/core-init.js" \
  || fail "core-init.js no longer calls globals.initInstanceAll(); re-check which bundle self-initializes"
cp "$DS/dist/core.min.css" "$DS/dist/core-init.min.js" "$LIB/govbr-ds/"
cp "$DS/LICENSE" "$LIB/govbr-ds/LICENSE"
strip_sourcemap "$LIB/govbr-ds/core.min.css"
strip_sourcemap "$LIB/govbr-ds/core-init.min.js"
# The DS CSS must not pull anything from outside (fonts/images come from the
# Raleway and Font Awesome folders below).
if grep -Eq 'url\(|@import' "$LIB/govbr-ds/core.min.css"; then
  grep -Eo '(url\([^)]*\)|@import[^;]*;)' "$LIB/govbr-ds/core.min.css" | sort -u >&2
  fail "core.min.css references url()/@import: copy those files too"
fi

# ---- Raleway (@fontsource/raleway) -------------------------------------------
echo ">> @fontsource/raleway $RALEWAY_VERSION"
RW="$NM/@fontsource/raleway"
cp "$RW/LICENSE" "$LIB/fonts/raleway/LICENSE"
faces=()
for w in "${RALEWAY_WEIGHTS[@]}"; do faces+=("$w:normal"); done
for w in "${RALEWAY_ITALIC_WEIGHTS[@]}"; do faces+=("$w:italic"); done
for face in "${faces[@]}"; do
  for subset in "${RALEWAY_SUBSETS[@]}"; do
    f="raleway-$subset-${face%%:*}-${face##*:}.woff2"
    [[ -f "$RW/files/$f" ]] || fail "missing $f in @fontsource/raleway"
    cp "$RW/files/$f" "$LIB/fonts/raleway/"
  done
done
# @font-face rules with fontsource's own unicode ranges (unicode.json), woff2 only.
node - "$RW/unicode.json" "$RALEWAY_VERSION" "${RALEWAY_SUBSETS[*]}" "${faces[@]}" \
  > "$LIB/fonts/raleway/raleway.css" <<'NODE'
const [unicodeFile, version, subsets, ...faces] = process.argv.slice(2);
const ranges = require(unicodeFile);
let out = `/* Raleway (SIL OFL 1.1, see LICENSE) from @fontsource/raleway@${version}.\n` +
  ` * Generated by scripts/vendor-assets.sh; do not edit by hand. */\n`;
for (const face of faces) {
  const [weight, style] = face.split(':');
  for (const subset of subsets.split(' ')) {
    if (!ranges[subset]) throw new Error(`no unicode range for ${subset}`);
    const file = `raleway-${subset}-${weight}-${style}.woff2`;
    out += `\n/* raleway-${subset}-${weight}-${style} */\n@font-face {\n` +
      `  font-family: 'Raleway';\n  font-style: ${style};\n  font-display: swap;\n` +
      `  font-weight: ${weight};\n  src: url(./${file}) format('woff2');\n` +
      `  unicode-range: ${ranges[subset]};\n}\n`;
  }
}
process.stdout.write(out);
NODE

# ---- Font Awesome Free 5 -----------------------------------------------------
echo ">> @fortawesome/fontawesome-free $FONTAWESOME_VERSION"
FA="$NM/@fortawesome/fontawesome-free"
cp "$FA/css/all.min.css" "$LIB/fontawesome/css/"     # unmodified
cp "$FA/LICENSE.txt" "$LIB/fontawesome/LICENSE.txt"
# all.min.css lists, per @font-face, `src: eot, eot?#iefix format(embedded-opentype),
# woff2, woff, ttf, svg`. Browsers skip formats they do not support by the
# format() hint without fetching them, so every current browser takes woff2 (the
# first supported entry) and never requests the others: ship woff2 only.
for f in $(grep -Eo 'url\(\.\./webfonts/[^)?#]+\.woff2\)' "$LIB/fontawesome/css/all.min.css" \
             | sed -E 's|url\(\.\./webfonts/||; s|\)$||' | sort -u); do
  cp "$FA/webfonts/$f" "$LIB/fontawesome/webfonts/"
done
n_woff2=$(find "$LIB/fontawesome/webfonts" -name '*.woff2' | wc -l)
n_faces=$(grep -o '@font-face' "$LIB/fontawesome/css/all.min.css" | wc -l)
[[ "$n_woff2" -eq "$n_faces" ]] || fail "expected one woff2 per @font-face ($n_faces), got $n_woff2"

# ---- htmx --------------------------------------------------------------------
echo ">> htmx.org $HTMX_VERSION"
cp "$NM/htmx.org/dist/htmx.min.js" "$LIB/htmx/"
cp "$NM/htmx.org/LICENSE" "$LIB/htmx/LICENSE"

# ---- Chart.js ----------------------------------------------------------------
echo ">> chart.js $CHARTJS_VERSION"
# dist/chart.umd.js is already the minified UMD bundle (sets window.Chart;
# includes its only dependency @kurkle/color).
cp "$NM/chart.js/dist/chart.umd.js" "$LIB/chartjs/"
cp "$NM/chart.js/LICENSE.md" "$LIB/chartjs/LICENSE.md"
strip_sourcemap "$LIB/chartjs/chart.umd.js"

# ---- axe-core (browser tests only) -------------------------------------------
echo ">> axe-core $AXE_VERSION"
cp "$NM/axe-core/axe.min.js" "$AXE_DEST/axe.min.js"   # carries its MPL-2.0 notice in its header

# ---- VERSIONS.md ---------------------------------------------------------------
v() { pkg_field "$1" version; }
l() { pkg_field "$1" license; }
cat > "$LIB/VERSIONS.md" <<EOF
# Vendored front-end assets

Generated by \`scripts/vendor-assets.sh\` (do not edit these files by hand; change the
pinned version in the script and re-run it). Everything here is served by the app
itself, so it works offline. Only runtime files are kept; trailing
\`sourceMappingURL\` comments are removed because no \`.map\` files are shipped.

| Package | Version | License | Files | Folder |
| --- | --- | --- | --- | --- |
| @govbr-ds/core | $(v @govbr-ds/core) | $(l @govbr-ds/core) | \`core.min.css\`, \`core-init.min.js\` (self-initializing bundle), \`LICENSE\` | \`govbr-ds/\` |
| @fontsource/raleway | $(v @fontsource/raleway) | $(l @fontsource/raleway) | latin + latin-ext woff2, weights ${RALEWAY_WEIGHTS[*]} normal, ${RALEWAY_ITALIC_WEIGHTS[*]} italic; \`raleway.css\` (generated), \`LICENSE\` | \`fonts/raleway/\` |
| @fortawesome/fontawesome-free | $(v @fortawesome/fontawesome-free) | $(l @fortawesome/fontawesome-free) | \`css/all.min.css\` (unmodified), \`webfonts/*.woff2\`, \`LICENSE.txt\` | \`fontawesome/\` |
| htmx.org | $(v htmx.org) | $(l htmx.org) | \`htmx.min.js\`, \`LICENSE\` | \`htmx/\` |
| chart.js | $(v chart.js) | $(l chart.js) | \`chart.umd.js\` (minified UMD, bundles @kurkle/color $(v @kurkle/color), MIT), \`LICENSE.md\` | \`chartjs/\` |
| axe-core | $(v axe-core) | $(l axe-core) | \`axe.min.js\` (license notice in its header); browser tests only, not served | \`tests/Sispmpi.Browser.Tests/assets/\` |

@govbr-ds/core bundles @popperjs/core (MIT), flatpickr (MIT) and focus-visible (W3C).
The DS font stack is \`Rawline, Raleway, sans-serif\`; Rawline is not published on npm,
so Raleway is the font actually used.
EOF

# ---- Noto Sans for the PDF writer (@expo-google-fonts/noto-sans) -------------
# Not served: the TrueType files are embedded in the Sispmpi.Web assembly
# (EmbeddedResource Infrastructure/Documents/Fonts/*.ttf) and handed to PDFsharp
# by NotoFontResolver, so PDFs never depend on a system font. Only the four
# faces the writer uses; `npm pack` (no install) in a folder of its own.
echo ">> @expo-google-fonts/noto-sans $NOTO_SANS_VERSION"
PDF_FONTS="$ROOT/src/Sispmpi.Web/Infrastructure/Documents/Fonts"
NOTO_FACES=(400Regular 700Bold 400Regular_Italic 700Bold_Italic)
mkdir -p "$TMP/noto-sans"
NOTO_TGZ=$(cd "$TMP/noto-sans" && npm pack --silent --loglevel=error "@expo-google-fonts/noto-sans@$NOTO_SANS_VERSION" | tail -n 1)
tar -xzf "$TMP/noto-sans/$NOTO_TGZ" -C "$TMP/noto-sans"
NOTO="$TMP/noto-sans/package"
rm -f "$PDF_FONTS"/*.ttf "$PDF_FONTS/OFL.txt" "$PDF_FONTS/README.md"
mkdir -p "$PDF_FONTS"
for face in "${NOTO_FACES[@]}"; do
  f="$NOTO/$face/NotoSans_$face.ttf"
  [[ -f "$f" ]] || fail "missing $face/NotoSans_$face.ttf in @expo-google-fonts/noto-sans"
  cp "$f" "$PDF_FONTS/"
done
# The package's own code is MIT (LICENSE); the fonts are under the OFL (LICENSE_FONT).
grep -q 'SIL Open Font License' "$NOTO/LICENSE_FONT" || fail "LICENSE_FONT of @expo-google-fonts/noto-sans is not the OFL"
cp "$NOTO/LICENSE_FONT" "$PDF_FONTS/OFL.txt"
cat > "$PDF_FONTS/README.md" <<EOF
# Noto Sans for PDFs

Generated by \`scripts/vendor-assets.sh\` (do not edit by hand; change the pinned version
there and re-run it). \`NotoSans_*.ttf\` (${NOTO_FACES[*]}) from
@expo-google-fonts/noto-sans $(pkg_version_of "$NOTO/package.json"), under the SIL Open Font
License 1.1 (\`OFL.txt\`). Embedded in the Sispmpi.Web assembly and served to PDFsharp by
\`Infrastructure/Documents/Pdf/NotoFontResolver.cs\`: every PDF embeds subsets of these
fonts and needs no system font.
EOF

echo ">> done"
( cd "$ROOT" && du -sh src/Sispmpi.Web/wwwroot/lib/* tests/Sispmpi.Browser.Tests/assets src/Sispmpi.Web/Infrastructure/Documents/Fonts )
