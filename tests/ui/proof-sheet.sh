#!/usr/bin/env bash
# The editor's proof sheet (issue 17): `zjmap-pack proof` on a copy of the demo content walks
# every screen in four variants with the layout lint on and writes index.html + proof.json;
# a seeded layout defect shows in the sheet and makes publish refuse (unless --force); a
# change to the sources after the proof only earns a note.
# usage: proof-sheet.sh ZJMAP_PACK ZJMAP_KIOSK CONTENT_DIR DEV_KEY
set -euo pipefail
pack=$1 kiosk=$2 content=$3 key=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cp -r "$content" "$work/src"
parks=$(grep -c '^\[\[park\]\]' "$work/src/parks.toml")
industries=$(grep -c '^\[\[industry\]\]' "$work/src/industries.toml")
# home, city, map, each park, industry, each chain, invest, attract
per_variant=$((2 + 1 + parks + 1 + industries + 2))

# 1. A seeded overlap on one variant: the sheet names it beside its picture, exit 1.
set +e
"$pack" proof "$work/src" --out "$work/seeded" --kiosk "$kiosk" --variant landscape-en \
  --lint-seed overlap >"$work/seeded.log" 2>&1
rc=$?
set -e
[ $rc = 1 ] || { cat "$work/seeded.log"; fail "a seeded overlap: proof exit $rc, want 1"; }
grep -q '<figure class=bad>' "$work/seeded/index.html" || fail "no picture marked bad in the seeded sheet"
grep -q 'LINT-SEED' "$work/seeded/index.html" || fail "the seeded finding is not in the sheet"
grep -Eq '"findings": [1-9]' "$work/seeded/proof.json" || fail "proof.json counts no findings"

# 2. Publish refuses a bundle of these sources while their proof has findings.
"$pack" build "$work/src" --key "$key" --out "$work/bundle" >/dev/null 2>&1
set +e
"$pack" publish "$work/bundle" "$work/dest" >"$work/publish.log" 2>&1
rc=$?
set -e
[ $rc = 1 ] || { cat "$work/publish.log"; fail "publish with a failing proof: exit $rc, want 1"; }
grep -q 'not published: the proof of these sources has' "$work/publish.log" ||
  { cat "$work/publish.log"; fail "publish did not say why"; }
[ ! -e "$work/dest/manifest.json" ] || fail "a refused publish wrote a manifest"
"$pack" publish "$work/bundle" "$work/dest" --force >"$work/force.log" 2>&1 ||
  { cat "$work/force.log"; fail "publish --force refused"; }
[ -s "$work/dest/manifest.json" ] || fail "publish --force wrote no manifest"

# 3. The whole proof of the demo content: every screen in four variants, clean.
"$pack" proof "$work/src" --out "$work/proof" --kiosk "$kiosk" >"$work/proof.log" 2>&1 ||
  { cat "$work/proof.log"; for f in "$work"/proof/walks/*.lint; do [ -s "$f" ] && cat "$f"; done
    fail "the demo content's proof is not clean"; }
sheet="$work/proof/index.html"
for v in landscape-zh landscape-en portrait-zh portrait-en; do
  grep -q "<h2>$v</h2>" "$sheet" || fail "no $v section in the sheet"
  n=$(find "$work/proof/shots/$v" -name '*.png' | wc -l)
  [ "$n" = "$per_variant" ] || fail "$v: $n screenshots, want $per_variant"
  for shot in home city map industry invest attract park-zj-etdz chain-aerospace; do
    file "$work/proof/shots/$v/$shot.png" | grep -q 'PNG image data' || fail "$v/$shot.png is not a PNG"
    grep -q "shots/$v/$shot.png" "$sheet" || fail "the sheet does not show $v/$shot"
  done
done
for closed in closed-landscape closed-portrait; do
  [ -s "$work/proof/shots/$closed/closed.png" ] || fail "no $closed page"
done
# The checklist knows the sample data (the projects are sample) and the bundle's expiry.
grep -q 'project p-aviation-structures' "$sheet" || fail "the sample project is not listed as sample"
grep -q '示例数据 Sample data' "$sheet" || fail "no sample data section"
grep -q 'expires 20' "$sheet" || fail "no bundle expiry"
grep -q '"findings": 0, "failed_walks": 0' "$work/proof/proof.json" || fail "proof.json not clean"
"$pack" publish "$work/bundle" "$work/dest2" >"$work/publish2.log" 2>&1 ||
  { cat "$work/publish2.log"; fail "publish after a clean proof refused"; }

# 4. Sources changed after the proof: publish goes on with a note.
echo "# edited after the proof" >>"$work/src/site.toml"
"$pack" build "$work/src" --key "$key" --out "$work/bundle3" >/dev/null 2>&1
"$pack" publish "$work/bundle3" "$work/dest3" >"$work/publish3.log" 2>&1 ||
  { cat "$work/publish3.log"; fail "publish of changed sources refused"; }
grep -q 'is of other sources' "$work/publish3.log" || { cat "$work/publish3.log"; fail "no note about a stale proof"; }
echo "proof sheet: $per_variant screenshots per variant, seeded finding shown, publish gated"
