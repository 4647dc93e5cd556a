#!/usr/bin/env python3
"""Generate the demo's SAMPLE photos and promo video from nothing but code.

No real photographs are available, so every picture in content/media/photos/ is an abstract,
clearly labelled composition (sky, river, hills, skyline and industry silhouettes, soft
technical motifs in the industry's colour) with the park's or theme's name in Chinese and
English and a corner tag "示例图片 · Sample image". The promo video is a slow Ken Burns
slideshow of those pictures plus title cards, with zh and en subtitles (.srt).

Usage (from the repository root):
    python3 content/scripts/make-media.py            # photos + video
    python3 content/scripts/make-media.py --photos   # photos only
    python3 content/scripts/make-media.py --video    # video only (uses existing photos)

Needs Debian's python3-pil (Pillow) and ffmpeg (with libx264). Deterministic: every image
is drawn from a random generator seeded by its id, so re-running gives the same pictures.
Photo ids, files and captions come from content/photos.toml; park names from parks.toml;
industry colours from industries.toml. A new photo id needs an entry in SPECS below.
"""
import argparse
import hashlib
import math
import random
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

try:
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
except ImportError:  # pragma: no cover
    sys.exit("make-media.py needs Pillow: apt-get install python3-pil (and run /usr/bin/python3)")

CONTENT = Path(__file__).resolve().parent.parent
PHOTOS = CONTENT / "media" / "photos"
VIDEO = CONTENT / "media" / "video"
W, H = 1600, 1000          # photo size (16:10)
SS = 2                     # supersampling factor for smooth silhouettes
QUALITY = 82
FONT_REG = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
FONT_INDEX = 2             # the Simplified Chinese face in the collection
SAMPLE_TAG = "示例图片 · Sample image"


def font(size, bold=False):
    return ImageFont.truetype(FONT_BOLD if bold else FONT_REG, size, index=FONT_INDEX)


def load(name):
    with open(CONTENT / name, "rb") as f:
        return tomllib.load(f)


# ------------------------------------------------------------------------------- colours

def hexrgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def shade(c, f):
    """f < 0 darkens toward black, f > 0 lightens toward white."""
    return mix(c, (0, 0, 0), -f) if f < 0 else mix(c, (255, 255, 255), f)


# sky gradients from top to horizon, water tint, silhouette base colour
TIMES = {
    "dawn":    dict(sky=["#23325f", "#6f6f9a", "#e9a07f", "#ffd7a1"], sil="#2a2840", water="#6a6a8c", sun=(0.62, 0.58, "#fff1c9")),
    "morning": dict(sky=["#3f78c2", "#7fb1e0", "#d7ebf6"], sil="#2f4868", water="#5f8fb8", sun=(0.80, 0.22, "#fffbe8")),
    "noon":    dict(sky=["#2f6fb8", "#6aa6dc", "#cde6f4"], sil="#2b4460", water="#4f86b2", sun=None),
    "dusk":    dict(sky=["#2a1d4d", "#7b3f6e", "#d66a5e", "#f6b26b"], sil="#2a1a33", water="#7d4a63", sun=(0.30, 0.60, "#ffd49a")),
    "night":   dict(sky=["#070b1f", "#121c44", "#26336a"], sil="#0b0f22", water="#151f45", sun=None),
    "mist":    dict(sky=["#7f98ab", "#b9cad3", "#e6ecee"], sil="#3f5665", water="#8fa7b5", sun=None),
}


def vgradient(w, h, stops):
    """A vertical gradient through evenly spaced colour stops."""
    cols = [hexrgb(s) if isinstance(s, str) else s for s in stops]
    n = 256
    col = []
    for i in range(n):
        t = i / (n - 1) * (len(cols) - 1)
        k = min(int(t), len(cols) - 2)
        col.append(mix(cols[k], cols[k + 1], t - k))
    strip = Image.new("RGB", (1, n))
    strip.putdata(col)
    return strip.resize((w, h), Image.BICUBIC)


# ------------------------------------------------------------------------------- drawing

class Scene:
    def __init__(self, pid, time, accent):
        self.rng = random.Random(int(hashlib.sha256(pid.encode()).hexdigest()[:12], 16))
        self.t = TIMES[time]
        self.time = time
        self.accent = hexrgb(accent)
        self.w, self.h = W * SS, H * SS
        self.horizon = 0.62
        self.img = vgradient(self.w, self.h, self.t["sky"])
        self.d = ImageDraw.Draw(self.img, "RGBA")
        self.sky_low = hexrgb(self.t["sky"][-1])
        self.sil = hexrgb(self.t["sil"])

    # coordinates are in 0..1 of the picture
    def X(self, x):
        return x * self.w

    def Y(self, y):
        return y * self.h

    def sun(self):
        if not self.t["sun"]:
            if self.time == "night":
                for _ in range(90):
                    x, y = self.rng.random(), self.rng.random() * 0.45
                    r = self.rng.choice([1, 1, 2, 2, 3])
                    a = self.rng.randint(90, 220)
                    self.d.ellipse([self.X(x) - r, self.Y(y) - r, self.X(x) + r, self.Y(y) + r], fill=(255, 255, 240, a))
                x, y = 0.82, 0.16
                R = 0.045 * self.h
                self.d.ellipse([self.X(x) - R, self.Y(y) - R, self.X(x) + R, self.Y(y) + R], fill=(250, 246, 225, 235))
            return
        x, y, c = self.t["sun"]
        c = hexrgb(c)
        glow = Image.new("RGBA", (self.w, self.h), (0, 0, 0, 0))
        g = ImageDraw.Draw(glow)
        for k in range(12, 0, -1):
            R = self.h * (0.03 + 0.022 * k)
            g.ellipse([self.X(x) - R, self.Y(y) - R, self.X(x) + R, self.Y(y) + R], fill=c + (int(10 + 4 * (12 - k)),))
        R = self.h * 0.045
        g.ellipse([self.X(x) - R, self.Y(y) - R, self.X(x) + R, self.Y(y) + R], fill=c + (255,))
        glow = glow.filter(ImageFilter.GaussianBlur(self.h * 0.01))
        self.img.paste(glow, (0, 0), glow)

    def clouds(self, n=5, alpha=60):
        layer = Image.new("RGBA", (self.w, self.h), (0, 0, 0, 0))
        g = ImageDraw.Draw(layer)
        col = (255, 255, 255) if self.time != "night" else (120, 130, 170)
        for _ in range(n):
            cx, cy = self.rng.random(), 0.08 + self.rng.random() * 0.3
            for _ in range(7):
                rx = self.w * (0.04 + self.rng.random() * 0.07)
                ry = rx * 0.28
                ox = self.rng.uniform(-0.07, 0.07) * self.w
                oy = self.rng.uniform(-0.01, 0.01) * self.h
                g.ellipse([self.X(cx) + ox - rx, self.Y(cy) + oy - ry, self.X(cx) + ox + rx, self.Y(cy) + oy + ry], fill=col + (alpha,))
        layer = layer.filter(ImageFilter.GaussianBlur(self.h * 0.012))
        self.img.paste(layer, (0, 0), layer)

    def ridge(self, base, amp, depth, roughness=1.0, peaks=None):
        """A hill ridge whose colour fades toward the sky with distance (depth 0 near .. 1 far)."""
        r = self.rng
        waves = [(r.uniform(1.0, 2.5), r.uniform(0, 6.3), 1.0), (r.uniform(3, 6), r.uniform(0, 6.3), 0.4 * roughness),
                 (r.uniform(9, 15), r.uniform(0, 6.3), 0.12 * roughness)]
        pts = []
        N = 160
        for i in range(N + 1):
            x = i / N
            y = sum(a * math.sin(f * x * math.pi * 2 + p) for f, p, a in waves) / 1.52
            if peaks:
                for px, pw, ph in peaks:
                    y += ph * math.exp(-((x - px) / pw) ** 2)
            pts.append((self.X(x), self.Y(base - amp * (0.5 + 0.5 * y))))
        col = mix(self.sil, self.sky_low, depth * 0.85)
        self.d.polygon(pts + [(self.w, self.h), (0, self.h)], fill=col)
        return pts

    def river(self, top=0.70, bottom=1.0):
        y0, y1 = self.Y(top), self.Y(bottom)
        water = vgradient(self.w, int(y1 - y0), [mix(self.sky_low, hexrgb(self.t["water"]), 0.45), hexrgb(self.t["water"]), shade(hexrgb(self.t["water"]), -0.35)])
        self.img.paste(water, (0, int(y0)))
        # shimmer lines
        light = shade(self.sky_low, 0.3)
        for _ in range(70):
            y = self.rng.uniform(y0 + 4, y1)
            x = self.rng.uniform(-0.1, 1.0) * self.w
            L = self.rng.uniform(0.03, 0.16) * self.w * (0.5 + (y - y0) / (y1 - y0))
            a = int(self.rng.uniform(20, 60))
            self.d.line([(x, y), (x + L, y)], fill=light + (a,), width=max(2, int(2 + 4 * (y - y0) / (y1 - y0))))
        if self.t["sun"]:
            x, _, c = self.t["sun"]
            c = hexrgb(c)
            for k in range(26):
                y = y0 + (y1 - y0) * (k / 26) ** 1.4
                L = self.w * (0.02 + 0.05 * self.rng.random()) * (1 + k / 10)
                self.d.line([(self.X(x) - L / 2, y), (self.X(x) + L / 2, y)], fill=c + (110 - 3 * k,), width=5)

    def buildings(self, base, x0, x1, hmin, hmax, depth, windows=False, wmin=0.018, wmax=0.05, towers=0.2):
        col = mix(self.sil, self.sky_low, depth * 0.8)
        x = x0
        lit = []
        while x < x1:
            bw = self.rng.uniform(wmin, wmax)
            bh = self.rng.uniform(hmin, hmax)
            if self.rng.random() < towers:
                bh *= 1.6
            top = base - bh
            xs, xe = self.X(x), self.X(x + bw)
            kind = self.rng.random()
            if kind < 0.15:      # slanted roof
                self.d.polygon([(xs, self.Y(base)), (xs, self.Y(top + 0.02)), (xe, self.Y(top)), (xe, self.Y(base))], fill=col)
            elif kind < 0.3:     # stepped top
                self.d.rectangle([xs, self.Y(top + 0.03), xe, self.Y(base)], fill=col)
                self.d.rectangle([xs + (xe - xs) * 0.2, self.Y(top), xe - (xe - xs) * 0.2, self.Y(base)], fill=col)
            else:
                self.d.rectangle([xs, self.Y(top), xe, self.Y(base)], fill=col)
            if self.rng.random() < 0.15:
                self.d.line([(xs + (xe - xs) / 2, self.Y(top)), (xs + (xe - xs) / 2, self.Y(top - 0.03))], fill=col, width=4)
            if windows:
                lit.append((xs, self.Y(top), xe, self.Y(base)))
            x += bw + self.rng.uniform(0.0, 0.008)
        for xs, ys, xe, ye in lit:
            step_x, step_y = 14 * SS, 18 * SS
            yy = ys + 12
            while yy < ye - 10:
                xx = xs + 8
                while xx < xe - 10:
                    if self.rng.random() < (0.32 if self.time == "night" else 0.12):
                        c = self.accent if self.rng.random() < 0.25 else (255, 221, 150)
                        a = 220 if self.time == "night" else 70
                        self.d.rectangle([xx, yy, xx + 6 * SS, yy + 8 * SS], fill=c + (a,))
                    xx += step_x
                yy += step_y

    def factory(self, base, x0, x1, depth, chimneys=True):
        col = mix(self.sil, self.sky_low, depth * 0.8)
        x = x0
        while x < x1:
            bw = self.rng.uniform(0.06, 0.13)
            bh = self.rng.uniform(0.05, 0.10)
            xs, xe = self.X(x), self.X(x + bw)
            if self.rng.random() < 0.5:     # sawtooth roof
                n = self.rng.randint(3, 6)
                pts = [(xs, self.Y(base))]
                for k in range(n):
                    a = xs + (xe - xs) * k / n
                    b = xs + (xe - xs) * (k + 1) / n
                    pts += [(a, self.Y(base - bh)), (b, self.Y(base - bh - 0.025)), (b, self.Y(base - bh))]
                pts.append((xe, self.Y(base)))
                self.d.polygon(pts, fill=col)
            else:                           # arched shed
                self.d.rectangle([xs, self.Y(base - bh), xe, self.Y(base)], fill=col)
                self.d.chord([xs, self.Y(base - bh - 0.03), xe, self.Y(base - bh + 0.03)], 180, 360, fill=col)
            if chimneys and self.rng.random() < 0.55:
                cx = self.rng.uniform(xs, xe)
                ch = self.rng.uniform(0.08, 0.16)
                self.d.polygon([(cx - 9 * SS, self.Y(base - bh)), (cx - 6 * SS, self.Y(base - bh - ch)), (cx + 6 * SS, self.Y(base - bh - ch)), (cx + 9 * SS, self.Y(base - bh))], fill=col)
                self.d.rectangle([cx - 6 * SS, self.Y(base - bh - ch + 0.012), cx + 6 * SS, self.Y(base - bh - ch + 0.02)], fill=self.accent + (200,))
                # a soft plume of steam
                for k in range(6):
                    R = (8 + 6 * k) * SS
                    px = cx + k * 14 * SS
                    py = self.Y(base - bh - ch) - k * 16 * SS
                    self.d.ellipse([px - R, py - R, px + R, py + R], fill=(255, 255, 255, 26 - 3 * k))
            if self.rng.random() < 0.35:    # tank
                tx = self.X(x + bw + 0.01)
                tr = self.rng.uniform(0.018, 0.03) * self.w
                self.d.rectangle([tx, self.Y(base) - tr * 1.2, tx + tr * 2, self.Y(base)], fill=col)
                self.d.ellipse([tx, self.Y(base) - tr * 1.2 - tr * 0.4, tx + tr * 2, self.Y(base) - tr * 1.2 + tr * 0.4], fill=col)
                x += 0.05
            x += bw + self.rng.uniform(0.005, 0.02)

    def ground(self, top, depth=0.0):
        col = mix(self.sil, self.sky_low, depth)
        self.d.rectangle([0, self.Y(top), self.w, self.h], fill=col)

    def crane(self, x, base, hgt, depth=0.0, flip=False):
        col = mix(self.sil, self.sky_low, depth * 0.8)
        s = -1 if flip else 1
        X0, Yb, Yt = self.X(x), self.Y(base), self.Y(base - hgt)
        lw = 6 * SS
        for dx in (-0.012, 0.012):  # legs
            self.d.line([(X0 + self.X(dx), Yb), (X0 + self.X(dx * 0.4), Yt)], fill=col, width=lw)
        self.d.line([(X0 - self.X(0.012), Yb - (Yb - Yt) * 0.5), (X0 + self.X(0.012), Yb - (Yb - Yt) * 0.5)], fill=col, width=lw)
        boom = X0 + s * self.X(0.11)
        back = X0 - s * self.X(0.04)
        self.d.line([(back, Yt), (boom, Yt)], fill=col, width=lw + 2)
        self.d.line([(X0, Yt - self.Y(0.04)), (boom, Yt)], fill=col, width=3 * SS)
        self.d.line([(X0, Yt - self.Y(0.04)), (back, Yt)], fill=col, width=3 * SS)
        hx = X0 + s * self.X(0.08)
        self.d.line([(hx, Yt), (hx, Yt + self.Y(0.12))], fill=col, width=2 * SS)
        self.d.rectangle([hx - 10 * SS, Yt + self.Y(0.12), hx + 10 * SS, Yt + self.Y(0.13)], fill=col)

    def containers(self, base, x0, x1, rows=3):
        palette = [self.accent, shade(self.accent, -0.35), (200, 90, 60), (70, 120, 160), (210, 170, 70), (120, 130, 140)]
        cw, ch = 0.045, 0.028
        x = x0 + self.rng.uniform(0, 0.02)
        while x + cw < x1:
            stack = self.rng.choice([0, 1, 2, 2, 3, 3, rows, rows])
            for r in range(stack):
                c = self.rng.choice(palette)
                c = mix(c, self.sky_low, 0.2 if self.time != "night" else 0.6)
                y1 = base - r * ch
                self.d.rectangle([self.X(x), self.Y(y1 - ch), self.X(x + cw), self.Y(y1)], fill=c, outline=shade(c, -0.3), width=2 * SS)
                for k in range(1, 6):
                    xx = self.X(x + cw * k / 6)
                    self.d.line([(xx, self.Y(y1 - ch) + 4), (xx, self.Y(y1) - 4)], fill=shade(c, -0.18), width=SS)
            x += cw + 0.002

    def ship(self, x, y, L=0.22):
        col = mix(self.sil, self.sky_low, 0.2)
        X0, Y0 = self.X(x), self.Y(y)
        Lp = self.X(L)
        self.d.polygon([(X0, Y0), (X0 + Lp, Y0), (X0 + Lp * 0.95, Y0 + self.Y(0.025)), (X0 + Lp * 0.04, Y0 + self.Y(0.025))], fill=col)
        self.d.rectangle([X0 + Lp * 0.78, Y0 - self.Y(0.045), X0 + Lp * 0.9, Y0], fill=col)
        for k in range(5):
            c = mix(self.rng.choice([self.accent, (200, 90, 60), (70, 120, 160), (210, 170, 70)]), self.sky_low, 0.3)
            self.d.rectangle([X0 + Lp * (0.08 + 0.13 * k), Y0 - self.Y(0.022), X0 + Lp * (0.2 + 0.13 * k), Y0], fill=c)

    def pagoda(self, x, base, hgt):
        col = mix(self.sil, self.sky_low, 0.15)
        levels = 7
        X0 = self.X(x)
        y = self.Y(base)
        lh = self.Y(hgt) / (levels + 1.3)
        for k in range(levels):
            wbody = self.X(0.022 * (1 - 0.08 * k))
            weave = wbody * 1.55
            self.d.rectangle([X0 - wbody / 2, y - lh * 0.75, X0 + wbody / 2, y], fill=col)
            self.d.polygon([(X0 - weave / 2, y - lh * 0.72), (X0 + weave / 2, y - lh * 0.72), (X0 + wbody * 0.45, y - lh), (X0 - wbody * 0.45, y - lh)], fill=col)
            y -= lh
        self.d.polygon([(X0 - 6 * SS, y), (X0 + 6 * SS, y), (X0, y - lh * 1.3)], fill=col)

    def trees(self, base, x0, x1, size=0.02, depth=0.0, colour=None):
        col = colour or mix((40, 90, 60), self.sky_low, depth * 0.6)
        if self.time == "night":
            col = mix(col, (10, 15, 30), 0.7)
        x = x0
        while x < x1:
            r = self.X(size * self.rng.uniform(0.7, 1.3))
            cx, cy = self.X(x), self.Y(base) - r * 0.9
            self.d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=shade(col, self.rng.uniform(-0.15, 0.1)))
            x += size * self.rng.uniform(1.0, 1.8)

    def grid(self, alpha=40, step=0.05, top=0.0, bottom=1.0):
        col = self.accent + (alpha,)
        k = 0.0
        while k <= 1.0:
            self.d.line([(self.X(k), self.Y(top)), (self.X(k), self.Y(bottom))], fill=col, width=SS)
            k += step
        y = top
        while y <= bottom:
            self.d.line([(0, self.Y(y)), (self.w, self.Y(y))], fill=col, width=SS)
            y += step * self.w / self.h

    def circuit(self, n=26, alpha=150, region=(0, 0, 1, 0.6), width=3):
        x0, y0, x1, y1 = region
        col = self.accent + (alpha,)
        glow = shade(self.accent, 0.5) + (alpha,)
        for _ in range(n):
            x = self.rng.uniform(x0, x1)
            y = self.rng.uniform(y0, y1)
            pts = [(self.X(x), self.Y(y))]
            for _ in range(self.rng.randint(2, 4)):
                if self.rng.random() < 0.5:
                    x += self.rng.choice([-1, 1]) * self.rng.uniform(0.04, 0.14)
                else:
                    d = self.rng.uniform(0.03, 0.1)
                    x += self.rng.choice([-1, 1]) * d * self.h / self.w
                    y += self.rng.choice([-1, 1]) * d
                pts.append((self.X(x), self.Y(y)))
            self.d.line(pts, fill=col, width=width * SS, joint="curve")
            for px, py in (pts[0], pts[-1]):
                R = 7 * SS
                self.d.ellipse([px - R, py - R, px + R, py + R], fill=glow, outline=col, width=2 * SS)

    def hexes(self, cx, cy, R, rings=3, alpha=120):
        col = self.accent + (alpha,)
        r = self.X(R)
        for q in range(-rings, rings + 1):
            for s in range(-rings, rings + 1):
                if abs(q + s) > rings:
                    continue
                x = self.X(cx) + r * 1.5 * q
                y = self.Y(cy) + r * math.sqrt(3) * (s + q / 2)
                if self.rng.random() < 0.2:
                    continue
                pts = [(x + r * 0.92 * math.cos(math.pi / 3 * k), y + r * 0.92 * math.sin(math.pi / 3 * k)) for k in range(6)]
                fill = self.accent + (int(alpha * 0.35),) if self.rng.random() < 0.3 else None
                self.d.polygon(pts, outline=col, fill=fill, width=3 * SS)
                if self.rng.random() < 0.5:
                    self.d.ellipse([x - 6 * SS, y - 6 * SS, x + 6 * SS, y + 6 * SS], fill=shade(self.accent, 0.5) + (alpha,))

    def helix(self, y, amp=0.08, alpha=170):
        col_a = self.accent + (alpha,)
        col_b = shade(self.accent, 0.45) + (alpha,)
        N = 200
        A, B = [], []
        for i in range(N + 1):
            x = i / N
            A.append((self.X(x), self.Y(y + amp * math.sin(x * 14))))
            B.append((self.X(x), self.Y(y - amp * math.sin(x * 14))))
        for i in range(0, N + 1, 5):
            self.d.line([A[i], B[i]], fill=self.accent + (alpha // 2,), width=3 * SS)
        self.d.line(A, fill=col_a, width=6 * SS, joint="curve")
        self.d.line(B, fill=col_b, width=6 * SS, joint="curve")

    def solar(self, base, x0, x1, rows=4):
        for r in range(rows):
            y = base + r * 0.06
            sc = 1 + r * 0.35
            x = x0 - r * 0.02
            while x < x1:
                pw = 0.05 * sc
                ph = 0.028 * sc
                p = [(self.X(x), self.Y(y)), (self.X(x + pw), self.Y(y)), (self.X(x + pw + 0.012 * sc), self.Y(y - ph)), (self.X(x + 0.012 * sc), self.Y(y - ph))]
                self.d.polygon(p, fill=mix((30, 50, 90), self.accent, 0.25), outline=shade(self.accent, 0.2), width=2 * SS)
                self.d.line([((p[0][0] + p[3][0]) / 2, (p[0][1] + p[3][1]) / 2), ((p[1][0] + p[2][0]) / 2, (p[1][1] + p[2][1]) / 2)], fill=shade(self.accent, 0.2) + (160,), width=SS)
                x += pw + 0.01 * sc

    def turbine(self, x, base, hgt, depth=0.3, angle=0.0):
        col = mix((240, 244, 246), self.sky_low, depth)
        X0, Yb, Yt = self.X(x), self.Y(base), self.Y(base - hgt)
        self.d.polygon([(X0 - 6 * SS, Yb), (X0 + 6 * SS, Yb), (X0 + 3 * SS, Yt), (X0 - 3 * SS, Yt)], fill=col)
        L = self.Y(hgt * 0.55)
        for k in range(3):
            a = angle + k * 2 * math.pi / 3
            ex, ey = X0 + L * math.cos(a), Yt + L * math.sin(a)
            nx, ny = -math.sin(a) * 7 * SS, math.cos(a) * 7 * SS
            self.d.polygon([(X0 + nx, Yt + ny), (ex, ey), (X0 - nx, Yt - ny)], fill=col)
        self.d.ellipse([X0 - 8 * SS, Yt - 8 * SS, X0 + 8 * SS, Yt + 8 * SS], fill=col)

    def plane(self, x, y, size=0.12, angle=-12):
        """A simple airliner silhouette with a contrail."""
        lay = Image.new("RGBA", (int(self.X(size) * 1.2), int(self.X(size) * 1.2)), (0, 0, 0, 0))
        g = ImageDraw.Draw(lay)
        s = lay.width
        col = (245, 248, 252, 240) if self.time != "night" else (200, 210, 240, 230)
        cx, cy = s / 2, s / 2
        L = s * 0.45
        g.ellipse([cx - L, cy - s * 0.035, cx + L, cy + s * 0.035], fill=col)                     # fuselage
        g.polygon([(cx - s * 0.05, cy), (cx + s * 0.1, cy), (cx - s * 0.12, cy + s * 0.3), (cx - s * 0.2, cy + s * 0.3)], fill=col)  # wing
        g.polygon([(cx - s * 0.05, cy), (cx + s * 0.1, cy), (cx - s * 0.12, cy - s * 0.3), (cx - s * 0.2, cy - s * 0.3)], fill=col)
        g.polygon([(cx - L * 0.85, cy), (cx - L * 0.7, cy), (cx - L * 0.95, cy - s * 0.12), (cx - L * 1.02, cy - s * 0.12)], fill=col)  # tail
        lay = lay.rotate(angle, resample=Image.BICUBIC, expand=False)
        px, py = int(self.X(x) - s / 2), int(self.Y(y) - s / 2)
        # contrail
        a = math.radians(angle)
        for k in range(40):
            d = s * 0.45 + k * s * 0.06
            tx = self.X(x) - d * math.cos(a)
            ty = self.Y(y) + d * math.sin(a)
            R = (4 + k * 0.5) * SS
            self.d.ellipse([tx - R, ty - R, tx + R, ty + R], fill=(255, 255, 255, max(0, 70 - k * 2)))
        self.img.paste(lay, (px, py), lay)

    def glow_band(self, y, alpha=70):
        lay = Image.new("RGBA", (self.w, self.h), (0, 0, 0, 0))
        g = ImageDraw.Draw(lay)
        g.rectangle([0, self.Y(y - 0.02), self.w, self.Y(y + 0.02)], fill=self.accent + (alpha,))
        lay = lay.filter(ImageFilter.GaussianBlur(self.h * 0.03))
        self.img.paste(lay, (0, 0), lay)

    def finish(self):
        return self.img.resize((W, H), Image.LANCZOS)


# ------------------------------------------------------------------------------- compositions

def comp_river_skyline(s, night=False):
    s.sun()
    s.clouds(4, 40 if not night else 25)
    s.ridge(0.56, 0.16, 0.8, 0.6)
    s.buildings(0.64, -0.02, 1.02, 0.04, 0.12, 0.55, windows=False, wmin=0.015, wmax=0.03)
    s.buildings(0.66, 0.08, 0.78, 0.06, 0.2, 0.15, windows=True, towers=0.3)
    s.river(0.66)


def comp_pagoda(s):
    s.sun()
    s.clouds(3, 40)
    s.ridge(0.60, 0.10, 0.85, 0.5)
    pts = s.ridge(0.64, 0.10, 0.4, 0.3, peaks=[(0.38, 0.08, 0.9)])
    top = min(pts[55:70], key=lambda p: p[1])
    s.pagoda(top[0] / s.w, top[1] / s.h + 0.01, 0.2)
    s.trees(0.665, 0.22, 0.55, 0.012, 0.3)
    s.buildings(0.67, 0.6, 1.02, 0.02, 0.06, 0.35, wmin=0.015, wmax=0.03)
    s.river(0.67)


def comp_hills(s):
    s.sil = mix(s.sil, (30, 85, 55), 0.6)   # greener ridges
    s.sun()
    s.clouds(5, 50)
    for k, depth in enumerate([0.9, 0.7, 0.5, 0.3, 0.1]):
        s.ridge(0.45 + k * 0.1, 0.14, depth, 1.0)
        if k in (1, 3):  # mist between ridges
            lay = Image.new("RGBA", (s.w, s.h), (0, 0, 0, 0))
            g = ImageDraw.Draw(lay)
            g.rectangle([0, s.Y(0.48 + k * 0.1), s.w, s.Y(0.58 + k * 0.1)], fill=s.sky_low + (90,))
            lay = lay.filter(ImageFilter.GaussianBlur(s.h * 0.03))
            s.img.paste(lay, (0, 0), lay)
    s.trees(0.97, -0.02, 1.02, 0.025, 0.0)


def comp_industry(s, river=True):
    s.sun()
    s.clouds(3, 40)
    s.ridge(0.56, 0.12, 0.85, 0.6)
    s.factory(0.66, -0.02, 1.02, 0.55, chimneys=False)
    s.factory(0.68, 0.02, 0.98, 0.15)
    s.glow_band(0.68, 40)
    if river:
        s.river(0.68)
    else:
        s.ground(0.68, 0.05)
        s.grid(30, 0.04, 0.68, 1.0)


def comp_port(s, ship=True):
    s.sun()
    s.clouds(3, 40)
    s.ridge(0.56, 0.10, 0.85, 0.6)
    s.buildings(0.62, 0.55, 1.02, 0.02, 0.07, 0.55, wmin=0.015, wmax=0.03)
    s.ground(0.62, 0.25)
    s.containers(0.66, 0.02, 0.62, rows=4)
    for x in (0.12, 0.3, 0.48):
        s.crane(x, 0.66, 0.26, 0.1)
    s.river(0.66)
    if ship:
        s.ship(0.55, 0.76, 0.26)


def comp_campus(s):
    s.sun()
    s.clouds(4, 45)
    s.ridge(0.55, 0.12, 0.8, 0.5)
    s.buildings(0.7, -0.02, 1.02, 0.1, 0.26, 0.1, windows=True, wmin=0.04, wmax=0.09, towers=0.25)
    s.ground(0.7, 0.0)
    s.trees(0.74, -0.02, 1.02, 0.022, 0.1)
    s.grid(22, 0.05, 0.74, 1.0)


def comp_tech(s):
    s.sun()
    s.grid(28, 0.04, 0.0, 1.0)
    s.circuit(15, 140, (0.05, 0.12, 0.78, 0.55))
    s.buildings(0.74, -0.02, 1.02, 0.06, 0.2, 0.2, windows=True, wmin=0.03, wmax=0.07)
    s.ground(0.74, 0.0)
    s.glow_band(0.74, 60)


def comp_eco(s):
    s.sun()
    s.clouds(4, 50)
    s.ridge(0.5, 0.14, 0.75, 0.7)
    s.ridge(0.6, 0.12, 0.45, 0.7)
    s.buildings(0.69, 0.25, 0.85, 0.03, 0.07, 0.15, wmin=0.04, wmax=0.08, towers=0.05)
    s.trees(0.7, -0.02, 1.02, 0.02, 0.15, colour=(55, 120, 80))
    s.river(0.7)


def comp_energy(s):
    s.sun()
    s.clouds(4, 45)
    s.ridge(0.56, 0.12, 0.8, 0.6)
    for k, x in enumerate((0.62, 0.74, 0.86, 0.96)):
        s.turbine(x, 0.62, 0.2 - 0.02 * k, 0.25 + 0.1 * k, angle=0.4 + k * 0.7)
    s.ground(0.62, 0.35)
    s.solar(0.7, -0.02, 1.02, rows=5)


def comp_aero(s):
    s.sun()
    s.clouds(5, 55)
    s.plane(0.62, 0.25, 0.16, 10)
    s.ridge(0.6, 0.10, 0.8, 0.5)
    s.ground(0.7, 0.3)
    # hangars
    col = mix(s.sil, s.sky_low, 0.15)
    for x, w in ((0.05, 0.2), (0.28, 0.16)):
        s.d.chord([s.X(x), s.Y(0.58), s.X(x + w), s.Y(0.82)], 180, 360, fill=col)
        s.d.rectangle([s.X(x), s.Y(0.70), s.X(x + w), s.Y(0.72)], fill=col)
    s.d.rectangle([0, s.Y(0.78), s.w, s.Y(0.8)], fill=shade(s.sky_low, -0.45))
    for k in range(16):
        x = k / 15
        s.d.rectangle([s.X(x) - 18 * SS, s.Y(0.785), s.X(x) + 18 * SS, s.Y(0.79)], fill=(250, 250, 250, 180))
    s.grid(25, 0.05, 0.8, 1.0)


def comp_materials(s):
    s.sun()
    s.hexes(0.62, 0.38, 0.045, 2, 130)
    s.factory(0.74, -0.02, 1.02, 0.2, chimneys=False)
    s.ground(0.74, 0.05)
    s.glow_band(0.74, 50)


def comp_biomed(s):
    s.sun()
    s.clouds(3, 35)
    s.helix(0.3, 0.07, 160)
    s.buildings(0.74, -0.02, 1.02, 0.06, 0.14, 0.15, windows=True, wmin=0.05, wmax=0.09, towers=0.05)
    s.ground(0.74, 0.0)
    s.trees(0.77, -0.02, 1.02, 0.02, 0.1)


def comp_map(s, geo):
    """The six districts, drawn from geo/zhenjiang-districts.geojson, with the zone pins."""
    s.grid(26, 0.04, 0, 1)
    feats = geo["features"]
    xs, ys = [], []
    for f in feats:
        for poly in polys(f):
            for x, y in poly[0]:
                xs.append(x)
                ys.append(y)
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    k = math.cos(math.radians((miny + maxy) / 2))
    sc = min(0.56 * s.w / ((maxx - minx) * k), 0.62 * s.h / (maxy - miny))
    ox = s.w * 0.96 - (maxx - minx) * k * sc
    oy = s.h * 0.09

    def P(x, y):
        return (ox + (x - minx) * k * sc, oy + (maxy - y) * sc)

    tints = [0.15, 0.3, 0.45, 0.22, 0.38, 0.52]
    for i, f in enumerate(feats):
        for poly in polys(f):
            c = mix((235, 240, 245), s.accent, tints[i % len(tints)])
            s.d.polygon([P(x, y) for x, y in poly[0]], fill=c + (235,), outline=(255, 255, 255, 255), width=3 * SS)
    parks = load("parks.toml")["park"]
    for p in parks:
        x, y = P(*p["location"])
        R = (11 if p["level"] != "special" else 7) * SS
        s.d.ellipse([x - R * 2.2, y - R * 2.2, x + R * 2.2, y + R * 2.2], fill=s.accent + (60,))
        s.d.ellipse([x - R, y - R, x + R, y + R], fill=(255, 255, 255), outline=shade(s.accent, -0.4), width=3 * SS)


def polys(f):
    g = f["geometry"]
    return g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]


def comp_chain(s):
    s.grid(22, 0.04, 0, 1)
    cols = [0.22, 0.5, 0.78]
    rows = [[0.2, 0.38], [0.16, 0.31, 0.46], [0.24, 0.42]]
    pts = []
    for c, rr in zip(cols, rows):
        pts.append([(s.X(c), s.Y(r)) for r in rr])
    for a, b in ((0, 1), (1, 2)):
        for p in pts[a]:
            for q in pts[b]:
                s.d.line([p, q], fill=(255, 255, 255, 90), width=3 * SS)
    for k, col in enumerate(pts):
        for x, y in col:
            R = 34 * SS
            s.d.ellipse([x - R * 1.5, y - R * 1.5, x + R * 1.5, y + R * 1.5], fill=s.accent + (50,))
            s.d.ellipse([x - R, y - R, x + R, y + R], fill=mix(s.accent, (255, 255, 255), 0.15 * k), outline=(255, 255, 255), width=4 * SS)
    s.factory(0.74, -0.02, 1.02, 0.2, chimneys=False)
    s.ground(0.74, 0.05)


def comp_invest(s):
    s.sun()
    s.clouds(3, 40)
    s.ridge(0.6, 0.1, 0.8, 0.5)
    # rising bars, drawn as glass towers
    base = 0.74
    for k in range(7):
        x = 0.5 + k * 0.065
        hgt = 0.1 + 0.05 * k + 0.02 * math.sin(k * 1.7)
        c = mix(s.accent, (255, 255, 255), 0.1 + 0.05 * k)
        s.d.rectangle([s.X(x), s.Y(base - hgt), s.X(x + 0.045), s.Y(base)], fill=c + (210,), outline=(255, 255, 255, 200), width=2 * SS)
    s.buildings(base, -0.02, 0.48, 0.05, 0.16, 0.2, windows=True)
    s.ground(base, 0.0)
    s.trees(base + 0.03, -0.02, 1.02, 0.02, 0.1)


# ------------------------------------------------------------------------------- specs

# id: (composition, time of day, accent industry or hex, title zh, title en, kicker zh, kicker en)
# A title of None means: take the park's name from parks.toml.
SPECS = {
    "mod-city": ("river", "dusk", "#E69F00", "走进镇江", "Discover Zhenjiang", "城市风貌", "The city"),
    "mod-map": ("map", "night", "#56B4E9", "空间分布", "Spatial Distribution", "开发区与园区分布示意", "Zones and parks (indicative)"),
    "mod-industry": ("chain", "night", "#009E73", "产业配套", "Industry Support", "产业链示意", "Industrial chains"),
    "mod-invest": ("invest", "morning", "#0072B2", "投资推介", "Investment Promotion", "项目与服务", "Projects and services"),
    "city-1": ("river", "dawn", "#E69F00", "长江晨曦", "The Yangtze at dawn", "走进镇江", "Discover Zhenjiang"),
    "city-2": ("pagoda", "dusk", "#D55E00", "金山暮色", "Jinshan at dusk", "走进镇江", "Discover Zhenjiang"),
    "city-3": ("hills", "morning", "#009E73", "南山青峦", "The ridges of Nanshan", "走进镇江", "Discover Zhenjiang"),
    "city-4": ("river-night", "night", "#E69F00", "江城夜色", "The riverside city at night", "走进镇江", "Discover Zhenjiang"),
    "city-5": ("pagoda", "mist", "#56B4E9", "山水城市", "Hills, river and city", "走进镇江", "Discover Zhenjiang"),
    "etdz-1": ("industry", "morning", "aerospace", None, None, "临江产业带", "Industry along the river"),
    "etdz-2": ("port", "dusk", "logistics", None, None, "港口与厂区", "Port and plants"),
    "hitech-1": ("campus", "noon", "digital", None, None, "研发楼宇", "Research buildings"),
    "hitech-2": ("tech", "night", "digital", None, None, "数字与创新", "Digital innovation"),
    "bonded-1": ("port", "morning", "logistics", None, None, "集装箱与仓储", "Containers and warehouses"),
    "bonded-2": ("port-ship", "dawn", "#56B4E9", None, None, "江上货运", "River freight"),
    "sino-swiss-1": ("eco", "morning", "new-energy", None, None, "绿色厂区", "A green industrial campus"),
    "sino-swiss-2": ("hills", "dawn", "new-energy", None, None, "山水之间", "Between hills and water"),
    "danyang-etdz-1": ("industry-land", "noon", "equipment", None, None, "制造厂区", "Manufacturing district"),
    "danyang-etdz-2": ("materials", "dusk", "new-materials", None, None, "新材料", "New materials"),
    "jurong-1": ("eco", "dawn", "biomedicine", None, None, "山前新城", "A new town below the hills"),
    "jurong-2": ("energy", "noon", "new-energy", None, None, "新能源", "New energy"),
    "yangzhong-etdz-1": ("industry", "dusk", "equipment", None, None, "江畔厂区", "Plants by the river"),
    "yangzhong-etdz-2": ("tech", "dusk", "equipment", None, None, "电气装备", "Electrical equipment"),
    "dantu-1": ("port-ship", "morning", "logistics", None, None, "码头与江岸", "Wharf and riverbank"),
    "dantu-2": ("industry", "mist", "new-materials", None, None, "材料与物流", "Materials and logistics"),
    "jingkou-1": ("river", "morning", "digital", None, None, "城市与产业", "City and industry"),
    "jingkou-2": ("tech", "dusk", "digital", None, None, "数字服务", "Digital services"),
    "yangzhong-htz-1": ("river", "dawn", "new-energy", None, None, "清晨江岛", "The island at dawn"),
    "yangzhong-htz-2": ("energy", "dusk", "new-energy", None, None, "新能源与电网", "New energy and the grid"),
    "danyang-htz-1": ("campus", "dawn", "equipment", None, None, "创新厂区", "Innovation campus"),
    "danyang-htz-2": ("industry-land", "dawn", "equipment", None, None, "智能制造", "Smart manufacturing"),
    "aviation-park-1": ("aero", "morning", "aerospace", None, None, "省级特色创新示范园区", "Provincial featured innovation demonstration park"),
    "aero-materials-1": ("materials", "night", "aerospace", None, None, "省级特色创新示范园区", "Provincial featured innovation demonstration park"),
    "fuping-1": ("eco", "dusk", "equipment", None, None, "苏陕合作共建", "Co-built by Jiangsu and Shaanxi"),
    "japan-auto-1": ("industry-land", "morning", "equipment", None, None, "省首批国际合作园区", "One of Jiangsu's first international cooperation parks"),
    "japan-auto-2": ("tech", "noon", "equipment", None, None, "汽车零部件", "Auto parts"),
    "ind-equipment": ("industry-land", "dusk", "equipment", "高端装备", "High-end equipment", "示例产业", "Sample industry"),
    "ind-new-materials": ("materials", "morning", "new-materials", "新材料", "New materials", "示例产业", "Sample industry"),
    "ind-new-energy": ("energy", "morning", "new-energy", "新能源", "New energy", "示例产业", "Sample industry"),
    "ind-aerospace": ("aero", "dusk", "aerospace", "航空航天", "Aerospace", "示例产业", "Sample industry"),
    "ind-biomedicine": ("biomed", "morning", "biomedicine", "生物医药", "Biomedicine", "示例产业", "Sample industry"),
    "ind-digital": ("tech", "night", "digital", "数字经济", "Digital economy", "示例产业", "Sample industry"),
    "ind-logistics": ("port-ship", "noon", "logistics", "现代物流", "Modern logistics", "示例产业", "Sample industry"),
}


def compose(kind, s, geo):
    {
        "river": lambda: comp_river_skyline(s),
        "river-night": lambda: comp_river_skyline(s, night=True),
        "pagoda": lambda: comp_pagoda(s),
        "hills": lambda: comp_hills(s),
        "industry": lambda: comp_industry(s, river=True),
        "industry-land": lambda: comp_industry(s, river=False),
        "port": lambda: comp_port(s, ship=False),
        "port-ship": lambda: comp_port(s, ship=True),
        "campus": lambda: comp_campus(s),
        "tech": lambda: comp_tech(s),
        "eco": lambda: comp_eco(s),
        "energy": lambda: comp_energy(s),
        "aero": lambda: comp_aero(s),
        "materials": lambda: comp_materials(s),
        "biomed": lambda: comp_biomed(s),
        "map": lambda: comp_map(s, geo),
        "chain": lambda: comp_chain(s),
        "invest": lambda: comp_invest(s),
    }[kind]()


# ------------------------------------------------------------------------------- text

def fit(draw, text, size, bold, maxw):
    while size > 18:
        f = font(size, bold)
        if draw.textlength(text, font=f) <= maxw:
            return f
        size -= 2
    return font(size, bold)


def sample_tag(img, text=SAMPLE_TAG, size=26):
    d = ImageDraw.Draw(img, "RGBA")
    f = font(size, True)
    tw = d.textlength(text, font=f)
    pad = size * 0.6
    x1 = img.width - size
    x0 = x1 - tw - 2 * pad
    y0 = size
    y1 = y0 + size * 1.9
    d.rounded_rectangle([x0, y0, x1, y1], radius=size * 0.5, fill=(255, 255, 255, 215), outline=(40, 40, 40, 120), width=2)
    d.text(((x0 + x1) / 2, (y0 + y1) / 2), text, font=f, fill=(40, 40, 40, 255), anchor="mm")


def label(img, title_zh, title_en, kicker_zh, kicker_en, accent):
    """Bottom-left caption panel: kicker, big Chinese title, English title."""
    w, h = img.size
    shadow = Image.new("RGBA", img.size, (0, 0, 0, 0))
    g = ImageDraw.Draw(shadow)
    for k in range(60):   # soft dark gradient at the bottom for legibility
        y = h - 330 + k * 5.5
        g.rectangle([0, y, w, y + 6], fill=(8, 12, 24, int(3.2 * k)))
    img.paste(shadow, (0, 0), shadow)
    d = ImageDraw.Draw(img, "RGBA")
    x = 64
    maxw = w - 2 * x
    fk = font(28, True)
    kicker = f"{kicker_zh} · {kicker_en}"
    d.rounded_rectangle([x, h - 262, x + 10, h - 226], radius=3, fill=accent + (255,))
    d.text((x + 24, h - 244), kicker, font=fk, fill=(235, 240, 245, 235), anchor="lm")
    fz = fit(d, title_zh, 74, True, maxw)
    d.text((x, h - 112), title_zh, font=fz, fill=(255, 255, 255, 255), anchor="ls")
    fe = fit(d, title_en, 38, False, maxw)
    d.text((x, h - 52), title_en, font=fe, fill=(225, 232, 240, 255), anchor="ls")
    brand = "镇江产业招商地图 · Zhenjiang Industrial Investment Map"
    d.text((64, 48), brand, font=font(22), fill=(255, 255, 255, 170), anchor="lm")


def scene_for(p, parks, colours, geo):
    """The clean picture (no text) for a photos.toml entry, its titles and accent colour."""
    kind, time, acc, tz, te, kz, ke = SPECS[p["id"]]
    accent = colours.get(acc, acc)
    if tz is None:
        park = parks[p["park"]]
        tz, te = park["name"]["zh"], park["name"]["en"]
    s = Scene(p["id"], time, accent)
    compose(kind, s, geo)
    return s.finish(), (tz, te, kz, ke), accent


def content_tables():
    import json
    parks = {p["id"]: p for p in load("parks.toml")["park"]}
    colours = {i["id"]: i["color"] for i in load("industries.toml")["industry"]}
    geo = json.loads((CONTENT / "geo" / "zhenjiang-districts.geojson").read_text())
    return parks, colours, geo


def make_photos():
    PHOTOS.mkdir(parents=True, exist_ok=True)
    photos = load("photos.toml")["photo"]
    parks, colours, geo = content_tables()
    missing = [p["id"] for p in photos if p["id"] not in SPECS]
    if missing:
        sys.exit(f"make-media.py: no composition in SPECS for photo ids: {', '.join(missing)}")
    total = 0
    for p in photos:
        img, (tz, te, kz, ke), accent = scene_for(p, parks, colours, geo)
        label(img, tz, te, kz, ke, hexrgb(accent))
        sample_tag(img)
        out = CONTENT / p["file"]
        img.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=False)
        size = out.stat().st_size
        total += size
        print(f"  {out.relative_to(CONTENT)}  {size // 1024} KB")
    print(f"{len(photos)} photos, {total / 1e6:.2f} MB")


# ------------------------------------------------------------------------------- video

VW, VH, FPS = 1280, 720, 25
SEG, FADE = 6.0, 1.0          # seconds per picture, crossfade length

# (picture, zh subtitle, en subtitle). A picture starting with "card:" is a title card.
STORY = [
    ("card:title", "镇江产业招商地图 · 开发区速览(示例影片)",
     "Zhenjiang Industrial Investment Map: the development zones at a glance (sample film)"),
    ("city-1", "2019年,镇江9个省级及以上开发区撑起了全市经济的“半壁江山”。",
     "In 2019, Zhenjiang's nine provincial-and-above development zones carried more than half of the city's economy."),
    ("card:figures-1", "它们贡献了全市52.3%的GDP、72.8%的实到外资和68%的出口。",
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
    ("card:end", "触摸屏幕,探索镇江的园区与产业。画面均为示例图像。",
     "Touch the screen to explore Zhenjiang's zones and industries. All pictures are sample images."),
]


def card(kind):
    """A 1600x900 (16:9) title card, marked as a sample film."""
    s = Scene("card-" + kind, "night", "#56B4E9")
    if kind == "title":
        comp_river_skyline(s, night=True)
    else:
        s.grid(30, 0.04, 0, 1)
        s.glow_band(0.5, 40)
    img = s.finish().crop((0, 50, W, 950))
    CW, CH = img.size
    d = ImageDraw.Draw(img, "RGBA")
    if kind in ("title", "end"):
        d.rectangle([0, 0, CW, CH], fill=(5, 10, 30, 120))
        if kind == "title":
            lines = [("镇江产业招商地图", 96, True), ("Zhenjiang Industrial Investment Map", 46, False), ("开发区速览 · The development zones at a glance", 34, False)]
        else:
            lines = [("触摸屏幕 开始探索", 88, True), ("Touch the screen to explore", 46, False), ("镇江市商务局 · Zhenjiang Municipal Bureau of Commerce", 30, False)]
        y = CH * 0.36
        for text, size, bold in lines:
            d.text((CW / 2, y), text, font=font(size, bold), fill=(255, 255, 255, 255), anchor="mm")
            y += size * 1.6
    else:
        d.text((CW / 2, 170), "2019 · 全市9个省级及以上开发区贡献", font=font(50, True), fill=(255, 255, 255), anchor="mm")
        d.text((CW / 2, 238), "What the city's 9 provincial-and-above zones delivered in 2019", font=font(32), fill=(215, 225, 240), anchor="mm")
        figs = [("52.3%", "地区生产总值", "of GDP", "#E69F00"), ("72.8%", "实到外资", "of utilised foreign investment", "#56B4E9"),
                ("68%", "出口总额", "of exports", "#009E73"), ("45.7%", "固定资产投资", "of fixed-asset investment", "#CC79A7"),
                ("49.3%", "一般预算收入", "of general budget revenue", "#F0E442")]
        for k, (v, zh, en, c) in enumerate(figs):
            cx = CW * (0.14 + 0.18 * k)
            d.text((cx, 440), v, font=font(72, True), fill=hexrgb(c), anchor="mm")
            d.text((cx, 525), zh, font=font(32, True), fill=(255, 255, 255), anchor="mm")
            d.text((cx, 572), en, font=fit(d, en, 22, False, CW * 0.17), fill=(210, 220, 235), anchor="mm")
        d.text((CW / 2, 700), "资料来源:镇江市商务局 · Source: Zhenjiang Municipal Bureau of Commerce", font=font(24), fill=(190, 200, 220), anchor="mm")
    return img


def overlay(title=None):
    """The fixed text layer of a video segment: the sample tag and, for pictures, a small title
    at the top left (the bottom is left free for the kiosk's subtitles)."""
    lay = Image.new("RGBA", (VW, VH), (0, 0, 0, 0))
    if title:
        tz, te, accent = title
        g = ImageDraw.Draw(lay)
        for k in range(40):
            g.rectangle([0, k * 4, VW, k * 4 + 4], fill=(8, 12, 24, int(150 - 3.7 * k)))
        g.rounded_rectangle([40, 34, 48, 104], radius=3, fill=accent + (255,))
        g.text((64, 64), tz, font=fit(g, tz, 44, True, VW * 0.62), fill=(255, 255, 255, 255), anchor="ls")
        g.text((64, 100), te, font=fit(g, te, 24, False, VW * 0.62), fill=(225, 232, 240, 255), anchor="ls")
    sample_tag(lay, "示例影片 · Sample film", 24)
    return lay


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


def make_video():
    if not shutil.which("ffmpeg"):
        sys.exit("make-media.py: ffmpeg not found (apt-get install ffmpeg)")
    VIDEO.mkdir(parents=True, exist_ok=True)
    parks, colours, geo = content_tables()
    photos = {p["id"]: p for p in load("photos.toml")["photo"]}
    pics, overlays, kbs = [], [], []
    for k, (pic, _, _) in enumerate(STORY):
        r = random.Random(500 + k)
        if pic.startswith("card:"):
            pics.append(card(pic[5:]))
            overlays.append(overlay())
            kbs.append((1.0, 1.03, 0.5, 0.5, 0.5, 0.5))
        else:
            img, (tz, te, _, _), accent = scene_for(photos[pic], parks, colours, geo)
            pics.append(img)
            overlays.append(overlay((tz, te, hexrgb(accent))))
            zoom_in = r.random() < 0.6
            z = (1.0, 1.1) if zoom_in else (1.1, 1.0)
            ax, bx = (0.3, 0.7) if r.random() < 0.5 else (0.7, 0.3)
            kbs.append((z[0], z[1], ax, r.uniform(0.4, 0.8), bx, r.uniform(0.4, 0.8)))
    n = len(pics)
    step = SEG - FADE
    total = step * (n - 1) + SEG
    frames = int(round(total * FPS))
    # subtitles: one cue per picture, shown while it is (mostly) on screen
    for lang, idx in (("zh", 1), ("en", 2)):
        cues = []
        for k, item in enumerate(STORY):
            start = k * step + (0.3 if k else 0.5)
            end = k * step + SEG - FADE - 0.1 if k < n - 1 else total - 0.5
            cues.append(f"{k + 1}\n{srt_time(start)} --> {srt_time(end)}\n{item[idx]}\n")
        (VIDEO / f"promo.{lang}.srt").write_text("\n".join(cues), encoding="utf-8")
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

    def seg_frame(j, local):
        f = ken_burns(pics[j], local / SEG, kbs[j])
        f.paste(overlays[j], (0, 0), overlays[j])
        return f

    for f in range(frames):
        t = f / FPS
        k = min(int(t // step), n - 1)
        on = [(j, t - j * step) for j in (k - 1, k) if j >= 0 and 0 <= t - j * step <= SEG]
        if len(on) == 2:
            a = ease(min(1.0, on[1][1] / FADE))
            frame = Image.blend(seg_frame(*on[0]), seg_frame(*on[1]), a)
        else:
            frame = seg_frame(*on[-1])
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
    a = ap.parse_args()
    both = not (a.photos or a.video)
    if a.photos or both:
        make_photos()
    if a.video or both:
        make_video()


if __name__ == "__main__":
    main()
