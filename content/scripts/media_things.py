"""The things the sample pictures are made of, drawn on a media_canvas.Canvas.

Skylines of glass towers, a cable-stayed bridge, the Jinshan pagoda, clean factory halls with
solar roofs, port cranes, containers and ships, wind turbines, power pylons, solar fields,
cars, aircraft, industrial robots, and one-point-perspective interiors (data-centre aisle,
warehouse aisle, production hall). Nothing here draws smoke, chimneys or text.

Every function takes the canvas first; positions and sizes are fractions of the picture
(x of its width, y of its height) unless a name says otherwise.

[SECTION] index: city · river and port · industry and energy · transport · interiors · robots
"""
import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from media_canvas import mix, rgb, shade, vgradient


# [SECTION] city

def tower_box(c, x, bw, top, base, face, light, night=False, lit=0.3, accent=None, glass=True):
    """One tower: a lit face (sky reflected at the top), a shaded side and a floor grid."""
    X0, X1 = int(c.X(x)), int(c.X(x + bw))
    Y0, Y1 = int(c.Y(top)), int(c.Y(base))
    if X1 - X0 < 3 or Y1 - Y0 < 3:
        return
    side = max(2, int((X1 - X0) * 0.28))
    front = vgradient(X1 - X0 - side, Y1 - Y0, [light, face, shade(face, -0.12)])
    c.img.paste(front, (X0, Y0))
    c.img.paste(vgradient(side, Y1 - Y0, [shade(light, -0.3), shade(face, -0.35)]), (X1 - side, Y0))
    d = c.draw()
    floor = max(4, int(c.h * 0.0075))
    if night:
        warm = (255, 214, 150)
        for yy in range(Y0 + floor, Y1 - 2, floor):
            xx = X0 + 2
            while xx < X1 - side - 3:
                ww = max(2, int(c.uniform(2, 6)))
                if c.rng.random() < lit:
                    col = accent if accent and c.rng.random() < 0.2 else warm
                    d.rectangle([xx, yy - floor + 3, xx + ww, yy - 2], fill=col + (int(c.uniform(120, 235)),))
                xx += ww + 2
    else:
        grid = shade(face, -0.25) + (60,)
        for yy in range(Y0 + floor, Y1, floor):
            d.line([(X0, yy), (X1 - side, yy)], fill=grid, width=1)
        if glass:
            step = max(4, (X1 - X0) // 9)
            for xx in range(X0 + step, X1 - side, step):
                d.line([(xx, Y0), (xx, Y1)], fill=shade(face, -0.15) + (45,), width=1)


def skyline(c, base, x0, x1, hmin, hmax, face, light, night=False, lit=0.3, accent=None,
            widths=(0.022, 0.055), cluster=0.5, spread=0.22, crowns=True):
    """A row of towers, tallest around cluster (keep it inside the portrait-safe middle)."""
    x = x0
    towers = []
    while x < x1:
        bw = c.uniform(*widths)
        env = math.exp(-((x + bw / 2 - cluster) / spread) ** 2)
        bh = (hmin + (hmax - hmin) * env) * c.uniform(0.65, 1.05)
        towers.append((x, bw, bh))
        x += bw + c.uniform(-0.004, 0.006)
    towers.sort(key=lambda t: t[2])      # short ones first: the tall ones stand in front
    for x, bw, bh in towers:
        top = base - bh
        tower_box(c, x, bw, top, base, face, light, night, lit, accent)
        if crowns and c.rng.random() < 0.3:
            mid = x + bw * 0.36
            col = shade(light, -0.1)
            c.shape(lambda d: d.polygon([(x + bw * 0.15, top), (mid, top - 0.035), (x + bw * 0.57, top)]), col)
            if night:
                c.glow(mid, top - 0.035, 0.006, accent or (255, 90, 80), 0.9, 2.0)
    return towers


def pagoda(c, x, base, hgt, col, levels=7):
    """A slim seven-storey pagoda with upturned eaves and a finial."""
    lh = hgt / (levels + 1.4)
    m, d = c.mask()
    y = base
    for k in range(levels):
        wb = 0.020 * (1 - 0.07 * k) * hgt / 0.2
        we = wb * 1.7
        d.rect(x - wb / 2, y - lh * 0.78, x + wb / 2, y)
        d.polygon([(x - we / 2, y - lh * 0.70), (x - we * 0.36, y - lh * 0.80), (x + we * 0.36, y - lh * 0.80),
                   (x + we / 2, y - lh * 0.70), (x + wb * 0.45, y - lh), (x - wb * 0.45, y - lh)])
        y -= lh
    d.polygon([(x - 0.003, y), (x + 0.003, y), (x, y - lh * 1.4)])
    c.paint(m, col)


def temple_roofs(c, x0, x1, base, col):
    m, d = c.mask()
    x = x0
    while x < x1:
        w = c.uniform(0.03, 0.06)
        h = c.uniform(0.012, 0.02)
        d.rect(x + w * 0.1, base - h, x + w * 0.9, base)
        d.polygon([(x - w * 0.08, base - h), (x + w * 0.2, base - h * 2.1), (x + w * 0.8, base - h * 2.1), (x + w * 1.08, base - h)])
        x += w + c.uniform(0.0, 0.02)
    c.paint(m, col)


def cable_bridge(c, base, deck, towers=(0.40, 0.60), top=0.18, col=(235, 238, 242), lights=None):
    """A cable-stayed bridge: a thin deck across the picture, two H towers, fans of stays."""
    m, d = c.mask()
    d.rect(-0.02, deck - 0.006, 1.02, deck)
    thin = 0.0011
    for tx in towers:
        for dx in (-0.006, 0.006):
            d.polygon([(tx + dx - 0.0035, base), (tx + dx + 0.0035, base), (tx + dx * 0.6 + 0.0025, top), (tx + dx * 0.6 - 0.0025, top)])
        d.rect(tx - 0.008, deck - 0.004, tx + 0.008, deck + 0.002)
        d.rect(tx - 0.006, top + 0.05, tx + 0.006, top + 0.056)
        for k in range(1, 12):
            for s in (-1, 1):
                ax = tx + s * 0.0125 * k
                d.line([(tx, top + 0.006 * k), (ax, deck - 0.006)], thin)
    c.paint(m, col)
    if lights:
        dd = c.draw()
        for k in range(90):
            x = c.X(k / 89)
            dd.ellipse([x - 2, c.Y(deck) - 8, x + 2, c.Y(deck) - 4], fill=rgb(lights) + (220,))


# [SECTION] river and port

def containers(c, base, x0, x1, rows, palette, haze, haze_k=0.15, cw=0.034, chh=0.026):
    d = c.draw()
    x = x0
    while x + cw < x1:
        stack = c.rng.choice([1, 2, 2, 3, 3, rows, rows])
        for r in range(stack):
            col = mix(c.rng.choice(palette), haze, haze_k)
            y1 = base - r * chh
            X0, X1, Y0, Y1 = c.X(x), c.X(x + cw), c.Y(y1 - chh), c.Y(y1)
            d.rectangle([X0, Y0, X1, Y1], fill=col, outline=shade(col, -0.3))
            d.line([(X0, Y0 + 1), (X1, Y0 + 1)], fill=shade(col, 0.25) + (200,))
            for k in range(1, 8):
                xx = X0 + (X1 - X0) * k / 8
                d.line([(xx, Y0 + 2), (xx, Y1 - 2)], fill=shade(col, -0.15) + (140,))
        x += cw + 0.0015


def sts_crane(c, x, base, hgt, col, boom_out=0.13, flip=False):
    """A ship-to-shore gantry crane: A-frame legs, a horizontal boom out over the water."""
    s = -1 if flip else 1
    m, d = c.mask()
    w = 0.0042
    top = base - hgt
    for lx in (x - 0.022, x + 0.022):
        d.polygon([(lx - w, base), (lx + w, base), (lx + w * 0.7, top + hgt * 0.35), (lx - w * 0.7, top + hgt * 0.35)])
    d.rect(x - 0.026, top + hgt * 0.33, x + 0.026, top + hgt * 0.37)
    d.line([(x - 0.022, base), (x + 0.022, top + hgt * 0.35)], 0.0016)
    d.line([(x + 0.022, base), (x - 0.022, top + hgt * 0.35)], 0.0016)
    d.rect(x - 0.06 * s if s > 0 else x - boom_out, top + hgt * 0.36, x + boom_out if s > 0 else x + 0.06, top + hgt * 0.40)
    d.polygon([(x - 0.01, top + hgt * 0.36), (x + 0.01, top + hgt * 0.36), (x + 0.004, top), (x - 0.004, top)])
    d.line([(x, top), (x + s * boom_out * 0.95, top + hgt * 0.36)], 0.0012)
    d.line([(x, top), (x - s * 0.055, top + hgt * 0.36)], 0.0012)
    d.rect(x + s * 0.03 - 0.008, top + hgt * 0.40, x + s * 0.03 + 0.008, top + hgt * 0.43)
    c.paint(m, col)


def ship(c, x, y, L, hull, deck_palette, haze, haze_k=0.2):
    """A container ship seen side-on, bow to the right; y is the waterline."""
    m, d = c.mask()
    d.polygon([(x, y - 0.035), (x + L, y - 0.035), (x + L * 0.97, y), (x + L * 0.05, y)])
    d.rect(x + L * 0.04, y - 0.1, x + L * 0.14, y - 0.035)
    d.rect(x + L * 0.07, y - 0.12, x + L * 0.11, y - 0.1)
    c.paint(m, hull)
    c.shape(lambda dd: dd.rect(x + L * 0.02, y - 0.012, x + L * 0.97, y), (150, 40, 40), 0.9)
    dd = c.draw()
    bx = x + L * 0.17
    while bx < x + L * 0.93:
        for r in range(c.rng.choice([2, 3, 3, 4])):
            col = mix(c.rng.choice(deck_palette), haze, haze_k)
            dd.rectangle([c.X(bx), c.Y(y - 0.035 - (r + 1) * 0.016), c.X(bx + L * 0.05), c.Y(y - 0.035 - r * 0.016)],
                         fill=col, outline=shade(col, -0.3))
        bx += L * 0.053
    dd.rectangle([c.X(x + L * 0.05), c.Y(y - 0.095), c.X(x + L * 0.13), c.Y(y - 0.09)], fill=(230, 235, 240, 200))


def quay(c, top, col):
    c.shape(lambda d: d.rect(-0.01, top, 1.01, top + 0.018), col)
    c.shape(lambda d: d.rect(-0.01, top + 0.016, 1.01, top + 0.02), shade(col, -0.4))


# [SECTION] industry and energy

def factory_hall(c, x, w, base, hgt, wall, roof, stripe, glass=(120, 160, 200), solar=True, sawtooth=False):
    """A clean modern hall: panelled light walls, a coloured band, a glazed strip, a flat or
    sawtooth roof (north lights), solar panels on top. No chimney."""
    top = base - hgt
    X0, X1, Y0, Y1 = int(c.X(x)), int(c.X(x + w)), int(c.Y(top)), int(c.Y(base))
    c.img.paste(vgradient(X1 - X0, Y1 - Y0, [shade(wall, 0.1), wall, shade(wall, -0.12)]), (X0, Y0))
    d = c.draw()
    for xx in range(X0, X1, max(6, (X1 - X0) // 40)):
        d.line([(xx, Y0), (xx, Y1)], fill=shade(wall, -0.12) + (90,))
    gy = Y0 + int((Y1 - Y0) * 0.42)
    d.rectangle([X0, gy, X1, gy + max(4, int((Y1 - Y0) * 0.16))], fill=rgb(glass) + (235,))
    d.rectangle([X0, Y0 + int((Y1 - Y0) * 0.10), X1, Y0 + int((Y1 - Y0) * 0.15)], fill=rgb(stripe) + (255,))
    d.rectangle([X0, Y0 - 3, X1, Y0 + 1], fill=shade(roof, -0.2))
    if sawtooth:
        n = max(3, int(w / 0.03))
        pts = [(x, top)]
        for k in range(n):
            a = x + w * k / n
            b = x + w * (k + 1) / n
            pts += [(a, top), (a + (b - a) * 0.8, top - 0.022), (b, top)]
        c.shape(lambda m: m.polygon(pts + [(x + w, top)]), roof)
    elif solar:
        step = max(8, int(c.X(0.012)))
        for xx in range(X0 + 4, X1 - step, step):
            d.polygon([(xx, Y0 - 2), (xx + step - 3, Y0 - 2), (xx + step - 6, Y0 - 8), (xx + 3, Y0 - 8)], fill=(40, 70, 120, 255), outline=(140, 170, 210, 200))
    # loading doors
    dw = max(8, int((X1 - X0) * 0.06))
    for k in range(2, 9, 3):
        dx = X0 + (X1 - X0) * k // 10
        d.rectangle([dx, Y1 - int((Y1 - Y0) * 0.28), dx + dw, Y1], fill=shade(wall, -0.3) + (255,))


def solar_field(c, top, bottom, frame, cell, sky_tint, rows=9, vx=0.5):
    """Rows of tilted panels receding toward a vanishing point, glinting with the sky."""
    d = c.draw()
    for r in range(rows):
        t0 = (r / rows) ** 1.8
        t1 = ((r + 0.72) / rows) ** 1.8
        y0, y1 = top + (bottom - top) * t0, top + (bottom - top) * t1
        spread0, spread1 = 0.6 + 2.2 * t0, 0.6 + 2.2 * t1
        x0a, x1a = vx - spread0, vx + spread0
        x0b, x1b = vx - spread1, vx + spread1
        n = 10 + r * 2
        for k in range(n):
            a0 = x0a + (x1a - x0a) * k / n
            a1 = x0a + (x1a - x0a) * (k + 0.94) / n
            b0 = x0b + (x1b - x0b) * k / n
            b1 = x0b + (x1b - x0b) * (k + 0.94) / n
            glint = mix(cell, sky_tint, 0.25 + 0.5 * (1 - t0) * c.uniform(0.6, 1.0))
            d.polygon([(c.X(a0), c.Y(y0)), (c.X(a1), c.Y(y0)), (c.X(b1), c.Y(y1)), (c.X(b0), c.Y(y1))], fill=glint, outline=rgb(frame))
            for j in range(1, 4):
                ya = y0 + (y1 - y0) * j / 4
                xa = a0 + (b0 - a0) * j / 4
                xb = a1 + (b1 - a1) * j / 4
                d.line([(c.X(xa), c.Y(ya)), (c.X(xb), c.Y(ya))], fill=rgb(frame) + (120,))
        d.rectangle([0, c.Y(y1), c.w, c.Y(y1) + max(2, int(c.Y(0.004 + 0.01 * t1)))], fill=shade(frame, -0.5) + (160,))


def turbine(c, x, base, hgt, col, angle=0.3, shadow=None):
    top = base - hgt
    L = hgt * 0.5
    m, d = c.mask()
    d.polygon([(x - 0.0032, base), (x + 0.0032, base), (x + 0.0014, top), (x - 0.0014, top)])
    d.ellipse(x - 0.004, top - 0.006, x + 0.006, top + 0.006)
    asp = c.w / c.h
    for k in range(3):
        a = angle + k * 2 * math.pi / 3
        ex, ey = x + L / asp * math.cos(a), top + L * math.sin(a)
        nx, ny = -math.sin(a) * 0.0028, math.cos(a) * 0.0028 * asp
        d.polygon([(x + nx, top + ny), (ex, ey), (x - nx * 0.3, top - ny * 0.3)])
    c.paint(m, col)
    if shadow:
        c.shape(lambda dd: dd.rect(x + 0.0004, top, x + 0.0032, base), shadow, 0.5)


def pylon(c, x, base, hgt, col, wire_to=None, sag=0.03):
    """A lattice power pylon with three cross-arms; wires droop to the next pylon."""
    top = base - hgt
    m, d = c.mask()
    wb, wt = hgt * 0.16, hgt * 0.025
    lw = 0.0011
    pts_l = [(x - wb / 2 + (wb - wt) / 2 * k / 10, base - hgt * k / 10) for k in range(11)]
    pts_r = [(x + wb / 2 - (wb - wt) / 2 * k / 10, base - hgt * k / 10) for k in range(11)]
    d.line(pts_l, lw * 1.6)
    d.line(pts_r, lw * 1.6)
    for k in range(10):
        d.line([pts_l[k], pts_r[k + 1]], lw)
        d.line([pts_r[k], pts_l[k + 1]], lw)
    arms = []
    for k, (ay, aw) in enumerate(((0.18, 0.11), (0.34, 0.14), (0.50, 0.11))):
        yy = top + hgt * ay
        ax = aw * hgt / 0.4
        d.line([(x - ax, yy), (x + ax, yy)], lw * 1.4)
        d.line([(x - ax, yy), (x - wt, yy + hgt * 0.03), (x + wt, yy + hgt * 0.03), (x + ax, yy)], lw)
        for j in range(1, 6):
            for sgn in (-1, 1):
                d.line([(x + sgn * ax * j / 6, yy), (x + sgn * ax * (j + 1) / 6 * 0.9, yy + hgt * 0.03 * (1 - j / 6))], lw * 0.7)
        arms.append((yy, aw * hgt / 0.4))
    c.paint(m, col)
    if wire_to:
        x2, base2, hgt2 = wire_to
        wm, wd = c.mask()
        for (yy, aw), k in zip(arms, range(3)):
            y2 = base2 - hgt2 + hgt2 * (0.18, 0.34, 0.50)[k]
            aw2 = (0.11, 0.14, 0.11)[k] * hgt2 / 0.4
            for s in (-1, 1):
                a = (x + s * aw * 0.95, yy + 0.004)
                b = (x2 + s * aw2 * 0.95, y2 + 0.004)
                pts = [(a[0] + (b[0] - a[0]) * t / 24, a[1] + (b[1] - a[1]) * t / 24 + sag * 4 * (t / 24) * (1 - t / 24)) for t in range(25)]
                wd.line(pts, 0.0007)
        c.paint(wm, col, 0.85)


# [SECTION] transport

def car(c, x, base, L, body, glass=(40, 55, 75)):
    """A modern car seen side-on (nose to the right)."""
    h = L * 0.30 * c.w / c.h
    m, d = c.mask()
    d.polygon([(x, base - h * 0.28), (x + L * 0.02, base - h * 0.55), (x + L * 0.25, base - h * 0.6), (x + L * 0.38, base - h),
               (x + L * 0.7, base - h), (x + L * 0.84, base - h * 0.6), (x + L * 0.99, base - h * 0.5), (x + L, base - h * 0.22),
               (x + L * 0.97, base - h * 0.12), (x + L * 0.03, base - h * 0.12)])
    c.paint(m, body)
    g, gd = c.mask()
    gd.polygon([(x + L * 0.30, base - h * 0.62), (x + L * 0.40, base - h * 0.93), (x + L * 0.68, base - h * 0.93), (x + L * 0.8, base - h * 0.62)])
    c.paint(g, glass)
    c.shape(lambda dd: dd.rect(x + L * 0.03, base - h * 0.6, x + L * 0.97, base - h * 0.56), shade(body, 0.45), 0.6)
    wr = L * 0.1
    for wx in (0.2, 0.8):
        c.shape(lambda dd: dd.ellipse(x + L * wx - wr, base - wr * c.w / c.h * 1.2, x + L * wx + wr, base + wr * c.w / c.h * 0.8), (25, 28, 32))
        c.shape(lambda dd: dd.ellipse(x + L * wx - wr * 0.5, base - wr * c.w / c.h * 0.7, x + L * wx + wr * 0.5, base + wr * c.w / c.h * 0.3), (170, 175, 182))


def airliner_side(c, x, base, L, body=(244, 246, 249), tail=(11, 61, 145)):
    """A twin-engine airliner standing on its gear, nose to the left."""
    k = c.w / c.h
    fh = L * 0.09 * k
    cy = base - L * 0.09 * k
    m, d = c.mask()
    d.ellipse(x, cy - fh / 2, x + L * 0.16, cy + fh / 2)
    d.rect(x + L * 0.08, cy - fh / 2, x + L * 0.86, cy + fh / 2)
    d.polygon([(x + L * 0.80, cy - fh / 2), (x + L, cy - fh * 0.35), (x + L, cy - fh * 0.1), (x + L * 0.86, cy + fh / 2)])
    c.paint(m, body)
    c.shape(lambda dd: dd.polygon([(x + L * 0.80, cy - fh / 2), (x + L * 0.88, cy - fh * 2.6), (x + L * 0.97, cy - fh * 2.6), (x + L * 0.995, cy - fh * 0.35)]), tail)
    c.shape(lambda dd: dd.polygon([(x + L * 0.40, cy + fh * 0.2), (x + L * 0.56, cy + fh * 0.2), (x + L * 0.70, cy + fh * 0.55), (x + L * 0.62, cy + fh * 0.6)]), shade(body, -0.2))
    c.shape(lambda dd: dd.ellipse(x + L * 0.36, cy + fh * 0.35, x + L * 0.5, cy + fh * 0.95), shade(body, -0.12))
    c.shape(lambda dd: dd.rect(x + L * 0.02, cy + fh * 0.02, x + L * 0.84, cy + fh * 0.12), tail, 0.9)
    dd = c.draw()
    for k2 in range(26):
        wx = c.X(x + L * (0.15 + 0.025 * k2))
        dd.rectangle([wx, c.Y(cy - fh * 0.2), wx + 3, c.Y(cy - fh * 0.05)], fill=(40, 50, 70, 200))
    for gx in (0.12, 0.5, 0.56):
        c.shape(lambda d2: d2.rect(x + L * gx, cy + fh * 0.4, x + L * gx + 0.003, base - 0.004), (60, 64, 70))
        c.shape(lambda d2: d2.ellipse(x + L * gx - 0.004, base - 0.012, x + L * gx + 0.007, base), (30, 32, 36))


def airliner_top(c, x, y, span, angle_deg, col=(245, 247, 250), trail=True):
    """An airliner seen from below as it climbs, with two contrails."""
    size = int(c.X(span) * 1.3)
    lay = Image.new("L", (size, size), 0)
    g = ImageDraw.Draw(lay)
    s = size
    cx, cy = s / 2, s / 2
    L = s * 0.42
    g.ellipse([cx - L, cy - s * 0.03, cx + L, cy + s * 0.03], fill=255)
    g.polygon([(cx - s * 0.02, cy), (cx + s * 0.12, cy), (cx - s * 0.14, cy + s * 0.36), (cx - s * 0.22, cy + s * 0.36)], fill=255)
    g.polygon([(cx - s * 0.02, cy), (cx + s * 0.12, cy), (cx - s * 0.14, cy - s * 0.36), (cx - s * 0.22, cy - s * 0.36)], fill=255)
    g.polygon([(cx - L * 0.8, cy), (cx - L * 0.68, cy), (cx - L * 0.92, cy - s * 0.12), (cx - L * 1.0, cy - s * 0.12)], fill=255)
    g.polygon([(cx - L * 0.8, cy), (cx - L * 0.68, cy), (cx - L * 0.92, cy + s * 0.12), (cx - L * 1.0, cy + s * 0.12)], fill=255)
    lay = lay.rotate(angle_deg, resample=Image.BICUBIC)
    m = Image.new("L", c.img.size, 0)
    m.paste(lay, (int(c.X(x) - s / 2), int(c.Y(y) - s / 2)))
    if trail:
        a = math.radians(angle_deg)
        tm = Image.new("L", c.img.size, 0)
        td = ImageDraw.Draw(tm)
        for side in (-1, 1):
            ox = -math.sin(a) * s * 0.12 * side
            oy = -math.cos(a) * s * 0.12 * side
            pts = []
            for k in range(60):
                dd = s * 0.25 + k * s * 0.09
                pts.append((c.X(x) - dd * math.cos(a) + ox, c.Y(y) + dd * math.sin(a) + oy))
            for k in range(len(pts) - 1):
                td.line([pts[k], pts[k + 1]], fill=max(0, 200 - k * 3), width=int(3 + k * 0.4))
        tm = tm.filter(ImageFilter.GaussianBlur(4))
        c.paint(tm, (255, 255, 255), 0.8)
    c.paint(m, col)


# [SECTION] interiors

def corridor(c, kind, fog, floor, accent, cx=0.5, cy=0.47, depth=16):
    """A one-point-perspective aisle: 'datacentre' (server racks with LEDs), 'warehouse'
    (pallet racking with boxes) or 'hall' (a production hall with trusses and skylights)."""
    asp = c.w / c.h
    f = 0.34

    def P(X, Y, Z):
        return (cx + X * f / Z, cy + Y * f * asp / Z)

    half = {"datacentre": 0.9, "warehouse": 1.0, "hall": 3.2}[kind]
    ceil = {"datacentre": -1.25, "warehouse": -2.6, "hall": -3.0}[kind]
    zfar = depth
    # background: far wall glow, ceiling and floor gradients
    c.sky([(0.0, shade(fog, -0.55)), (cy, fog), (1.0, shade(floor, -0.3))])
    c.glow(cx, cy, 0.35, shade(fog, 0.4), 0.7, 1.6)

    def fog_k(z):
        return min(1.0, (z / zfar) ** 0.8)

    d = c.draw()
    # ceiling lights: strips running along the aisle
    for lx in ((-0.35, 0.35) if kind != "hall" else (-2.0, -0.7, 0.7, 2.0)):
        for z in [1.2 + k * 1.1 for k in range(int(zfar))]:
            a, b = P(lx - 0.08, ceil + 0.02, z), P(lx + 0.08, ceil + 0.02, z)
            a2, b2 = P(lx + 0.08, ceil + 0.02, z + 0.8), P(lx - 0.08, ceil + 0.02, z + 0.8)
            col = mix((250, 252, 255), fog, fog_k(z) * 0.6)
            d.polygon([(c.X(a[0]), c.Y(a[1])), (c.X(b[0]), c.Y(b[1])), (c.X(a2[0]), c.Y(a2[1])), (c.X(b2[0]), c.Y(b2[1]))], fill=col)
    if kind == "hall":
        for z in [1.5 + k * 1.6 for k in range(10)]:
            col = mix((70, 80, 96), fog, fog_k(z))
            a, b = P(-half, ceil + 0.25, z), P(half, ceil + 0.25, z)
            top = P(0, ceil - 0.2, z)
            w = max(1, int(6 / z))
            d.line([(c.X(a[0]), c.Y(a[1])), (c.X(top[0]), c.Y(top[1])), (c.X(b[0]), c.Y(b[1]))], fill=col, width=w)
            d.line([(c.X(a[0]), c.Y(a[1])), (c.X(b[0]), c.Y(b[1]))], fill=col, width=w)
    # side elements, far to near
    z = zfar
    while z > 0.7:
        z0, z1 = z - 1.0, z
        if z0 < 0.45:
            break
        k = fog_k(z0)
        for s in (-1, 1):
            X = s * half
            if kind == "datacentre":
                base = mix((22, 28, 40), fog, k)
                q = [P(X, 1.0, z0), P(X, -1.05, z0), P(X, -1.05, z1), P(X, 1.0, z1)]
                d.polygon([(c.X(a), c.Y(b)) for a, b in q], fill=base, outline=mix((60, 70, 90), fog, k))
                for u in range(1, 5):
                    zz = z0 + (z1 - z0) * u / 5
                    for v in range(12):
                        if c.rng.random() < 0.55:
                            yy = -0.95 + v * 0.16
                            px, py = P(X, yy, zz)
                            r = max(1.0, 5 / zz)
                            col = rgb(accent) if c.rng.random() < 0.7 else (120, 255, 160)
                            col = mix(col, fog, k * 0.7)
                            d.ellipse([c.X(px) - r, c.Y(py) - r * 0.5, c.X(px) + r, c.Y(py) + r * 0.5], fill=col)
            elif kind == "warehouse":
                upr = mix((230, 110, 30), fog, k)
                beam = mix(rgb(accent), fog, k)
                for lvl in range(5):
                    y0, y1 = 1.0 - lvl * 0.7, 1.0 - (lvl + 1) * 0.7 + 0.12
                    for bx in range(3):
                        za = z0 + 0.05 + bx * 0.32
                        zb = za + 0.28
                        box = mix(c.rng.choice([(196, 160, 110), (180, 140, 95), (210, 180, 130), (235, 235, 230)]), fog, k)
                        h = c.uniform(0.35, 0.55)
                        q = [P(X, y0 - 0.03, za), P(X, y0 - h, za), P(X, y0 - h, zb), P(X, y0 - 0.03, zb)]
                        d.polygon([(c.X(a), c.Y(b)) for a, b in q], fill=box, outline=shade(box, -0.2))
                    a, b = P(X, y1 + 0.6, z0), P(X, y1 + 0.6, z1)
                    d.line([(c.X(a[0]), c.Y(a[1])), (c.X(b[0]), c.Y(b[1]))], fill=beam, width=max(1, int(10 / z0)))
                a, b = P(X, 1.0, z0), P(X, -2.4, z0)
                d.line([(c.X(a[0]), c.Y(a[1])), (c.X(b[0]), c.Y(b[1]))], fill=upr, width=max(1, int(12 / z0)))
            else:   # hall: glazed side walls
                wall = mix((215, 222, 230), fog, k)
                q = [P(X, 1.0, z0), P(X, ceil, z0), P(X, ceil, z1), P(X, 1.0, z1)]
                d.polygon([(c.X(a), c.Y(b)) for a, b in q], fill=wall)
                g = [P(X, -0.5, z0 + 0.1), P(X, -2.2, z0 + 0.1), P(X, -2.2, z1 - 0.1), P(X, -0.5, z1 - 0.1)]
                d.polygon([(c.X(a), c.Y(b)) for a, b in g], fill=mix((190, 215, 240), fog, k * 0.6))
        z -= 1.0
    # glossy floor (the scene above, mirrored and dimmed) with its markings
    fl = P(0, 1.0, zfar)[1]
    yfl = int(c.Y(fl))
    up = c.img.crop((0, max(0, 2 * yfl - c.h), c.w, yfl))
    refl = up.transpose(Image.FLIP_TOP_BOTTOM).resize((c.w // 4, c.h - yfl), Image.BILINEAR).resize((c.w, c.h - yfl), Image.BILINEAR)
    base_floor = vgradient(c.w, refl.height, [mix(floor, fog, 0.5), floor])
    full = c.img.copy()
    full.paste(Image.blend(base_floor, refl, 0.3), (0, yfl))
    near = 0.3
    quad = [P(-half, 1.0, near), P(half, 1.0, near), P(half, 1.0, zfar), P(-half, 1.0, zfar)]
    m, md = c.mask()
    md.polygon(quad)
    c.paint(m, full)
    for lx in ((-0.6, 0.6) if kind != "hall" else (-1.1, 1.1)):
        pts = [P(lx, 1.0, z) for z in (0.6, zfar)]
        d.line([(c.X(p[0]), c.Y(p[1])) for p in pts], fill=rgb(accent if kind == "hall" else (230, 200, 60)) + (200,), width=6)
    return P


# [SECTION] robots

def robot_arm(c, x, base, size, body, joint, pose=(1.15, -0.5, 0.6), lit=(255, 255, 255)):
    """An articulated industrial robot on a plinth, in a working pose (angles in radians)."""
    asp = c.w / c.h
    a1, a2, a3 = pose
    u1, u2, u3 = size * 0.9, size * 0.8, size * 0.3
    sx, sy = x, base - size * 0.42 * asp
    ex, ey = sx + u1 * math.cos(a1) / 1.0 * 0.5, sy - u1 * math.sin(a1) * asp * 0.5
    wx, wy = ex + u2 * math.cos(a2) * 0.5, ey - u2 * math.sin(a2) * asp * 0.5
    tx, ty = wx + u3 * math.cos(a3) * 0.5, wy - u3 * math.sin(a3) * asp * 0.5
    m, d = c.mask()
    d.polygon([(x - size * 0.22, base), (x + size * 0.22, base), (x + size * 0.16, base - size * 0.14 * asp), (x - size * 0.16, base - size * 0.14 * asp)])
    d.rect(x - size * 0.12, base - size * 0.42 * asp, x + size * 0.12, base - size * 0.12 * asp)
    d.line([(sx, sy), (ex, ey)], size * 0.16)
    d.line([(ex, ey), (wx, wy)], size * 0.11)
    d.line([(wx, wy), (tx, ty)], size * 0.07)
    for (px, py), r in (((sx, sy), 0.13), ((ex, ey), 0.1), ((wx, wy), 0.07)):
        d.ellipse(px - size * r, py - size * r * asp, px + size * r, py + size * r * asp)
    c.paint(m, body)
    # a soft highlight along the upper edges, from a light above
    hl = ImageChops.subtract(m, ImageChops.offset(m, 0, int(c.h * size * 0.05)))
    c.paint(hl.filter(ImageFilter.GaussianBlur(2)), lit, 0.45)
    j, jd = c.mask()
    for (px, py), r in (((sx, sy), 0.07), ((ex, ey), 0.055), ((wx, wy), 0.04)):
        jd.ellipse(px - size * r, py - size * r * asp, px + size * r, py + size * r * asp)
    c.paint(j, joint)
    g, gd = c.mask()
    gd.line([(tx, ty), (tx + size * 0.06, ty + size * 0.08 * asp)], size * 0.025)
    gd.line([(tx, ty), (tx - size * 0.04, ty + size * 0.09 * asp)], size * 0.025)
    c.paint(g, shade(joint, -0.3))
    return tx, ty
