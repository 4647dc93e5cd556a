"""The compositions of the demo's sample photos: one distinct picture per photos.toml id.

Each scene is photographic in feel (atmospheric depth, a light source, reflections, grain) and
carries no text. The subject stands in the middle third (x 0.34..0.66, y 0.08..0.92), so it
survives both a 16:9 crop and a 9:16 portrait centre crop of the 16:10 picture. Nothing
suggests pollution: no smoke, no chimneys; clean halls, labs, solar, ports, bridges, green
hills and the river.

SCENES maps a photo id to (composition, light, accent); render(photo_id, accent_colours, geo)
draws it. A new photo id needs an entry here (make-media.py says which are missing).

[SECTION] index: light · landscapes · city · river and port · industry and energy · close-ups ·
interiors · module pictures · the table
"""
import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

import media_things as T
from media_canvas import Canvas, curve, hexrgb, mix, rgb, shade, vgradient, vramp

# [SECTION] light: sky stops, sun (x, y, colour) or None, haze, land, water far/near

LIGHT = {
    "dawn": dict(sky=[(0.0, "#2b3c6a"), (0.32, "#8884a8"), (0.52, "#eeae8c"), (0.62, "#ffdbb0"), (1.0, "#ffdbb0")],
                 sun=(0.5, 0.5, (255, 238, 205)), halo=(255, 186, 140), haze=(255, 214, 178), land=(86, 78, 112),
                 far=(236, 186, 158), near=(58, 64, 98), cloud=((255, 214, 196), (150, 118, 150)), face=(170, 150, 170), glass=(250, 214, 190)),
    "morning": dict(sky=[(0.0, "#3a6db6"), (0.38, "#7dade0"), (0.62, "#d4e7f4"), (1.0, "#d4e7f4")],
                    sun=(0.78, 0.16, (255, 251, 236)), halo=(255, 246, 220), haze=(222, 234, 243), land=(58, 94, 78),
                    far=(170, 200, 222), near=(34, 78, 112), cloud=((255, 255, 255), (176, 192, 214)), face=(150, 176, 200), glass=(214, 232, 246)),
    "noon": dict(sky=[(0.0, "#2463b4"), (0.42, "#5a9ad8"), (0.64, "#bcd9ef"), (1.0, "#bcd9ef")],
                 sun=None, halo=None, haze=(214, 230, 242), land=(60, 104, 72),
                 far=(150, 188, 216), near=(28, 74, 114), cloud=((255, 255, 255), (186, 204, 224)), face=(160, 186, 212), glass=(220, 236, 250)),
    "dusk": dict(sky=[(0.0, "#1e2252"), (0.3, "#6a3d70"), (0.5, "#d86f5a"), (0.62, "#f8b66c"), (1.0, "#f8b66c")],
                 sun=(0.5, 0.56, (255, 214, 150)), halo=(248, 150, 96), haze=(242, 170, 122), land=(58, 40, 66),
                 far=(226, 146, 108), near=(44, 34, 66), cloud=((255, 184, 150), (120, 70, 110)), face=(110, 80, 110), glass=(250, 176, 130)),
    "night": dict(sky=[(0.0, "#070c26"), (0.4, "#15225a"), (0.62, "#34487f"), (1.0, "#34487f")],
                  sun=None, halo=None, haze=(70, 86, 130), land=(16, 22, 44),
                  far=(46, 60, 104), near=(8, 12, 32), cloud=((80, 94, 140), (30, 38, 74)), face=(30, 40, 70), glass=(70, 90, 140)),
    "mist": dict(sky=[(0.0, "#8aa0b2"), (0.5, "#c4d1d9"), (0.62, "#e5ebee"), (1.0, "#e5ebee")],
                 sun=(0.3, 0.3, (250, 250, 244)), halo=(240, 242, 240), haze=(232, 238, 240), land=(76, 96, 108),
                 far=(200, 212, 220), near=(86, 108, 122), cloud=((250, 252, 252), (190, 202, 210)), face=(150, 164, 176), glass=(214, 224, 230)),
}

PALETTE_BOXES = [(196, 64, 52), (0, 114, 178), (230, 159, 0), (0, 137, 123), (120, 128, 140), (214, 98, 40), (70, 110, 170)]


def open_sky(c, L, clouds=0.4, sun=True, sun_pos=None):
    c.sky(L["sky"])
    if L["sun"] and sun:
        x, y, col = L["sun"]
        if sun_pos:
            x, y = sun_pos
        c.sun(x, y, 0.018, col, 0.42, L["halo"])
    if clouds:
        c.clouds(0.03, 0.46, L["cloud"][0], L["cloud"][1], clouds, 0.75)
    if L is LIGHT["night"]:
        c.stars(160)


def far_hills(c, L, base=0.56, amp=0.09, layers=2):
    for k in range(layers):
        depth = 1 - k / max(1, layers)
        col = mix(L["land"], L["haze"], 0.35 + 0.45 * depth)
        c.ridge(base + 0.025 * k, amp * (1 - 0.25 * k), col, foot=mix(col, L["haze"], 0.6), rough=0.52)
    c.haze(base - 0.06, base + 0.06, L["haze"], 0.45, texture=0.5)


def lawn(c, top, light=(126, 168, 98), dark=(70, 112, 64)):
    """Mown grass to the front edge: brighter far, darker near, with a fine texture."""
    c.ground(top, [light, dark])
    m = Image.new("L", c.img.size, 0)
    m.paste(255, (0, int(c.Y(top)), c.w, c.h))
    tex = ImageChops.multiply(m, curve(c.fractal(90, 60, 2), 110, 255))
    c.paint(tex, shade(dark, -0.2), 0.35)


def finish(c, L, grain=2, bloom=None):
    night = L is LIGHT["night"]
    return c.finish(grain=grain, vignette=0.32 if night else 0.26, bloom=bloom or ((170, 26, 0.6) if night else (220, 40, 0.45)))


# [SECTION] landscapes

def river_dawn(c, L, A):
    """The Yangtze at first light: a low sun, misty far shore, a glitter path, a lone boat."""
    open_sky(c, L, 0.35)
    far_hills(c, L, 0.6, 0.07, 2)
    T.skyline(c, 0.615, 0.2, 0.8, 0.012, 0.05, mix(L["land"], L["haze"], 0.55), mix(L["haze"], (255, 255, 255), 0.2), widths=(0.01, 0.025))
    c.haze(0.57, 0.64, L["haze"], 0.55, 0.6)
    c.water(0.62, L["far"], L["near"], 0.6, 0.8, sun_x=L["sun"][0] if L["sun"] else None)
    boat = mix(L["near"], L["far"], 0.25)
    c.shape(lambda d: d.polygon([(0.47, 0.79), (0.53, 0.79), (0.525, 0.798), (0.474, 0.798)]), boat, 0.9)
    c.shape(lambda d: d.rect(0.485, 0.781, 0.5, 0.79), boat, 0.9)
    return finish(c, L)


def pagoda_hill(c, L, A):
    """Jinshan at dusk: the pagoda on its hill, temple roofs, the lake mirroring the sky."""
    open_sky(c, L, 0.3, sun_pos=(0.7, 0.55))
    far_hills(c, L, 0.62, 0.06, 2)
    hill = mix(L["land"], L["haze"], 0.15)
    pts = c.ridge(0.68, 0.13, hill, foot=mix(hill, L["haze"], 0.3), rough=0.4, peaks=[(0.5, 0.1, 1.0)])
    top = min(pts[118:142], key=lambda p: p[1])
    T.pagoda(c, top[0], top[1] + 0.01, 0.21, shade(hill, -0.2))
    T.temple_roofs(c, 0.36, 0.62, 0.655, shade(hill, -0.25))
    c.trees(0.69, -0.02, 1.02, 0.014, shade(hill, -0.1))
    c.water(0.69, L["far"], L["near"], 0.62, 0.6, sun_x=0.7)
    return finish(c, L)


def green_ridges(c, L, A):
    """Layer after layer of green ridges in morning mist, trees in front."""
    open_sky(c, L, 0.45)
    green = (52, 104, 70)
    for k in range(5):
        depth = 1 - k / 4
        col = mix(green, L["haze"], 0.1 + 0.7 * depth)
        c.ridge(0.42 + k * 0.1, 0.15, col, foot=mix(col, L["haze"], 0.55), rough=0.55, texture=0.25 if k > 2 else 0)
        c.haze(0.42 + k * 0.1 - 0.02, 0.42 + k * 0.1 + 0.07, L["haze"], 0.5, 0.6)
    c.trees(1.0, -0.02, 1.02, 0.03, (40, 86, 52))
    c.defocus(1.2)
    return finish(c, L)


def hills_city_river(c, L, A):
    """Hills, an island and the city along a wide, calm river, in soft haze."""
    open_sky(c, L, 0.25)
    far_hills(c, L, 0.58, 0.08, 2)
    T.skyline(c, 0.62, -0.02, 1.02, 0.02, 0.14, mix(L["face"], L["haze"], 0.45), mix(L["glass"], L["haze"], 0.5), cluster=0.56)
    c.haze(0.55, 0.63, L["haze"], 0.5, 0.6)
    T.cable_bridge(c, 0.66, 0.645, (0.36, 0.64), 0.33, mix((240, 244, 246), L["haze"], 0.35))
    isle = mix((60, 96, 80), L["haze"], 0.35)
    c.water(0.66, L["far"], L["near"], 0.55, 0.6)
    c.ridge(0.75, 0.06, isle, foot=mix(isle, L["near"], 0.3), rough=0.4, peaks=[(0.5, 0.1, 0.8)])
    c.water(0.75, L["far"], L["near"], 0.55, 0.7)
    return finish(c, L)


def island_dawn(c, L, A):
    """A low island of trees and a small town on the river at dawn."""
    open_sky(c, L, 0.3, sun_pos=(0.58, 0.5))
    c.haze(0.52, 0.66, L["haze"], 0.5, 0.5)
    T.skyline(c, 0.655, 0.3, 0.72, 0.01, 0.06, mix(L["land"], L["haze"], 0.4), mix(L["haze"], (255, 255, 255), 0.2), widths=(0.012, 0.03), cluster=0.5, spread=0.12)
    c.trees(0.665, 0.14, 0.88, 0.012, mix((60, 80, 70), L["haze"], 0.3))
    c.water(0.665, L["far"], L["near"], 0.62, 0.7, sun_x=0.58)
    return finish(c, L)


# [SECTION] city

def skyline_river(c, L, A, night=False, bridge=False):
    """The riverside city: towers clustered in the middle, mirrored in the Yangtze."""
    open_sky(c, L, 0.3 if not night else 0.2)
    far_hills(c, L, 0.57, 0.07, 2)
    far = mix(L["face"], L["haze"], 0.55)
    T.skyline(c, 0.64, -0.02, 1.02, 0.03, 0.13, far, mix(L["glass"], L["haze"], 0.5), night, 0.2, rgb(A), widths=(0.015, 0.035))
    T.skyline(c, 0.655, 0.08, 0.92, 0.05, 0.3, L["face"], L["glass"], night, 0.35, rgb(A))
    if bridge:
        T.cable_bridge(c, 0.7, 0.672, (0.2, 0.8), 0.4, (220, 226, 236) if not night else (150, 160, 200), lights=(255, 220, 150) if night else None)
    c.shape(lambda d: d.rect(-0.01, 0.65, 1.01, 0.672), shade(L["land"], -0.1))
    c.trees(0.672, -0.02, 1.02, 0.008, mix((50, 90, 60), L["land"], 0.6 if night else 0.2))
    c.water(0.672, L["far"], L["near"], 0.65 if night else 0.55, 0.8, sun_x=L["sun"][0] if L["sun"] else None, lights=night)
    return finish(c, L, bloom=(160, 28, 0.75) if night else None)


def new_town(c, L, A):
    """A new town of white mid-rise blocks below a big green hill, early mist."""
    open_sky(c, L, 0.35)
    hill = mix((54, 96, 72), L["haze"], 0.35)
    c.ridge(0.6, 0.24, hill, foot=mix(hill, L["haze"], 0.7), rough=0.5, peaks=[(0.5, 0.2, 0.5)], texture=0.08)
    c.haze(0.5, 0.72, L["haze"], 0.55, 0.7)
    T.skyline(c, 0.76, 0.05, 0.95, 0.06, 0.2, mix((232, 232, 228), L["haze"], 0.25), (252, 248, 240), widths=(0.03, 0.05), crowns=False)
    lawn(c, 0.76)
    c.trees(0.8, -0.02, 1.02, 0.02, (62, 108, 70))
    c.trees(0.98, -0.02, 1.02, 0.03, (48, 92, 58))
    return finish(c, L)


def glass_campus(c, L, A, pond=True):
    """An R&D campus: glass and white buildings, lawns, a pond under a bright sky."""
    open_sky(c, L, 0.45)
    far_hills(c, L, 0.58, 0.05, 1)
    T.skyline(c, 0.68, 0.3, 0.7, 0.1, 0.26, mix(L["face"], (200, 220, 240), 0.4), L["glass"], widths=(0.06, 0.09), cluster=0.5, spread=0.12, crowns=False)
    for x, w, h in ((-0.02, 0.3, 0.08), (0.7, 0.34, 0.09)):
        T.factory_hall(c, x, w, 0.7, h, (238, 240, 242), (200, 205, 210), rgb(A), glass=(150, 190, 225), solar=False)
    lawn(c, 0.7)
    c.trees(0.72, -0.02, 1.02, 0.014, (58, 110, 66))
    if pond:
        c.water(0.78, L["far"], L["near"], 0.5, 0.5)
    return finish(c, L)


def light_trails(c, L, A):
    """A night avenue through the tech district: long-exposure light trails, glowing towers."""
    open_sky(c, L, 0.15)
    T.skyline(c, 0.6, -0.02, 1.02, 0.08, 0.34, L["face"], L["glass"], True, 0.4, rgb(A))
    c.ground(0.6, [(20, 24, 40), (10, 12, 22)])
    m = Image.new("RGB", c.img.size)
    d = ImageDraw.Draw(m)
    for lane in range(8):
        side = -1 if lane < 4 else 1
        off = (lane % 4) * 0.035 + 0.02
        col = (255, 60, 50) if side < 0 else (255, 236, 200)
        if lane % 4 == 3:
            col = rgb(A)
        pts = []
        for k in range(60):
            t = k / 59
            y = 0.6 + 0.42 * t ** 1.6
            x = 0.5 + side * (off + 0.55 * t ** 1.6) + 0.03 * math.sin(t * 3)
            pts.append((c.X(x), c.Y(y)))
        for k in range(len(pts) - 1):
            d.line([pts[k], pts[k + 1]], fill=col, width=int(1 + k * 0.12))
    glow = m.filter(ImageFilter.GaussianBlur(2))
    c.img = ImageChops.screen(c.img, ImageChops.add(m, glow))
    return finish(c, L, bloom=(150, 30, 0.8))


def low_angle_towers(c, L, A):
    """Looking up between glass towers into a clear sky, the sun flaring off a corner."""
    c.sky([(0.0, "#1d5cb0"), (0.6, "#6aa7e0"), (1.0, "#cfe6f7")])
    c.clouds(0.0, 0.6, (255, 255, 255), (190, 206, 226), 0.35, 0.7)
    vx, vy = 0.5, -0.9
    towers = [(-0.2, 0.2, 0.06, (88, 120, 160)), (0.8, 1.2, 0.05, (70, 104, 146)), (0.2, 0.42, 0.12, (120, 156, 196)), (0.6, 0.82, 0.1, (104, 140, 186))]
    for x0, x1, _, col in towers:
        def P(x, y):
            t = (1.0 - y) / (1.0 - vy)
            return (x + (vx - x) * t, y)
        ytop = 0.05 if x0 in (0.2, 0.6) else -0.1
        q = [P(x0, 1.05), P(x1, 1.05), P(x1, ytop), P(x0, ytop)]
        X0, X1 = int(c.X(min(p[0] for p in q))), int(c.X(max(p[0] for p in q)))
        grad = vgradient(c.w, c.h, [(0.0, (200, 226, 250)), (0.5, col), (1.0, shade(col, -0.35))])
        c.shape(lambda d: d.polygon(q), grad)
        d = c.draw()
        for k in range(1, 40):
            y = ytop + (1.05 - ytop) * k / 40
            a, b = P(x0, y), P(x1, y)
            d.line([(c.X(a[0]), c.Y(y)), (c.X(b[0]), c.Y(y))], fill=(30, 50, 80, 70), width=1)
        for k in range(1, 10):
            xa = x0 + (x1 - x0) * k / 10
            a, b = P(xa, 1.05), P(xa, ytop)
            d.line([(c.X(a[0]), c.Y(a[1])), (c.X(b[0]), c.Y(b[1]))], fill=(230, 240, 255, 60), width=1)
    c.sun(0.5, 0.12, 0.02, (255, 252, 240), 0.3, (255, 245, 220))
    return finish(c, L)


# [SECTION] river and port

def port_cranes(c, L, A, ship=True):
    """A container terminal on the river: gantry cranes over a berthed ship, boxes stacked."""
    open_sky(c, L, 0.3)
    far_hills(c, L, 0.58, 0.05, 1)
    c.haze(0.55, 0.66, L["haze"], 0.45, 0.5)
    crane = mix((226, 90, 50) if L is not LIGHT["night"] else (120, 60, 60), L["haze"], 0.2)
    T.containers(c, 0.655, -0.02, 1.02, 3, PALETTE_BOXES, L["haze"], 0.4, cw=0.03, chh=0.02)
    for x in (0.2, 0.39, 0.58, 0.8):
        T.sts_crane(c, x, 0.68, 0.34, crane, 0.12)
    T.quay(c, 0.665, mix((120, 124, 128), L["haze"], 0.2))
    if ship:
        T.ship(c, 0.22, 0.7, 0.56, mix((40, 56, 80), L["haze"], 0.1), PALETTE_BOXES, L["haze"], 0.15)
    c.water(0.7, L["far"], L["near"], 0.55, 0.8, sun_x=L["sun"][0] if L["sun"] else None)
    return finish(c, L)


def container_yard(c, L, A):
    """Rows of containers in the bonded warehouse yard, a rail gantry across the middle."""
    open_sky(c, L, 0.4)
    T.factory_hall(c, -0.02, 0.5, 0.6, 0.07, (230, 232, 236), (190, 196, 204), (0, 114, 178), solar=True)
    T.factory_hall(c, 0.55, 0.5, 0.6, 0.08, (224, 228, 232), (190, 196, 204), (0, 137, 123), solar=True)
    c.ground(0.6, [(170, 168, 160), (120, 118, 112)])
    for k, (base, cw) in enumerate(((0.66, 0.028), (0.74, 0.036), (0.86, 0.05))):
        T.containers(c, base, -0.02 - 0.01 * k, 1.03, 3 - (k == 2), PALETTE_BOXES, L["haze"], 0.3 - 0.1 * k, cw=cw, chh=cw * 0.75)
    g = mix((230, 160, 20), L["haze"], 0.1)
    c.shape(lambda d: (d.rect(0.33, 0.36, 0.67, 0.39), d.rect(0.34, 0.39, 0.355, 0.9), d.rect(0.645, 0.39, 0.66, 0.9)), g)
    c.shape(lambda d: d.rect(0.47, 0.39, 0.53, 0.47), shade(g, -0.2))
    c.shape(lambda d: d.rect(0.495, 0.47, 0.505, 0.58), (60, 60, 60))
    return finish(c, L)


def river_ship(c, L, A):
    """A container ship steaming down the misty Yangtze at sunrise."""
    open_sky(c, L, 0.3, sun_pos=(0.62, 0.5))
    far_hills(c, L, 0.6, 0.06, 2)
    c.haze(0.56, 0.66, L["haze"], 0.6, 0.6)
    c.water(0.64, L["far"], L["near"], 0.6, 0.7, sun_x=0.62)
    T.ship(c, 0.28, 0.72, 0.44, mix((40, 50, 70), L["haze"], 0.25), PALETTE_BOXES, L["haze"], 0.3)
    c.shape(lambda d: d.polygon([(0.28, 0.72), (0.72, 0.72), (0.74, 0.726), (0.26, 0.726)]), shade(L["near"], 0.3), 0.5, 2)
    return finish(c, L)


def wharf(c, L, A):
    """A quiet wharf in the morning: one bulk carrier, two cranes, trees on the bank."""
    open_sky(c, L, 0.35)
    far_hills(c, L, 0.56, 0.08, 2)
    c.trees(0.64, -0.02, 0.3, 0.012, mix((60, 100, 70), L["haze"], 0.3))
    T.factory_hall(c, 0.62, 0.4, 0.64, 0.06, (232, 234, 236), (190, 196, 204), (0, 137, 123))
    for x in (0.4, 0.56):
        T.sts_crane(c, x, 0.66, 0.3, mix((40, 110, 170), L["haze"], 0.2), 0.1, flip=x > 0.5)
    T.quay(c, 0.645, (140, 142, 140))
    c.water(0.665, L["far"], L["near"], 0.55, 0.8, sun_x=L["sun"][0] if L["sun"] else None)
    T.ship(c, 0.3, 0.7, 0.4, (38, 72, 110), [(190, 80, 60), (120, 120, 120)], L["haze"], 0.2)
    return finish(c, L)


def freight_train(c, L, A):
    """A container train running along the river in the mist, a logistics hall behind it."""
    open_sky(c, L, 0.2)
    far_hills(c, L, 0.56, 0.08, 2)
    T.factory_hall(c, 0.18, 0.64, 0.64, 0.1, mix((236, 238, 240), L["haze"], 0.4), (200, 204, 210), mix(rgb(A), L["haze"], 0.3))
    c.haze(0.55, 0.7, L["haze"], 0.5, 0.5)
    c.ground(0.64, [(130, 136, 130), (100, 110, 104)])
    c.shape(lambda d: d.rect(-0.01, 0.735, 1.01, 0.74), (90, 86, 80))
    T.containers(c, 0.72, 0.02, 0.98, 1, PALETTE_BOXES, L["haze"], 0.2, cw=0.06, chh=0.04)
    c.shape(lambda d: d.rect(-0.01, 0.72, 1.01, 0.73), (60, 62, 66))
    c.water(0.76, L["far"], L["near"], 0.5, 0.6)
    return finish(c, L)


# [SECTION] industry and energy

def riverside_plants(c, L, A, river=True):
    """Clean production halls with solar roofs along the river, the hills behind."""
    open_sky(c, L, 0.35)
    far_hills(c, L, 0.57, 0.08, 2)
    wall = mix((236, 238, 240), L["haze"], 0.15)
    T.factory_hall(c, 0.0, 0.3, 0.64, 0.07, mix(wall, L["haze"], 0.3), (196, 200, 206), mix(rgb(A), L["haze"], 0.4))
    T.factory_hall(c, 0.62, 0.4, 0.645, 0.08, mix(wall, L["haze"], 0.3), (196, 200, 206), mix(rgb(A), L["haze"], 0.4))
    T.skyline(c, 0.66, 0.36, 0.64, 0.08, 0.16, mix(L["face"], (230, 236, 242), 0.5), L["glass"], widths=(0.04, 0.07), cluster=0.5, spread=0.1, crowns=False)
    T.factory_hall(c, 0.16, 0.68, 0.72, 0.16, wall, (200, 204, 210), rgb(A), sawtooth=not river)
    T.factory_hall(c, 0.3, 0.4, 0.72, 0.2, shade(wall, 0.05), (200, 204, 210), rgb(A), glass=(110, 150, 190), solar=False)
    c.trees(0.735, -0.02, 1.02, 0.012, mix((60, 104, 70), L["land"], 0.3))
    if river:
        c.water(0.735, L["far"], L["near"], 0.55, 0.7, sun_x=L["sun"][0] if L["sun"] else None)
    else:
        lawn(c, 0.735)
        c.shape(lambda d: d.rect(-0.01, 0.86, 1.01, 0.95), (98, 102, 110))
        for k in range(4):
            T.car(c, 0.08 + 0.24 * k, 0.92, 0.1, [(230, 60, 50), (245, 245, 245), (30, 60, 110), (200, 200, 205)][k])
    return finish(c, L)


def solar_farm(c, L, A, turbines=0):
    """A solar field to the horizon; wind turbines on the far ridge."""
    open_sky(c, L, 0.35)
    far_hills(c, L, 0.55, 0.06, 1)
    for k in range(turbines):
        x = 0.36 + 0.14 * k + c.uniform(-0.02, 0.02)
        T.turbine(c, x, 0.56, 0.22 - 0.03 * (k % 2), mix((246, 248, 250), L["haze"], 0.2 + 0.1 * (k % 2)), 0.4 + k, shade(L["haze"], -0.2))
    c.ground(0.56, [(120, 150, 96), (88, 124, 76)])
    T.solar_field(c, 0.56, 1.05, (190, 198, 210), (24, 44, 88), L["glass"], rows=10)
    return finish(c, L)


def wind_grid(c, L, A):
    """Wind turbines and power lines against the evening sky."""
    open_sky(c, L, 0.35, sun_pos=(0.62, 0.6))
    far_hills(c, L, 0.66, 0.06, 2)
    sil = shade(L["land"], -0.3)
    for k, x in enumerate((0.38, 0.52, 0.66, 0.84, 0.12)):
        T.turbine(c, x, 0.68, 0.3 - 0.05 * (k > 2), mix((240, 232, 228), L["haze"], 0.2 + 0.12 * (k > 2)), 0.3 + 0.9 * k)
    c.ground(0.68, [shade(L["land"], -0.2), shade(L["land"], -0.5)])
    T.pylon(c, 0.5, 0.98, 0.5, sil, wire_to=(1.2, 0.9, 0.4))
    T.pylon(c, 0.5, 0.98, 0.5, sil, wire_to=(-0.25, 0.9, 0.4))
    return finish(c, L)


def pylons_dusk(c, L, A):
    """A substation's lattice pylons marching away under a warm sky."""
    open_sky(c, L, 0.3)
    far_hills(c, L, 0.64, 0.05, 2)
    c.ground(0.66, [shade(L["land"], -0.1), shade(L["land"], -0.45)])
    col = shade(L["land"], -0.35)
    chain = [(0.5, 0.94, 0.62), (0.78, 0.76, 0.3), (0.92, 0.7, 0.16), (1.0, 0.68, 0.09)]
    for (x, b, h), nxt in zip(chain, chain[1:] + [None]):
        T.pylon(c, x, b, h, mix(col, L["haze"], 0.5 * (1 - h / 0.62)), wire_to=nxt)
    T.pylon(c, 0.5, 0.94, 0.62, col, wire_to=(0.18, 0.76, 0.3))
    T.pylon(c, 0.18, 0.76, 0.3, mix(col, L["haze"], 0.25), wire_to=(0.03, 0.7, 0.16))
    d = c.draw()
    for k in range(7):   # insulators catch the light
        x = c.X(0.5 + (k - 3) * 0.028)
        d.ellipse([x - 3, c.Y(0.45) - 3, x + 3, c.Y(0.45) + 3], fill=(255, 220, 160, 200))
    return finish(c, L)


def factory_cars(c, L, A):
    """The auto-parts park: a clean white plant, lawns, a row of new cars on the road."""
    open_sky(c, L, 0.4)
    far_hills(c, L, 0.58, 0.05, 1)
    T.factory_hall(c, -0.02, 1.04, 0.7, 0.13, (240, 241, 243), (200, 204, 210), rgb(A), sawtooth=False)
    T.skyline(c, 0.72, 0.42, 0.58, 0.18, 0.2, (210, 222, 236), (236, 244, 252), widths=(0.05, 0.06), cluster=0.5, crowns=False)
    lawn(c, 0.72)
    c.shape(lambda d: d.rect(-0.01, 0.8, 1.01, 0.9), (96, 100, 108))
    c.shape(lambda d: d.rect(-0.01, 0.848, 1.01, 0.852), (230, 230, 220), 0.8)
    for k in range(7):
        T.car(c, 0.02 + 0.14 * k, 0.84, 0.1, [(245, 245, 245), (180, 30, 40), (30, 60, 110), (40, 40, 44), (200, 200, 205), (0, 110, 120), (245, 245, 245)][k])
    c.trees(0.8, -0.02, 1.02, 0.012, (58, 104, 64), density=0.6)
    return finish(c, L)


def eco_campus(c, L, A):
    """Low green-roofed buildings between trees, hills and a lake: the ecological park."""
    open_sky(c, L, 0.4)
    green = (60, 104, 74)
    c.ridge(0.58, 0.16, mix(green, L["haze"], 0.55), foot=mix(green, L["haze"], 0.8), rough=0.5)
    c.ridge(0.64, 0.1, mix(green, L["haze"], 0.25), foot=mix(green, L["haze"], 0.55), rough=0.55, texture=0.2)
    c.haze(0.58, 0.7, L["haze"], 0.4, 0.5)
    for x, w, h in ((0.1, 0.22, 0.05), (0.36, 0.28, 0.07), (0.68, 0.22, 0.05)):
        T.factory_hall(c, x, w, 0.7, h, (244, 242, 236), (110, 150, 90), mix(rgb(A), (255, 255, 255), 0.2), glass=(160, 200, 220), solar=False)
        c.shape(lambda d: d.rect(x, 0.7 - h - 0.008, x + w, 0.7 - h), (100, 150, 80))
    c.trees(0.71, -0.02, 1.02, 0.012, (56, 110, 66), density=0.8)
    c.water(0.71, L["far"], L["near"], 0.6, 0.6, sun_x=L["sun"][0] if L["sun"] else None)
    return finish(c, L)


def hills_lake(c, L, A):
    """Between hills and water: green ridges over a still lake, a low campus on the shore."""
    open_sky(c, L, 0.3, sun_pos=(0.4, 0.52))
    green = (58, 100, 76)
    for k in range(3):
        col = mix(green, L["haze"], 0.75 - 0.25 * k)
        c.ridge(0.5 + 0.05 * k, 0.16 - 0.03 * k, col, foot=mix(col, L["haze"], 0.6), rough=0.5, peaks=[(0.5, 0.15, 0.4)] if k == 1 else ())
        c.haze(0.48 + 0.05 * k, 0.6 + 0.05 * k, L["haze"], 0.45, 0.6)
    T.factory_hall(c, 0.36, 0.28, 0.64, 0.04, (244, 240, 234), (110, 150, 90), mix(rgb(A), (255, 255, 255), 0.3), solar=False)
    c.trees(0.645, -0.02, 1.02, 0.01, mix(green, L["haze"], 0.2))
    c.water(0.645, L["far"], L["near"], 0.68, 0.4, sun_x=0.4)
    return finish(c, L)


def lake_bridge(c, L, A):
    """A park at dusk: a footbridge's arch over the lake, lamps coming on."""
    open_sky(c, L, 0.35)
    far_hills(c, L, 0.6, 0.07, 2)
    T.skyline(c, 0.64, 0.05, 0.95, 0.03, 0.1, mix(L["face"], L["haze"], 0.4), L["glass"], widths=(0.03, 0.05), crowns=False)
    c.trees(0.655, -0.02, 1.02, 0.012, shade(L["land"], 0.1))
    c.water(0.655, L["far"], L["near"], 0.6, 0.5, sun_x=L["sun"][0] if L["sun"] else None)
    arch = shade(L["land"], -0.25)
    pts = [(0.3 + 0.4 * k / 40, 0.76 - 0.12 * math.sin(math.pi * k / 40)) for k in range(41)]
    c.shape(lambda d: d.line(pts, 0.012), arch)
    c.shape(lambda d: d.line([(x, y - 0.025) for x, y in pts[4:37]], 0.0025), arch)
    for k in range(5, 37, 3):
        x, y = pts[k]
        c.shape(lambda d: d.rect(x - 0.001, y - 0.025, x + 0.001, y), arch)
    d = c.draw()
    for k in range(4, 37, 4):
        x, y = pts[k]
        d.ellipse([c.X(x) - 4, c.Y(y - 0.03) - 4, c.X(x) + 4, c.Y(y - 0.03) + 4], fill=(255, 222, 160, 240))
    c.water(0.76, L["far"], L["near"], 0.62, 0.4)
    return finish(c, L, bloom=(200, 30, 0.7))


# [SECTION] close-ups

def carbon_weave(c, L, A):
    """Macro of a carbon-fibre twill, raking light and a shallow depth of field."""
    cell = 64
    tw = Image.new("RGB", (cell * 8, cell * 8))
    horiz = vgradient(cell, cell, [(20, 22, 26), (120, 124, 132), (46, 48, 54), (16, 18, 22)])
    vert = horiz.rotate(90)
    for i in range(8):
        for j in range(8):
            tw.paste(horiz if (i + j // 2) % 4 < 2 else vert, (i * cell, j * cell))
    big = Image.new("RGB", (c.w * 2, c.h * 2))
    for x in range(0, big.width, tw.width):
        for y in range(0, big.height, tw.height):
            big.paste(tw, (x, y))
    big = big.rotate(28, resample=Image.BILINEAR)
    W2, H2 = big.size
    plane = big.transform((c.w, c.h), Image.QUAD, (W2 * 0.38, H2 * 0.18, W2 * 0.2, H2 * 0.82, W2 * 0.8, H2 * 0.82, W2 * 0.62, H2 * 0.18), Image.BILINEAR)
    c.img = plane
    c.glow(0.55, 0.45, 0.5, rgb(A), 0.45, 1.6)
    c.glow(0.5, 0.5, 0.25, (255, 255, 255), 0.25, 1.4)
    sharp = c.img
    blur = c.soft_blur(14)
    band = vramp(c.w, c.h, [(0.0, 255), (0.3, 0), (0.62, 0), (1.0, 255)])
    c.img = Image.composite(blur, sharp, band)
    return finish(c, L, bloom=(210, 30, 0.4))


def hex_lattice(c, L, A):
    """A glowing honeycomb lattice (a new-materials motif), sharp in the middle."""
    c.sky([(0.0, shade(A, -0.85)), (0.5, shade(A, -0.7)), (1.0, shade(A, -0.9))])
    lay = Image.new("RGB", (c.w * 2, c.h * 2))
    d = ImageDraw.Draw(lay)
    r = 120
    col = shade(A, 0.2)
    for q in range(-2, 20):
        for s in range(-2, 14):
            x = q * r * 1.5
            y = s * r * math.sqrt(3) + (q % 2) * r * math.sqrt(3) / 2
            pts = [(x + r * math.cos(math.pi / 3 * k), y + r * math.sin(math.pi / 3 * k)) for k in range(7)]
            d.line(pts, fill=col, width=9)
            for px, py in pts[:6]:
                d.ellipse([px - 16, py - 16, px + 16, py + 16], fill=shade(A, 0.6))
    W2, H2 = lay.size
    plane = lay.transform((c.w, c.h), Image.QUAD, (W2 * 0.3, H2 * 0.1, W2 * 0.05, H2 * 0.9, W2 * 0.95, H2 * 0.9, W2 * 0.7, H2 * 0.1), Image.BILINEAR)
    c.img = ImageChops.screen(c.img, plane)
    band = vramp(c.w, c.h, [(0.0, 255), (0.32, 0), (0.6, 0), (1.0, 255)])
    c.img = Image.composite(c.soft_blur(16), c.img, band)
    c.glow(0.5, 0.5, 0.3, shade(A, 0.4), 0.3, 1.5)
    return finish(c, L, bloom=(150, 30, 0.8))


def test_tubes(c, L, A):
    """A rack of sample tubes on a lab bench, cool daylight and soft bokeh behind."""
    c.sky([(0.0, (214, 230, 240)), (0.6, (186, 210, 226)), (1.0, (150, 176, 196))])
    for _ in range(28):
        x, y, r = c.uniform(0, 1), c.uniform(0.05, 0.55), c.uniform(0.02, 0.06)
        c.glow(x, y, r, c.rng.choice([(255, 255, 255), (200, 240, 250), shade(A, 0.5)]), 0.5, 0.7)
    c.defocus(10)
    c.ground(0.72, [(232, 238, 242), (196, 206, 214)])
    for k in range(9):
        x = 0.25 + k * 0.0625
        liquid = [shade(A, 0.1), (0, 158, 115), (86, 180, 233), shade(A, 0.3), (240, 228, 66)][k % 5]
        c.shape(lambda d: d.rect(x - 0.016, 0.36, x + 0.016, 0.74), (236, 244, 248), 0.55)
        c.shape(lambda d: (d.rect(x - 0.014, 0.52, x + 0.014, 0.72), d.ellipse(x - 0.014, 0.705, x + 0.014, 0.75)), liquid, 0.92)
        c.shape(lambda d: d.rect(x - 0.017, 0.33, x + 0.017, 0.365), (30, 120, 200) if k % 2 else (250, 250, 250))
        c.shape(lambda d: d.rect(x - 0.01, 0.37, x - 0.005, 0.72), (255, 255, 255), 0.6, 1.5)
    c.shape(lambda d: d.rect(0.2, 0.6, 0.8, 0.64), (250, 252, 252), 0.95)
    c.shape(lambda d: d.rect(0.2, 0.64, 0.8, 0.66), (190, 200, 210))
    return finish(c, L, bloom=(235, 30, 0.4))


def fibre_optics(c, L, A):
    """Fibre-optic strands fanning up from the dark, their tips glowing like stars."""
    c.sky([(0.0, (4, 8, 22)), (0.7, (10, 18, 44)), (1.0, (4, 6, 16))])
    m = Image.new("RGB", c.img.size)
    d = ImageDraw.Draw(m)
    tips = []
    for k in range(90):
        a = math.radians(c.uniform(-62, 62))
        L2 = c.uniform(0.45, 0.85)
        bend = c.uniform(-0.15, 0.15)
        pts = []
        for j in range(40):
            t = j / 39
            x = 0.5 + math.sin(a) * L2 * t * 0.7 + bend * t * t
            y = 1.05 - math.cos(a) * L2 * t * 1.05
            pts.append((c.X(x), c.Y(y)))
        col = mix(rgb(A), (120, 220, 255), c.rng.random())
        d.line(pts, fill=shade(col, -0.55), width=2)
        tips.append((pts[-1], col))
    c.img = ImageChops.screen(c.img, m.filter(ImageFilter.GaussianBlur(0.8)))
    dd = c.draw()
    for (x, y), col in tips:
        r = c.uniform(2, 6)
        dd.ellipse([x - r, y - r, x + r, y + r], fill=shade(col, 0.4) + (255,))
    return finish(c, L, bloom=(120, 24, 0.9))


def engine_fan(c, L, A):
    """The fan of a turbofan engine, head-on, titanium blades in a rim light."""
    c.sky([(0.0, (14, 18, 28)), (0.5, (30, 38, 56)), (1.0, (10, 12, 20))])
    cx, cy = 0.5, 0.5
    asp = c.w / c.h
    R = 0.44
    c.shape(lambda d: d.ellipse(cx - R / asp - 0.012, cy - R - 0.02, cx + R / asp + 0.012, cy + R + 0.02), (70, 78, 92))
    c.shape(lambda d: d.ellipse(cx - R / asp, cy - R, cx + R / asp, cy + R), (18, 20, 26))
    n = 22
    for k in range(n):
        a0 = 2 * math.pi * k / n
        pts = []
        for j in range(12):
            t = j / 11
            a = a0 + 0.5 * t
            rr = 0.08 + (R - 0.09) * t
            pts.append((cx + rr * math.cos(a) / asp, cy + rr * math.sin(a)))
        for j in range(11, -1, -1):
            t = j / 11
            a = a0 + 0.5 * t + 0.16 + 0.05 * t
            rr = 0.08 + (R - 0.09) * t
            pts.append((cx + rr * math.cos(a) / asp, cy + rr * math.sin(a)))
        lum = 0.5 + 0.5 * math.cos(a0 - 2.3)
        col = mix((60, 66, 80), (210, 216, 228), lum)
        c.shape(lambda d: d.polygon(pts), col)
    c.shape(lambda d: d.ellipse(cx - 0.085 / asp, cy - 0.085, cx + 0.085 / asp, cy + 0.085), (200, 204, 212))
    c.glow(cx - 0.02, cy - 0.03, 0.05, (255, 255, 255), 0.8, 2.0)
    c.glow(0.25, 0.2, 0.5, rgb(A), 0.28, 1.8)
    return finish(c, L, bloom=(200, 30, 0.5))


def robot_closeup(c, L, A):
    """One industrial robot in front of a softly lit assembly hall (high-end equipment)."""
    T.corridor(c, "hall", mix(L["haze"], (200, 210, 220), 0.5), (150, 158, 168), A, cy=0.42)
    c.defocus(10)
    c.ground(0.86, [(120, 126, 136), (90, 96, 104)])
    T.robot_arm(c, 0.46, 0.9, 0.34, (240, 140, 30), (60, 64, 72), (1.25, -0.3, -0.9))
    return finish(c, L)


def aircraft_apron(c, L, A):
    """An airliner on the apron of the aviation park, hangar behind, morning light."""
    open_sky(c, L, 0.4)
    far_hills(c, L, 0.58, 0.05, 1)
    hang = mix((220, 226, 232), L["haze"], 0.2)
    c.shape(lambda d: d.chord(0.12, 0.42, 0.88, 0.9, 180, 360), hang)
    c.shape(lambda d: d.rect(0.12, 0.655, 0.88, 0.7), hang)
    c.shape(lambda d: d.rect(0.2, 0.6, 0.8, 0.7), (50, 60, 74))
    c.ground(0.7, [(150, 152, 156), (110, 112, 118)])
    T.airliner_side(c, 0.2, 0.84, 0.6, tail=rgb(A))
    c.shape(lambda d: d.rect(-0.01, 0.9, 1.01, 0.905), (240, 220, 80), 0.8)
    return finish(c, L)


def climbing_jet(c, L, A):
    """An airliner climbing through a lit evening sky, contrails behind it."""
    open_sky(c, L, 0.55, sun_pos=(0.25, 0.8))
    c.clouds(0.45, 0.95, L["cloud"][0], L["cloud"][1], 0.5, 0.8, cells=(4, 10))
    T.airliner_top(c, 0.52, 0.42, 0.2, 18)
    return finish(c, L)


# [SECTION] interiors

def datacentre(c, L, A):
    T.corridor(c, "datacentre", (40, 70, 120), (30, 40, 60), rgb(A))
    return finish(c, L, bloom=(140, 24, 0.8))


def warehouse(c, L, A):
    T.corridor(c, "warehouse", (214, 220, 226), (170, 174, 178), (0, 114, 178))
    return finish(c, L)


def production_hall(c, L, A, robots=(240, 140, 30), cars=False):
    P = T.corridor(c, "hall", mix(L["haze"], (226, 232, 238), 0.5), (176, 182, 190), rgb(A))
    for z in (7.0, 4.6, 3.0, 2.0):
        for s in (-1, 1):
            x, y = P(s * 1.3, 1.0, z)
            size = 0.5 / z
            T.robot_arm(c, x, y, size, mix(robots, (220, 226, 232), min(0.8, z / 10)), (60, 64, 72),
                        (1.2 if s < 0 else 1.9, -0.4 if s < 0 else 3.6, -1.0 if s < 0 else 4.1))
    d = c.draw()
    x0, y0 = P(-0.7, 1.0, 1.2)
    x1, y1 = P(0.7, 1.0, 1.2)
    xf0, yf = P(-0.7, 1.0, 16)
    xf1, _ = P(0.7, 1.0, 16)
    d.polygon([(c.X(x0), c.Y(y0)), (c.X(x1), c.Y(y1)), (c.X(xf1), c.Y(yf)), (c.X(xf0), c.Y(yf))], fill=(70, 76, 86, 230))
    if cars:
        for z in (2.2, 3.6, 5.4, 8.0):
            x, y = P(-0.45, 0.82, z)
            x2, _ = P(0.45, 0.82, z)
            T.car(c, x, y, x2 - x, (225, 228, 232), (60, 70, 90))
    return finish(c, L)


# [SECTION] module pictures

def district_map(c, L, A, geo=None, parks=()):
    """The six districts at night, as from the air, zones glowing (the map module)."""
    c.sky([(0.0, (6, 12, 34)), (1.0, (14, 26, 60))])
    feats = geo["features"]
    xs, ys = [], []
    for f in feats:
        for poly in _polys(f):
            for x, y in poly[0]:
                xs.append(x)
                ys.append(y)
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    k = math.cos(math.radians((miny + maxy) / 2))
    sc = min(0.5 * c.w / ((maxx - minx) * k), 0.8 * c.h / (maxy - miny))
    ox = c.w * 0.5 - (maxx - minx) * k * sc / 2
    oy = c.h * 0.5 - (maxy - miny) * sc / 2

    def P(x, y):
        return ((ox + (x - minx) * k * sc) / c.w, (oy + (maxy - y) * sc) / c.h)

    tints = [0.2, 0.34, 0.48, 0.26, 0.4, 0.56]
    for i, f in enumerate(feats):
        for poly in _polys(f):
            pts = [P(x, y) for x, y in poly[0]]
            c.shape(lambda d: d.polygon(pts), mix((20, 40, 80), rgb(A), tints[i % len(tints)]))
    edge = Image.new("L", (c.w, c.h), 0)
    ed = ImageDraw.Draw(edge)
    for f in feats:
        for poly in _polys(f):
            ed.line([(x * c.w, y * c.h) for x, y in (P(a, b) for a, b in poly[0])], fill=255, width=3)
    c.paint(edge.filter(ImageFilter.GaussianBlur(2)), shade(A, 0.5), 0.9)
    c.paint(edge, (230, 240, 255), 0.8)
    for p in parks:
        x, y = P(*p["location"])
        c.glow(x, y, 0.03, (255, 200, 110), 0.8, 1.8)
        c.shape(lambda d: d.ellipse(x - 0.004, y - 0.0064, x + 0.004, y + 0.0064), (255, 246, 220))
    return finish(c, L, bloom=(180, 30, 0.7))


def _polys(f):
    g = f["geometry"]
    return g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]


# [SECTION] the table: photo id -> (composition, light, accent industry id or hex)

SCENES = {
    "mod-city": (lambda c, L, A: skyline_river(c, L, A, bridge=True), "dusk", "#E69F00"),
    "mod-map": (district_map, "night", "#56B4E9"),
    "mod-industry": (lambda c, L, A: production_hall(c, L, A, (0, 150, 136)), "noon", "#009E73"),
    "mod-invest": (low_angle_towers, "noon", "#0072B2"),
    "city-1": (river_dawn, "dawn", "#E69F00"),
    "city-2": (pagoda_hill, "dusk", "#D55E00"),
    "city-3": (green_ridges, "morning", "#009E73"),
    "city-4": (lambda c, L, A: skyline_river(c, L, A, night=True), "night", "#56B4E9"),
    "city-5": (hills_city_river, "mist", "#56B4E9"),
    "etdz-1": (riverside_plants, "morning", "aerospace"),
    "etdz-2": (port_cranes, "dusk", "logistics"),
    "hitech-1": (glass_campus, "noon", "digital"),
    "hitech-2": (light_trails, "night", "digital"),
    "bonded-1": (container_yard, "morning", "logistics"),
    "bonded-2": (river_ship, "dawn", "#56B4E9"),
    "sino-swiss-1": (eco_campus, "morning", "new-energy"),
    "sino-swiss-2": (hills_lake, "dawn", "new-energy"),
    "danyang-etdz-1": (lambda c, L, A: riverside_plants(c, L, A, river=False), "noon", "equipment"),
    "danyang-etdz-2": (carbon_weave, "dusk", "new-materials"),
    "jurong-1": (new_town, "dawn", "biomedicine"),
    "jurong-2": (solar_farm, "noon", "new-energy"),
    "yangzhong-etdz-1": (riverside_plants, "dusk", "equipment"),
    "yangzhong-etdz-2": (pylons_dusk, "dusk", "equipment"),
    "dantu-1": (wharf, "morning", "logistics"),
    "dantu-2": (freight_train, "mist", "new-materials"),
    "jingkou-1": (lambda c, L, A: skyline_river(c, L, A), "morning", "digital"),
    "jingkou-2": (datacentre, "night", "digital"),
    "yangzhong-htz-1": (island_dawn, "dawn", "new-energy"),
    "yangzhong-htz-2": (wind_grid, "dusk", "new-energy"),
    "danyang-htz-1": (lambda c, L, A: glass_campus(c, L, A, pond=True), "dawn", "equipment"),
    "danyang-htz-2": (lambda c, L, A: production_hall(c, L, A, (240, 140, 30)), "dusk", "equipment"),
    "aviation-park-1": (aircraft_apron, "morning", "aerospace"),
    "aero-materials-1": (engine_fan, "night", "aerospace"),
    "fuping-1": (lake_bridge, "dusk", "equipment"),
    "japan-auto-1": (factory_cars, "morning", "equipment"),
    "japan-auto-2": (lambda c, L, A: production_hall(c, L, A, (230, 232, 236), cars=True), "noon", "equipment"),
    "ind-equipment": (robot_closeup, "morning", "equipment"),
    "ind-new-materials": (hex_lattice, "night", "new-materials"),
    "ind-new-energy": (lambda c, L, A: solar_farm(c, L, A, turbines=3), "morning", "new-energy"),
    "ind-aerospace": (climbing_jet, "dusk", "aerospace"),
    "ind-biomedicine": (test_tubes, "morning", "biomedicine"),
    "ind-digital": (fibre_optics, "night", "digital"),
    "ind-logistics": (warehouse, "noon", "logistics"),
}


def render(photo_id, colours, geo=None, parks=(), size=(1920, 1200)):
    """The picture for one photo id: an RGB image of size."""
    fn, light, accent = SCENES[photo_id]
    c = Canvas(photo_id, *size)
    A = hexrgb(colours.get(accent, accent))
    if fn is district_map:
        return district_map(c, LIGHT[light], A, geo, parks)
    return fn(c, LIGHT[light], A)
