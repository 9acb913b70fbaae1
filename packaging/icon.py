"""Draw the program's icon once, as SVG and as PNGs 16 to 256 px and a Windows .ico, from the same shapes.

A page with a folded corner and a map pin, in the program's blue (#1565c0, the "submitted" colour of the navigator).
Pillow cannot read SVG, so the PNGs are not rendered from the file: both are drawn here from one geometry (the pin's
curves are sampled for Pillow, written as path commands for SVG), at 4x and scaled down for smooth edges. The
outputs are committed; run this again only after changing a shape:

    .venv/bin/python packaging/icon.py     # writes resources/icons/ and packaging/windows/dossier_app.ico
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
ICO = ROOT / "packaging" / "windows" / "dossier_app.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)
VIEW = 256  # the drawing's own units

BLUE = "#1565c0"
LIGHT = "#90caf9"
WHITE = "#ffffff"
STROKE = 12
Point = tuple[float, float]
PAGE: list[Point] = [(52, 16), (160, 16), (212, 68), (212, 240), (52, 240)]
FOLD: list[Point] = [(160, 16), (160, 68), (212, 68)]
LINES = [((80, 96), (184, 96)), ((80, 124), (148, 124))]  # two lines of text above the pin
LINE_WIDTH = 12
PIN_TIP = (132, 228)
PIN_CENTRE = (132, 166)
PIN_RADIUS = 38
PIN_HOLE = 15
# The two cubic curves from the tip up to the circle's sides (control points), mirrored about the pin's axis.
PIN_LEFT: list[Point] = [
    PIN_TIP,
    (114, 204),
    (PIN_CENTRE[0] - PIN_RADIUS, 190),
    (PIN_CENTRE[0] - PIN_RADIUS, PIN_CENTRE[1]),
]


def _mirror(points: Sequence[Point]) -> list[Point]:
    """The same points mirrored about the pin's vertical axis."""
    return [(2 * PIN_CENTRE[0] - x, y) for x, y in points]


def _cubic(p: Sequence[Point], steps: int = 48) -> list[Point]:
    """Points along a cubic Bézier curve."""
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
        out.append((a * p[0][0] + b * p[1][0] + c * p[2][0] + d * p[3][0],
                    a * p[0][1] + b * p[1][1] + c * p[2][1] + d * p[3][1]))  # fmt: skip
    return out


def pin_outline() -> list[Point]:
    """The pin as one closed polygon: left curve up, the top half-circle left to right, right curve down."""
    left = _cubic(PIN_LEFT)
    arc = [
        (PIN_CENTRE[0] - PIN_RADIUS * math.cos(a), PIN_CENTRE[1] - PIN_RADIUS * math.sin(a))
        for a in (math.pi * i / 64 for i in range(65))
    ]
    right = list(reversed(_cubic(_mirror(PIN_LEFT))))
    return left + arc + right


def _points(points: Sequence[Point]) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


def svg() -> str:
    """The icon as SVG 1.1 (no text, no filters: it renders the same in every viewer)."""
    l1, l2, l3, l4 = PIN_LEFT
    r2, r3, _r4 = _mirror([l2, l3, l4])[0], _mirror([l2, l3, l4])[1], _mirror([l2, l3, l4])[2]
    cx, cy = PIN_CENTRE
    pin = (
        f"M{l1[0]:g} {l1[1]:g} C{l2[0]:g} {l2[1]:g} {l3[0]:g} {l3[1]:g} {l4[0]:g} {l4[1]:g} "
        f"A{PIN_RADIUS} {PIN_RADIUS} 0 0 1 {cx + PIN_RADIUS:g} {cy:g} "
        f"C{r3[0]:g} {r3[1]:g} {r2[0]:g} {r2[1]:g} {l1[0]:g} {l1[1]:g} Z"
    )
    lines = "\n".join(
        f'  <line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}" stroke="{LIGHT}" stroke-width="{LINE_WIDTH}" '
        'stroke-linecap="round"/>'
        for a, b in LINES
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- dossier_app: a page with a map pin. Drawn by packaging/icon.py; edit the shapes there. -->
<svg xmlns="http://www.w3.org/2000/svg" width="{VIEW}" height="{VIEW}" viewBox="0 0 {VIEW} {VIEW}">
  <polygon points="{_points(PAGE)}" fill="{WHITE}" stroke="{BLUE}" stroke-width="{STROKE}" stroke-linejoin="round"/>
  <polygon points="{_points(FOLD)}" fill="{LIGHT}" stroke="{BLUE}" stroke-width="{STROKE}" stroke-linejoin="round"/>
{lines}
  <path d="{pin}" fill="{BLUE}"/>
  <circle cx="{cx}" cy="{cy}" r="{PIN_HOLE}" fill="{WHITE}"/>
</svg>
"""


def png(size: int) -> Image.Image:
    """The icon at one size: drawn at 4x its size, then scaled down."""
    scale = 4 * size / VIEW
    big = Image.new("RGBA", (4 * size, 4 * size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)

    def at(points: Sequence[Point]) -> list[Point]:
        return [(x * scale, y * scale) for x, y in points]

    def outlined(points: Sequence[Point], fill: str) -> None:
        """A polygon with the stroke centred on its edge and round joins, as SVG draws it."""
        width = STROKE * scale
        draw.polygon(at(points), fill=fill)
        draw.line([*at(points), at(points)[0]], fill=BLUE, width=round(width), joint="curve")
        for x, y in at(points):
            draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=BLUE)

    outlined(PAGE, WHITE)
    outlined(FOLD, LIGHT)
    for a, b in LINES:
        (x1, y1), (x2, y2) = at([a, b])
        width = LINE_WIDTH * scale
        draw.line([(x1, y1), (x2, y2)], fill=LIGHT, width=round(width))
        for x, y in ((x1, y1), (x2, y2)):
            draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=LIGHT)
    draw.polygon(at(pin_outline()), fill=BLUE)
    (cx, cy), r = at([PIN_CENTRE])[0], PIN_HOLE * scale
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=WHITE)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    """Write the SVG, the PNGs and the .ico."""
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "dossier_app.svg").write_text(svg(), encoding="utf-8")
    images = {size: png(size) for size in SIZES}
    for size, image in images.items():
        image.save(ICONS / f"dossier_app-{size}.png", optimize=True)
    ICO.parent.mkdir(parents=True, exist_ok=True)
    images[256].save(ICO, sizes=[(s, s) for s in SIZES])
    print(f"{ICONS.relative_to(ROOT)}: dossier_app.svg and {len(SIZES)} PNGs; {ICO.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
