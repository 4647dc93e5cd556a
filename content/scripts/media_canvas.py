"""Drawing primitives for the generated sample pictures: a canvas with photographic effects.

Pure Pillow (Debian's python3-pil, no numpy): gradients, soft glows, value-noise clouds and mist,
ridges that fade into the haze with distance, water that reflects what stands above it, bloom,
film grain and a vignette. No text is ever drawn: captions, titles and sample tags belong to
the kiosk's UI.

Deterministic: everything random comes from one random.Random seeded by the picture's id, so
the same id always gives the same picture. Shapes are drawn into 2x masks and downsampled
(anti-aliased edges); colours are composited at the final size.

[SECTION] index: colours · gradients and masks · Canvas (light, sky, land, water, finish)
"""
import hashlib
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

SS = 2  # supersampling of shape masks


# [SECTION] colours

def hexrgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def rgb(c):
    return hexrgb(c) if isinstance(c, str) else tuple(c)


def mix(a, b, t):
    a, b = rgb(a), rgb(b)
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def shade(c, f):
    """f < 0 darkens toward black, f > 0 lightens toward white."""
    return mix(c, (0, 0, 0), -f) if f < 0 else mix(c, (255, 255, 255), f)


def seed_of(text):
    return int(hashlib.sha256(text.encode()).hexdigest()[:16], 16)


# [SECTION] gradients and masks

def _stops(stops):
    """Colour stops as [(t, colour)]; a plain list is spread evenly over 0..1."""
    if stops and isinstance(stops[0], tuple) and len(stops[0]) == 2 and not isinstance(stops[0][0], int):
        return [(float(t), c) for t, c in stops]
    n = len(stops)
    return [(k / (n - 1), c) for k, c in enumerate(stops)]


def _at(stops, t):
    for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
        if t <= t1:
            return c0, c1, 0.0 if t1 == t0 else max(0.0, (t - t0) / (t1 - t0))
    return stops[-1][1], stops[-1][1], 0.0


def vgradient(w, h, stops):
    """An RGB image whose rows run through the colour stops from top to bottom."""
    st = [(t, rgb(c)) for t, c in _stops(stops)]
    rows = []
    for y in range(h):
        a, b, k = _at(st, y / max(1, h - 1))
        rows.append(mix(a, b, k))
    strip = Image.new("RGB", (1, h))
    strip.putdata(rows)
    return strip.resize((w, h), Image.NEAREST)


def vramp(w, h, stops):
    """An L image (a mask) whose rows run through the values in stops [(t, 0..255)]."""
    st = _stops(stops)
    rows = []
    for y in range(h):
        a, b, k = _at(st, y / max(1, h - 1))
        rows.append(int(round(a + (b - a) * k)))
    strip = Image.new("L", (1, h))
    strip.putdata(rows)
    return strip.resize((w, h), Image.NEAREST)


def radial(size, falloff=1.0, strength=1.0):
    """An L disc, bright in the middle and fading to 0 at the rim (falloff > 1: tighter core)."""
    # radial_gradient holds the distance from the centre (128 at the rim of the inscribed disc)
    g = ImageOps.invert(Image.radial_gradient("L"))
    lut = [int(255 * strength * max(0.0, (v - 127) / 128) ** falloff) for v in range(256)]
    g = g.point(lut)
    return g.resize((max(1, int(size[0])), max(1, int(size[1]))), Image.BILINEAR)


def scale_mask(m, k):
    """Multiply a mask by k (0..1)."""
    return m.point([int(v * k) for v in range(256)])


def curve(m, lo, hi):
    """Map mask values lo..hi to 0..255 (a soft threshold)."""
    span = max(1, hi - lo)
    return m.point([max(0, min(255, int((v - lo) * 255 / span))) for v in range(256)])


# [SECTION] Canvas

class Canvas:
    """One picture. Coordinates are fractions of the width (x) and height (y)."""

    def __init__(self, seed_text, w=1920, h=1200):
        self.w, self.h = w, h
        self.rng = random.Random(seed_of(seed_text))
        self.img = Image.new("RGB", (w, h))

    def X(self, x):
        return x * self.w

    def Y(self, y):
        return y * self.h

    def uniform(self, a, b):
        return self.rng.uniform(a, b)

    # -- masks and painting

    def mask(self):
        """A blank 2x shape mask and a drawer whose coordinates are fractions of the picture."""
        m = Image.new("L", (self.w * SS, self.h * SS), 0)
        return m, _FracDraw(ImageDraw.Draw(m), self.w * SS, self.h * SS)

    def paint(self, mask, fill, opacity=1.0):
        """Composite fill (a colour or a canvas-sized RGB image) through mask (1x or 2x)."""
        if mask.size != self.img.size:
            mask = mask.resize(self.img.size, Image.BOX)
        if opacity < 1.0:
            mask = scale_mask(mask, opacity)
        if isinstance(fill, Image.Image):
            self.img.paste(fill, (0, 0), mask)
        else:
            self.img.paste(rgb(fill), (0, 0, self.w, self.h), mask)

    def shape(self, draw_fn, fill, opacity=1.0, blur=0.0):
        """Draw a shape with draw_fn(drawer) and paint it (optionally with soft edges)."""
        m, d = self.mask()
        draw_fn(d)
        m = m.resize(self.img.size, Image.BOX)
        if blur:
            m = m.filter(ImageFilter.GaussianBlur(blur))
        self.paint(m, fill, opacity)
        return m

    def draw(self):
        """A direct 1x RGBA drawer in pixels, for small details where aliasing does not show."""
        return ImageDraw.Draw(self.img, "RGBA")

    def soft_blur(self, radius):
        """A cheap large blur: downscale, blur, upscale."""
        k = max(1, int(radius // 4))
        small = self.img.resize((self.w // k, self.h // k), Image.BILINEAR)
        small = small.filter(ImageFilter.GaussianBlur(radius / k))
        return small.resize((self.w, self.h), Image.BILINEAR)

    def defocus(self, radius):
        """Everything drawn so far goes out of focus (depth of field for the layers in front)."""
        self.img = self.soft_blur(radius) if radius > 3 else self.img.filter(ImageFilter.GaussianBlur(radius))

    # -- noise

    def noise(self, cells_x, cells_y):
        data = self.rng.randbytes(cells_x * cells_y)
        small = Image.frombytes("L", (cells_x, cells_y), data)
        return small.resize((self.w, self.h), Image.BICUBIC)

    def fractal(self, cells_x, cells_y, octaves=4):
        """Smooth value noise with finer octaves on top (clouds, mist, foliage)."""
        acc = self.noise(cells_x, cells_y)
        for k in range(1, octaves):
            acc = Image.blend(acc, self.noise(cells_x * 2 ** k, cells_y * 2 ** k), 0.42 / k)
        return ImageOps.autocontrast(acc, cutoff=1)

    # -- light and sky

    def sky(self, stops):
        self.img = vgradient(self.w, self.h, stops)

    def glow(self, x, y, rx, colour, strength=0.8, falloff=2.0, ry=None):
        """A soft light: an elliptical radial falloff of colour centred at (x, y)."""
        ry = rx if ry is None else ry
        g = radial((self.X(rx) * 2, self.X(ry) * 2), falloff, strength)
        m = Image.new("L", self.img.size, 0)
        m.paste(g, (int(self.X(x) - g.width / 2), int(self.Y(y) - g.height / 2)))
        self.paint(m, colour)

    def sun(self, x, y, r, colour, halo=0.35, halo_colour=None):
        self.glow(x, y, halo, halo_colour or colour, 0.55, 2.4)
        self.glow(x, y, r * 3, colour, 0.8, 3.0)
        self.shape(lambda d: d.ellipse(x - r, y - r * self.w / self.h, x + r, y + r * self.w / self.h), colour, 1.0, 1.2)

    def clouds(self, top, bottom, colour, shadow, coverage=0.45, opacity=0.8, cells=(5, 14)):
        """Soft, horizontally stretched clouds between top and bottom, lit from above."""
        field = self.fractal(*cells, octaves=4)
        lo = int(255 * (1 - coverage))
        m = curve(field, lo, min(255, lo + 90))
        band = vramp(self.w, self.h, [(0.0, 0), (max(0.0, top), 0), (top + (bottom - top) * 0.35, 255),
                                      (bottom, 0), (1.0, 0)])
        m = ImageChops.multiply(m, band)
        self.paint(m, shadow, opacity * 0.9)
        lit = ImageChops.offset(m, 0, -int(self.h * 0.008))
        lit = ImageChops.multiply(lit, curve(field, lo + 30, min(255, lo + 140)))
        self.paint(lit, colour, opacity)

    def haze(self, top, bottom, colour, opacity=0.6, texture=0.0):
        """A band of mist that thickens toward its middle; texture > 0 makes it patchy."""
        mid = (top + bottom) / 2
        m = vramp(self.w, self.h, [(0.0, 0), (max(0.0, top), 0), (mid, 255), (min(1.0, bottom), 0), (1.0, 0)])
        if texture:
            field = curve(self.fractal(4, 10, 3), int(90 * texture), 255)
            m = ImageChops.multiply(m, field)
        self.paint(m, colour, opacity)

    def stars(self, n, top=0.0, bottom=0.45):
        d = self.draw()
        for _ in range(n):
            x, y = self.X(self.rng.random()), self.Y(self.uniform(top, bottom))
            r = self.rng.choice([0.6, 0.8, 1.0, 1.4])
            d.ellipse([x - r, y - r, x + r, y + r], fill=(255, 250, 235, self.rng.randint(60, 200)))

    # -- land

    def profile(self, base, amp, rough=0.55, peaks=(), n=256):
        """A ridge line: y (fraction) for n+1 points across, by midpoint displacement."""
        ys = [0.0] * (n + 1)
        ys[0], ys[n] = self.uniform(-1, 1), self.uniform(-1, 1)
        step, scale = n, 1.0
        while step > 1:
            half = step // 2
            for i in range(half, n, step):
                ys[i] = (ys[i - half] + ys[i + half]) / 2 + self.uniform(-1, 1) * scale
            step, scale = half, scale * rough
        lo, hi = min(ys), max(ys)
        out = []
        for i, v in enumerate(ys):
            x = i / n
            v = (v - lo) / max(1e-6, hi - lo)
            for px, pw, ph in peaks:
                v += ph * math.exp(-((x - px) / pw) ** 2)
            out.append((x, base - amp * v))
        return out

    def ridge(self, base, amp, colour, foot=None, rough=0.55, peaks=(), texture=0.0):
        """A hill ridge filled from its colour at the crest to foot (mist or shade) at base."""
        pts = self.profile(base, amp, rough, peaks)
        top = min(y for _, y in pts)
        m = self.shape(lambda d: d.polygon(pts + [(1.0, 1.0), (0.0, 1.0)]), colour)
        if foot is not None:
            fill = vgradient(self.w, self.h, [(0.0, colour), (max(0.0, top), colour), (min(1.0, base + 0.02), foot), (1.0, foot)])
            self.paint(m, fill)
        if texture:
            tex = curve(self.fractal(60, 40, 2), 120, 255)
            self.paint(ImageChops.multiply(m, tex), shade(colour, -0.25), texture)
        return pts

    def ground(self, top, stops):
        g = vgradient(self.w, self.h, [(0.0, stops[0]), (top, stops[0])] + [(top + (1 - top) * (k + 1) / len(stops), c) for k, c in enumerate(stops)])
        m = vramp(self.w, self.h, [(0.0, 0), (top, 0), (top + 0.001, 255), (1.0, 255)])
        self.paint(m, g)

    def trees(self, base, x0, x1, size, colour, depth_jitter=0.2, density=1.0):
        """A row of soft round tree crowns standing on base, lit from the upper left."""
        m, d = self.mask()
        x = x0
        crowns = []
        while x < x1:
            r = size * self.uniform(0.7, 1.3)
            cy = base - r * 1.1 * self.w / self.h
            crowns.append((x, cy, r))
            x += size * self.uniform(0.9, 1.6) / density
        for cx, cy, r in crowns:
            ry = r * self.w / self.h
            d.ellipse(cx - r, cy - ry, cx + r, cy + ry)
            d.rect(cx - r * 0.12, cy, cx + r * 0.12, base)
        m = m.resize(self.img.size, Image.BOX)
        self.paint(m, shade(colour, -0.2))
        lit, ld = self.mask()
        for cx, cy, r in crowns:
            ry = r * self.w / self.h
            ld.ellipse(cx - r * 0.85, cy - ry * 0.95, cx + r * 0.55, cy + ry * 0.45)
        lit = lit.resize(self.img.size, Image.BOX).filter(ImageFilter.GaussianBlur(self.X(size) * 0.25))
        self.paint(ImageChops.multiply(lit, m), shade(colour, 0.18), 0.8)

    # -- water

    def water(self, top, far, near, reflect=0.55, ripple=1.0, sun_x=None, glitter=(255, 240, 210), lights=False):
        """Water from top down: the mirrored scene above it, rippled and smeared sideways,
        tinted from far to near, with wave lines and a glitter path under the sun."""
        wl = int(self.Y(top))
        hh = self.h - wl
        src = self.img.crop((0, max(0, wl - hh), self.w, wl))
        refl = ImageOps.flip(src)
        if refl.height < hh:
            pad = Image.new("RGB", (self.w, hh), rgb(far))
            pad.paste(refl, (0, 0))
            refl = pad
        out = refl.copy()
        phase = self.uniform(0, 6.3)
        y = 0
        while y < hh:
            k = y / hh
            band = 2 + int(k * 7)
            dx = int(math.sin(y * 0.09 + phase) * (2 + k * 16) * ripple + self.uniform(-1, 1) * (1 + k * 8) * ripple)
            out.paste(refl.crop((0, y, self.w, y + band)), (dx, y))
            y += band
        smear = 3 if lights else 6
        out = out.resize((self.w // smear, hh), Image.BILINEAR).resize((self.w, hh), Image.BILINEAR)
        tint = vgradient(self.w, hh, [far, near])
        alpha = vramp(self.w, hh, [(0.0, int(255 * (1 - reflect))), (1.0, int(255 * min(1.0, 1.25 - reflect)))])
        out = Image.composite(tint, out, alpha)
        self.img.paste(out, (0, wl))
        d = self.draw()
        hi = shade(far, 0.35)
        lo = shade(near, -0.3)
        for _ in range(int(160 * ripple)):
            k = self.rng.random() ** 1.6
            yy = wl + 2 + k * (hh - 2)
            xx = self.X(self.uniform(-0.05, 1.0))
            L = self.X(0.01 + 0.06 * k) * self.uniform(0.5, 1.5)
            c = hi if self.rng.random() < 0.5 else lo
            d.line([(xx, yy), (xx + L, yy)], fill=c + (int(self.uniform(15, 45)),), width=1 + int(k * 3))
        if sun_x is not None:
            glow = Image.new("L", self.img.size, 0)
            gd = ImageDraw.Draw(glow)
            for _ in range(380):
                k = self.rng.random() ** 1.3
                yy = wl + 1 + k * (hh - 1)
                spread = 0.012 + 0.09 * k
                xx = self.X(sun_x + self.rng.gauss(0, spread))
                L = self.X(0.004 + 0.03 * k) * self.uniform(0.4, 1.4)
                gd.line([(xx - L / 2, yy), (xx + L / 2, yy)], fill=int(self.uniform(110, 255)), width=1 + int(k * 3))
            glow = glow.filter(ImageFilter.GaussianBlur(1.4))
            self.paint(glow, glitter, 0.85)
        # a thin bright line where the far shore meets the water
        self.shape(lambda d: d.rect(0.0, top - 0.0015, 1.0, top + 0.0015), shade(far, 0.25), 0.5, 1.0)

    # -- finish

    def bloom(self, threshold=200, radius=30, strength=0.6):
        """Light spills around the brightest parts (sun, lamps, lit windows)."""
        lum = self.img.convert("L")
        m = curve(lum, threshold, 255)
        bright = Image.composite(self.img, Image.new("RGB", self.img.size), m)
        k = 4
        small = bright.resize((self.w // k, self.h // k), Image.BILINEAR).filter(ImageFilter.GaussianBlur(radius / k))
        glow = small.resize(self.img.size, Image.BILINEAR)
        self.img = Image.blend(self.img, ImageChops.screen(self.img, glow), strength)

    def vignette(self, strength=0.35):
        g = ImageOps.invert(radial((self.w * 1.5, self.h * 1.5), 0.6, 1.0))
        g = g.crop((int(self.w * 0.25), int(self.h * 0.25), int(self.w * 1.25), int(self.h * 1.25)))
        self.paint(curve(g, 60, 255), (0, 0, 0), strength)

    def grain(self, amount=5):
        """Monochrome film grain, softened a little so that it reads as grain, not pixels."""
        n = Image.frombytes("L", self.img.size, self.rng.randbytes(self.w * self.h))
        n = n.point([128 + (v - 128) * amount // 128 for v in range(256)]).filter(ImageFilter.GaussianBlur(0.6))
        self.img = ImageChops.add(self.img, Image.merge("RGB", (n, n, n)), 1.0, -128)

    def finish(self, grain=4, vignette=0.3, bloom=None):
        if bloom:
            self.bloom(*bloom)
        if vignette:
            self.vignette(vignette)
        if grain:
            self.grain(grain)
        return self.img


class _FracDraw:
    """ImageDraw with coordinates as fractions of the mask (x of its width, y of its height)."""

    def __init__(self, d, w, h):
        self.d, self.w, self.h = d, w, h

    def P(self, pts):
        return [(x * self.w, y * self.h) for x, y in pts]

    def polygon(self, pts, fill=255):
        self.d.polygon(self.P(pts), fill=fill)

    def rect(self, x0, y0, x1, y1, fill=255):
        self.d.rectangle([x0 * self.w, y0 * self.h, x1 * self.w, y1 * self.h], fill=fill)

    def ellipse(self, x0, y0, x1, y1, fill=255):
        self.d.ellipse([x0 * self.w, y0 * self.h, x1 * self.w, y1 * self.h], fill=fill)

    def line(self, pts, width, fill=255):
        """width in fractions of the picture's width."""
        self.d.line(self.P(pts), fill=fill, width=max(1, int(width * self.w)), joint="curve")

    def chord(self, x0, y0, x1, y1, a0, a1, fill=255):
        self.d.chord([x0 * self.w, y0 * self.h, x1 * self.w, y1 * self.h], a0, a1, fill=fill)
