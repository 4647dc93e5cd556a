#!/usr/bin/env python3
"""tests/bench/make-page.py CONTENT_DIR OUT.html: the kiosk's home screen as one HTML page for
Chromium, the benchmark's reference (tests/bench/run.sh): the header, the four module tiles with
their photos, titles and subtitles from content/modules.toml, and the district map drawn from
content/geo/zhenjiang-districts.geojson as inline SVG (projected and scaled here, never by
hand). 1920x1080, Noto Sans CJK like the kiosk."""
import json
import math
import pathlib
import sys
import tomllib

content = pathlib.Path(sys.argv[1]).resolve()
out = pathlib.Path(sys.argv[2])
site = tomllib.loads((content / "site.toml").read_text())["site"]
modules = tomllib.loads((content / "modules.toml").read_text())["module"]
photos = {p["id"]: p["file"] for p in tomllib.loads((content / "photos.toml").read_text())["photo"]}
geo = json.loads((content / "geo" / "zhenjiang-districts.geojson").read_text())


def rings(geometry):
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for poly in geometry["coordinates"] for ring in poly]


# Equirectangular at the map's mean latitude (close to Web Mercator at this size), fitted into
# the tile's picture area.
points = [pt for f in geo["features"] for ring in rings(f["geometry"]) for pt in ring]
lat0 = sum(p[1] for p in points) / len(points)
kx = math.cos(math.radians(lat0))
xs = [p[0] * kx for p in points]
ys = [-p[1] for p in points]
W, H, PAD = 420, 320, 16
s = min((W - 2 * PAD) / (max(xs) - min(xs)), (H - 2 * PAD) / (max(ys) - min(ys)))
ox, oy = min(xs), min(ys)


def path(ring):
    pts = []
    for lon, lat in ring:
        p = (round(PAD + (lon * kx - ox) * s, 1), round(PAD + (-lat - oy) * s, 1))
        if not pts or pts[-1] != p:
            pts.append(p)
    return "M" + "L".join(f"{x},{y}" for x, y in pts) + "Z"


svg = [f'<svg viewBox="0 0 {W} {H}" width="{W}" height="{H}" xmlns="http://www.w3.org/2000/svg">']
for f in geo["features"]:
    d = "".join(path(r) for r in rings(f["geometry"]))
    svg.append(f'<path d="{d}" fill="#3d6fb0" stroke="#cfe0ff" stroke-width="1.5"/>')
    cx, cy = f["properties"]["center"]
    x, y = PAD + (cx * kx - ox) * s, PAD + (-cy - oy) * s
    svg.append(f'<text x="{x:.0f}" y="{y:.0f}" font-size="14" fill="#fff" '
               f'text-anchor="middle">{f["properties"]["name"]}</text>')
svg.append("</svg>")

colours = {"city": "#0B3D91", "map": "#00897B", "industry": "#6A3FB5", "invest": "#C8561A"}
tiles = []
for m in modules:
    picture = "".join(svg) if m["id"] == "map" else (
        f'<img src="{(content / photos[m["photo"]]).as_uri()}" alt="">')
    tiles.append(f"""<div class="tile" style="--c:{colours.get(m['id'], '#0B3D91')}">
  <div class="pic{' map' if m['id'] == 'map' else ''}">{picture}</div><div class="badge"></div>
  <h2>{m['title']['zh']}</h2><p class="en">{m['title']['en']}</p><p>{m['subtitle']['zh']}</p>
  <p class="go">点击进入 →</p></div>""")

out.write_text(f"""<!doctype html><html lang="zh"><head><meta charset="utf-8">
<title>{site['title']['zh']}</title><style>
body {{ margin: 0; width: 1920px; height: 1080px; background: #F4F6F9; overflow: hidden;
        font-family: "Noto Sans CJK SC", sans-serif; color: #1A1F2B; }}
header {{ height: 400px; background: linear-gradient(#0B3D91, #1a56c4); padding: 90px 64px 0;
          box-sizing: border-box; color: #fff; }}
header small {{ color: #F2A900; font-size: 24px; }} header h1 {{ font-size: 48px; margin: 8px 0; }}
.lang {{ position: absolute; right: 64px; top: 36px; background: #3b6fd0; border-radius: 36px;
         padding: 14px 30px; font-size: 24px; }}
.tiles {{ position: absolute; top: 320px; left: 64px; right: 64px; display: flex; gap: 32px; }}
.tile {{ flex: 1; height: 696px; background: #fff; border-radius: 24px; overflow: hidden;
         box-shadow: 0 6px 18px rgba(0,0,0,.12); position: relative; }}
.pic {{ height: 324px; border-bottom: 10px solid var(--c); overflow: hidden; }}
.pic img {{ width: 100%; height: 100%; object-fit: cover; }} .pic.map {{ background: #0a1430; }}
.badge {{ position: absolute; top: 264px; left: 30px; width: 128px; height: 128px;
          border-radius: 50%; background: var(--c); border: 6px solid #fff; }}
h2 {{ font-size: 36px; margin: 90px 32px 0; }} p {{ font-size: 24px; margin: 6px 32px; color: #5F6B7A; }}
p.en {{ font-size: 20px; }} .go {{ position: absolute; bottom: 24px; color: var(--c); font-weight: bold; }}
</style></head><body><header><small>{site.get('publisher', {}).get('zh', '')}</small>
<h1>{site['title']['zh']}</h1></header><div class="lang">中文 &nbsp; EN</div>
<div class="tiles">{''.join(tiles)}</div></body></html>
""")
