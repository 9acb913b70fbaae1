"""The committed icons are what packaging/icon.py draws: SVG, PNGs at every size, the Windows .ico."""

from PIL import Image

from tests.packaging.conftest import ROOT, load_script

icon = load_script("icon.py")


def test_the_svg_is_the_drawing() -> None:
    assert (ROOT / "resources" / "icons" / "dossier_app.svg").read_text(encoding="utf-8") == icon.svg()


def test_each_png_has_its_size_a_transparent_corner_and_the_blue_pin() -> None:
    for size in icon.SIZES:
        with Image.open(ROOT / "resources" / "icons" / f"dossier_app-{size}.png") as image:
            rgba = image.convert("RGBA")
            assert rgba.size == (size, size)
            assert rgba.getpixel((size - 1, 0))[3] == 0  # outside the folded corner
            x, y = (round(c * size / icon.VIEW) for c in (icon.PIN_CENTRE[0], icon.PIN_CENTRE[1] - icon.PIN_RADIUS + 8))
            red, _green, blue, alpha = rgba.getpixel((x, y))
            assert alpha > 200 and blue > 120 and red < 90, (size, rgba.getpixel((x, y)))


def test_the_windows_icon_holds_every_size() -> None:
    with Image.open(ROOT / "packaging" / "windows" / "dossier_app.ico") as ico:
        assert {(s, s) for s in icon.SIZES} <= set(ico.info["sizes"])
