"""`./dev install-desktop`: a valid desktop entry and the icons in the user's data folder; --remove takes them away."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import load_script

install_desktop = load_script("linux/install_desktop.py")


def test_install_writes_the_entry_and_every_icon_and_remove_takes_them(tmp_path: Path) -> None:
    command = ["/opt/dossier app/dossier_app", "--db", "50%.sqlite3"]
    entry = install_desktop.install(tmp_path, command)
    text = entry.read_text(encoding="utf-8")
    assert 'Exec="/opt/dossier app/dossier_app" "--db" "50%%.sqlite3"\n' in text
    assert "Icon=dossier_app\n" in text and "Name[vi]=Hồ sơ khu công nghệ cao" in text
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert (tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "dossier_app.png").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "dossier_app.svg").is_file()
    install_desktop.remove(tmp_path)
    assert not entry.exists() and not list((tmp_path / "icons").rglob("dossier_app.*"))


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_the_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    entry = install_desktop.install(tmp_path, ['/a "quoted" $path/dossier_app'])
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_data_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert install_desktop.data_home() == tmp_path
    monkeypatch.delenv("XDG_DATA_HOME")
    assert install_desktop.data_home() == Path.home() / ".local" / "share"
