#!/usr/bin/env python3
"""Generate the demo's SAMPLE photos and promo video from nothing but code.

No real photographs are available, so every picture in content/media/photos/ is a generated,
photographic-looking scene (media_scenes.py: one distinct composition per photo id, drawn with
media_canvas.py and media_things.py). No picture and no video frame carries any text: the
kiosk's UI draws the titles, captions and the Sample badge. photos.toml marks every photo
sample = true. The promo video is a slow Ken Burns slideshow of those pictures with
cross-fades; its words are the zh and en subtitles (.srt), which the kiosk renders.

Usage (from the repository root):
    /usr/bin/python3 content/scripts/make-media.py            # photos + video
    /usr/bin/python3 content/scripts/make-media.py --photos   # photos only
    /usr/bin/python3 content/scripts/make-media.py --video    # video only (uses the photos on disk)
    /usr/bin/python3 content/scripts/make-media.py --photos --only city-1,city-2

Needs Debian's python3-pil (Pillow) and ffmpeg (with libx264). Deterministic: every picture is
drawn from a random generator seeded by its id, so re-running gives the same pictures.
Photos are 1920x1200 (16:10) JPEGs, each at most MAX_BYTES (the highest JPEG quality that fits).
Photo ids and files come from content/photos.toml, industry colours from industries.toml.
"""
import argparse
import io
import json
import math
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

try:
    from PIL import Image
except ImportError:  # pragma: no cover
    sys.exit("make-media.py needs Pillow: apt-get install python3-pil (and run /usr/bin/python3)")

sys.dont_write_bytecode = True  # no __pycache__ beside the sources (or in the .deb)
sys.path.insert(0, str(Path(__file__).resolve().parent))
import media_scenes  # noqa: E402

CONTENT = Path(__file__).resolve().parent.parent
VIDEO = CONTENT / "media" / "video"
SIZE = (1920, 1200)
MAX_BYTES = 188_000          # the bundle ships every photo: keep each under ~190 kB
QUALITIES = range(90, 59, -2)


def load(name):
    with open(CONTENT / name, "rb") as f:
        return tomllib.load(f)


def content_tables():
    colours = {i["id"]: i["color"] for i in load("industries.toml")["industry"]}
    parks = load("parks.toml")["park"]
    geo = json.loads((CONTENT / "geo" / "zhenjiang-districts.geojson").read_text())
    return colours, parks, geo


def jpeg_under(img, limit):
    """The JPEG bytes at the highest quality in QUALITIES that fit in limit (else the lowest)."""
    data = b""
    for q in QUALITIES:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=q, optimize=True, progressive=False, subsampling="4:2:0")
        data = buf.getvalue()
        if len(data) <= limit:
            return data, q
    return data, QUALITIES[-1]


def make_photos(only=None):
    photos = load("photos.toml")["photo"]
    missing = [p["id"] for p in photos if p["id"] not in media_scenes.SCENES]
    if missing:
        sys.exit(f"make-media.py: no scene in media_scenes.SCENES for photo ids: {', '.join(missing)}")
    colours, parks, geo = content_tables()
    total = 0
    for p in photos:
        if only and p["id"] not in only:
            continue
        img = media_scenes.render(p["id"], colours, geo, parks, SIZE)
        data, q = jpeg_under(img, MAX_BYTES)
        out = CONTENT / p["file"]
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        total += len(data)
        print(f"  {out.relative_to(CONTENT)}  {len(data) // 1000} kB (quality {q})", flush=True)
    print(f"photos: {total / 1e6:.2f} MB")


# ------------------------------------------------------------------------------- video

VW, VH, FPS = 1280, 720, 25
SEG, FADE = 6.0, 1.0          # seconds per picture, cross-fade length

# (photo id, zh subtitle, en subtitle): the words are subtitles only, never in the picture.
STORY = [
    ("mod-city", "镇江产业招商地图 · 开发区速览(示例影片)",
     "Zhenjiang Industrial Investment Map: the development zones at a glance (sample film)"),
    ("city-1", "2019年,镇江9个省级及以上开发区撑起了全市经济的“半壁江山”。",
     "In 2019, Zhenjiang's nine provincial-and-above development zones carried more than half of the city's economy."),
    ("city-5", "它们贡献了全市52.3%的GDP、72.8%的实到外资和68%的出口。",
     "They delivered 52.3% of the city's GDP, 72.8% of its actually utilised foreign investment and 68% of its exports."),
    ("etdz-2", "还有全市45.7%的固定资产投资和49.3%的一般预算收入。",
     "And 45.7% of its fixed-asset investment and 49.3% of its general budget revenue."),
    ("etdz-1", "镇江经开区在全国219家国家级经开区中排第24位,营商环境列第23位。",
     "The Zhenjiang ETDZ ranks 24th of 219 national ETDZs, and 23rd for its business environment."),
    ("hitech-1", "镇江高新区在全国157家国家级高新区中列第71位。",
     "The Zhenjiang High-tech Zone ranks 71st of 157 national high-tech zones."),
    ("danyang-etdz-1", "丹阳经开区在全省88家省级经开区中名列第2。",
     "The Danyang EDZ is second of Jiangsu's 88 provincial economic development zones."),
    ("yangzhong-htz-1", "扬中高新区在全省29个省级高新区中名列第2。",
     "The Yangzhong High-tech Zone is second of Jiangsu's 29 provincial high-tech zones."),
    ("fuping-1", "苏陕共建的富平产业园,2018、2019年度“区中园”考核均列第一。",
     "The Fuping park, co-built with Shaanxi, came first in the “park within a park” assessment in both 2018 and 2019."),
    ("city-4", "触摸屏幕,探索镇江的园区与产业。画面均为示例图像。",
     "Touch the screen to explore Zhenjiang's zones and industries. All pictures are sample images."),
]


def ken_burns(img, t, kb):
    """A slowly drifting 16:9 window over the picture; t goes 0..1 over the segment."""
    z0, z1, ax, ay, bx, by = kb
    iw, ih = img.size
    z = z0 + (z1 - z0) * t
    base_w = min(iw, ih * 16 / 9)
    cw, ch = base_w / z, base_w / z * 9 / 16
    x0 = (iw - cw) * (ax + (bx - ax) * t)
    y0 = (ih - ch) * (ay + (by - ay) * t)
    sx = cw / VW
    return img.transform((VW, VH), Image.AFFINE, (sx, 0, x0, 0, sx, y0), resample=Image.BILINEAR)


def ease(t):
    return 0.5 - 0.5 * math.cos(math.pi * t)


def srt_time(sec):
    ms = int(round(sec * 1000))
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def write_subtitles(step, total):
    n = len(STORY)
    for lang, idx in (("zh", 1), ("en", 2)):
        cues = []
        for k, item in enumerate(STORY):
            start = k * step + (0.3 if k else 0.5)
            end = k * step + SEG - FADE - 0.1 if k < n - 1 else total - 0.5
            cues.append(f"{k + 1}\n{srt_time(start)} --> {srt_time(end)}\n{item[idx]}\n")
        (VIDEO / f"promo.{lang}.srt").write_text("\n".join(cues), encoding="utf-8")


def make_video():
    if not shutil.which("ffmpeg"):
        sys.exit("make-media.py: ffmpeg not found (apt-get install ffmpeg)")
    VIDEO.mkdir(parents=True, exist_ok=True)
    photos = {p["id"]: p for p in load("photos.toml")["photo"]}
    pics, kbs = [], []
    for k, (pid, _, _) in enumerate(STORY):
        path = CONTENT / photos[pid]["file"]
        if not path.exists():
            sys.exit(f"make-media.py: {path} is missing (run with --photos first)")
        pics.append(Image.open(path).convert("RGB"))
        # alternate zooming in and out, drifting across the middle (the safe area)
        z = (1.0, 1.12) if k % 2 == 0 else (1.12, 1.0)
        ax, bx = (0.35, 0.65) if k % 3 else (0.62, 0.38)
        kbs.append((z[0], z[1], ax, 0.45 + 0.05 * (k % 2), bx, 0.55 - 0.05 * (k % 2)))
    n = len(pics)
    step = SEG - FADE
    total = step * (n - 1) + SEG
    frames = int(round(total * FPS))
    write_subtitles(step, total)
    tmp = Path(tempfile.mkdtemp(prefix="zjmap-video-"))
    out = VIDEO / "promo.mp4"
    part = tmp / "promo.mp4"
    cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-threads", "1",
           "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{VW}x{VH}", "-r", str(FPS), "-i", "-",
           "-an", "-c:v", "libx264", "-preset", "slow", "-crf", "30", "-tune", "stillimage",
           "-pix_fmt", "yuv420p", "-threads", "1", "-x264-params", "threads=1",
           "-movflags", "+faststart", "-fflags", "+bitexact", "-flags:v", "+bitexact",
           "-metadata", "title=镇江产业招商地图 开发区速览(示例影片) / sample film", str(part)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    black = Image.new("RGB", (VW, VH))
    for f in range(frames):
        t = f / FPS
        k = min(int(t // step), n - 1)
        on = [(j, t - j * step) for j in (k - 1, k) if j >= 0 and 0 <= t - j * step <= SEG]
        if len(on) == 2:
            a = ease(min(1.0, on[1][1] / FADE))
            frame = Image.blend(ken_burns(pics[on[0][0]], on[0][1] / SEG, kbs[on[0][0]]),
                                ken_burns(pics[on[1][0]], on[1][1] / SEG, kbs[on[1][0]]), a)
        else:
            j, local = on[-1]
            frame = ken_burns(pics[j], local / SEG, kbs[j])
        if t < 0.6:                      # fade in from black and out to black
            frame = Image.blend(black, frame, t / 0.6)
        elif t > total - 0.8:
            frame = Image.blend(black, frame, max(0.0, (total - t) / 0.8))
        proc.stdin.write(frame.tobytes())
    proc.stdin.close()
    if proc.wait() != 0:
        sys.exit("make-media.py: ffmpeg failed")
    shutil.move(str(part), out)
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{out.relative_to(CONTENT)}: {total:.1f} s, {out.stat().st_size / 1e6:.2f} MB; subtitles: {n} cues")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--photos", action="store_true", help="photos only")
    ap.add_argument("--video", action="store_true", help="video (and subtitles) only")
    ap.add_argument("--only", help="comma-separated photo ids (with --photos)")
    a = ap.parse_args()
    both = not (a.photos or a.video)
    if a.photos or both:
        make_photos(set(a.only.split(",")) if a.only else None)
    if a.video or both:
        make_video()


if __name__ == "__main__":
    main()
