"""`./dev install-desktop`: the program in the current user's desktop menu, with its icon (no root, no system file).

Writes, under $XDG_DATA_HOME (default ~/.local/share), the icons at each drawn size and as SVG
(icons/hicolor/<size>/apps/dossier_app.png, icons/hicolor/scalable/apps/dossier_app.svg) and
applications/dossier_app.desktop, whose Exec starts the bundle (dist/dossier_app/dossier_app) when it is built, or
else `python main.py` from this checkout. `--remove` takes them away again. Standard library only.

    python packaging/linux/install_desktop.py [--exec COMMAND…] [--remove]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
TEMPLATE = Path(__file__).resolve().parent / "dossier_app.desktop"
NAME = "dossier_app"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def data_home() -> Path:
    """Where a user's applications and icons go (XDG Base Directory)."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def targets(data: Path) -> dict[Path, Path]:
    """Each installed icon file and the file it is copied from."""
    hicolor = data / "icons" / "hicolor"
    found = {hicolor / f"{size}x{size}" / "apps" / f"{NAME}.png": ICONS / f"{NAME}-{size}.png" for size in SIZES}
    found[hicolor / "scalable" / "apps" / f"{NAME}.svg"] = ICONS / f"{NAME}.svg"
    return found


def exec_line(command: Sequence[str]) -> str:
    """A command as a desktop entry's Exec value: each argument quoted, the characters the spec reserves escaped."""

    def quoted(argument: str) -> str:
        escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
        return f'"{escaped.replace("%", "%%")}"'

    return " ".join(quoted(argument) for argument in command).replace("\\", "\\\\")


def default_command() -> list[str]:
    """The bundle if it is built, else this checkout's interpreter running main.py."""
    bundled = ROOT / "dist" / NAME / NAME
    if bundled.is_file() and os.access(bundled, os.X_OK):
        return [str(bundled)]
    return [sys.executable, str(ROOT / "main.py")]


def install(data: Path, command: Sequence[str]) -> Path:
    """Copy the icons and write the desktop entry; the entry's path."""
    for target, source in targets(data).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    entry = data / "applications" / f"{NAME}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.read_text(encoding="utf-8").replace("@EXEC@", exec_line(command))
    entry.write_text(text, encoding="utf-8")
    _refresh(data)
    return entry


def remove(data: Path) -> None:
    """Take the desktop entry and the icons away."""
    for target in [*targets(data), data / "applications" / f"{NAME}.desktop"]:
        target.unlink(missing_ok=True)
    _refresh(data)


def _refresh(data: Path) -> None:
    """Tell the desktop about the change where its tools are installed (menus also notice on their own)."""
    tools = (
        ["update-desktop-database", "-q", str(data / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(data / "icons" / "hicolor")],
    )
    for tool in tools:
        if shutil.which(tool[0]) and Path(tool[-1]).is_dir():
            subprocess.run(tool, check=False, capture_output=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Install (or with --remove, uninstall) for the current user."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--exec", nargs="+", metavar="COMMAND", help="the command the menu entry runs")
    parser.add_argument("--remove", action="store_true", help="remove the entry and the icons")
    args = parser.parse_args(argv)
    data = data_home()
    if args.remove:
        remove(data)
        print(f"Removed {NAME}.desktop and its icons from {data}")
        return 0
    entry = install(data, args.exec or default_command())
    print(f"Installed {entry} and the icons under {data / 'icons' / 'hicolor'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
