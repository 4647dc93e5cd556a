#!/usr/bin/env python3
"""Quick self-check of the content sources (not a replacement for `zjmap-pack build`).

Loads every content/*.toml, then checks: ids are unique and [a-z0-9-]+, every reference
(district, park, industry, photo, contact, tour selection) exists, every text has both zh
and en, media files exist, and that node parks list the node's industry (warning only).
Usage: python3 content/scripts/check-refs.py [CONTENT_DIR]     (exit 1 on errors)
"""
import json
import re
import sys
import tomllib
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
errors, warnings = [], []
ID = re.compile(r"^[a-z0-9-]+$")


def load(name):
    with open(root / name, "rb") as f:
        return tomllib.load(f)


def texts(obj, where):
    """Every inline table with zh/en keys must have both, non-empty."""
    if isinstance(obj, dict):
        if set(obj) & {"zh", "en"} and set(obj) <= {"zh", "en"}:
            for lang in ("zh", "en"):
                if not str(obj.get(lang, "")).strip():
                    errors.append(f"{where}: missing {lang} text")
            return
        for k, v in obj.items():
            texts(v, f"{where}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            texts(v, f"{where}[{i}]")


def ids(items, kind):
    seen = set()
    for it in items:
        i = it.get("id")
        if not isinstance(i, str) or not ID.match(i):
            errors.append(f"{kind}: bad id {i!r}")
        if i in seen:
            errors.append(f"{kind}: duplicate id {i}")
        seen.add(i)
    return seen


files = sorted(p.name for p in root.glob("*.toml"))
data = {}
for f in files:
    try:
        data[f] = load(f)
        texts(data[f], f)
    except Exception as e:  # noqa: BLE001
        errors.append(f"{f}: {e}")

site, modules = data["site.toml"], data["modules.toml"]["module"]
districts = ids(data["districts.toml"]["district"], "district")
parks_l = data["parks.toml"]["park"]
parks = ids(parks_l, "park")
inds_l = data["industries.toml"]["industry"]
inds = ids(inds_l, "industry")
nodes_l = [n for i in inds_l for n in i.get("node", [])]
nodes = ids(nodes_l, "node")
photos_l = data["photos.toml"]["photo"]
photos = ids(photos_l, "photo")
contacts = ids(data["contacts.toml"]["contact"], "contact")
projects_l = data["projects.toml"]["project"]
projects = ids(projects_l, "project")
ids(data["projects.toml"].get("figure", []), "figure")
ids(data["policies.toml"]["policy"], "policy")
ids(data["events.toml"]["event"], "event")
ids(data["tours.toml"]["tour"], "tour")
ids(site.get("key_figure", []), "key_figure")

# selections must be unambiguous across kinds
allsel = [*parks, *inds, *nodes, *projects]
for s in {x for x in allsel if allsel.count(x) > 1}:
    errors.append(f"id {s} used by more than one of park/industry/node/project")


def ref(v, pool, where):
    if v not in pool:
        errors.append(f"{where}: unknown reference {v!r}")


if [m["id"] for m in modules] != ["city", "map", "industry", "invest"]:
    errors.append("modules.toml: modules must be city, map, industry, invest in that order")
for m in modules:
    ref(m["photo"], photos, f"module {m['id']}.photo")
for p in site["attract"]["photos"]:
    ref(p, photos, "site.attract.photos")
for f in ("file", "subtitles_zh", "subtitles_en"):
    if not (root / site["video"][f]).is_file():
        errors.append(f"site.video.{f}: missing file {site['video'][f]}")

geo = json.loads((root / "geo/zhenjiang-districts.geojson").read_text())
geo_ids = {str(f.get("id")) for f in geo["features"]}
for d in districts - geo_ids:
    errors.append(f"district {d} not in geo/zhenjiang-districts.geojson")

park_inds = {}
for p in parks_l:
    w = f"park {p['id']}"
    ref(p["district"], districts, w + ".district")
    if p["level"] not in ("national", "provincial", "special"):
        errors.append(f"{w}.level: {p['level']}")
    lon, lat = p["location"]
    if not (118.9 < lon < 120.2 and 31.6 < lat < 32.5):
        errors.append(f"{w}.location outside Zhenjiang: {p['location']}")
    for i in p.get("industries", []):
        ref(i, inds, w + ".industries")
    for ph in p.get("photos", []):
        ref(ph, photos, w + ".photos")
    park_inds[p["id"]] = set(p.get("industries", []))

for ind in inds_l:
    stages = {}
    for n in ind.get("node", []):
        stages.setdefault(n["stage"], []).append(n["id"])
        for pk in n["parks"]:
            ref(pk, parks, f"node {n['id']}.parks")
            if pk in park_inds and ind["id"] not in park_inds[pk]:
                warnings.append(f"node {n['id']} is in park {pk}, whose industries lack {ind['id']}")
    for st in ("upstream", "midstream", "downstream"):
        if not 2 <= len(stages.get(st, [])) <= 4:
            warnings.append(f"industry {ind['id']}: {len(stages.get(st, []))} {st} nodes")
    if not re.match(r"^#[0-9A-Fa-f]{6}$", ind["color"]):
        errors.append(f"industry {ind['id']}.color {ind['color']}")

for p in projects_l:
    w = f"project {p['id']}"
    ref(p["industry"], inds, w + ".industry")
    ref(p["park"], parks, w + ".park")
    if "contact" in p:
        ref(p["contact"], contacts, w + ".contact")

for ph in photos_l:
    if "park" in ph:
        ref(ph["park"], parks, f"photo {ph['id']}.park")
    if not (root / ph["file"]).is_file():
        errors.append(f"photo {ph['id']}: missing file {ph['file']}")
used = {m["photo"] for m in modules} | set(site["attract"]["photos"])
used |= {x for p in parks_l for x in p.get("photos", [])}
for ph in photos - used:
    warnings.append(f"photo {ph} is not used by a module, park or the attract loop")

screens = {"home", "city", "map", "industry", "invest"}
for t in data["tours.toml"]["tour"]:
    for k, s in enumerate(t["stop"]):
        if s["screen"] not in screens:
            errors.append(f"tour {t['id']} stop {k}: screen {s['screen']}")
        if "selection" in s:
            ref(s["selection"], set(allsel), f"tour {t['id']} stop {k}.selection")

for w in warnings:
    print("warning:", w)
for e in errors:
    print("error:", e)
print(f"{len(files)} files; {len(parks)} parks, {len(inds)} industries, {len(nodes)} nodes, "
      f"{len(projects)} projects, {len(photos)} photos, {len(contacts)} contacts; "
      f"{len(errors)} errors, {len(warnings)} warnings")
sys.exit(1 if errors else 0)
