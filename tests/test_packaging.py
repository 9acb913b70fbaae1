"""The lock files and the licence check: what is installed, under which licences, and THIRD_PARTY_LICENSES."""

import email.message
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from release import licences

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _pinned(lock: Path) -> dict[str, set[str]]:
    pins: dict[str, set[str]] = {}
    for pin in licences.read_lock(lock):
        pins.setdefault(pin.name, set()).add(pin.version)
    return pins


# --- The locks ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lock", "extras"), [("requirements.lock", False), ("requirements-dev.lock", True)])
def test_every_dependency_of_pyproject_is_pinned_within_its_range(lock: str, extras: bool) -> None:
    """Catches a dependency added or narrowed in pyproject.toml without `./dev lock`."""
    project = _pyproject()["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    if extras:
        wanted += [Requirement(r) for group in project["optional-dependencies"].values() for r in group]
    pins = _pinned(ROOT / lock)
    for requirement in wanted:
        versions = pins.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is not in {lock}: run ./dev lock"
        assert all(requirement.specifier.contains(v, prereleases=True) for v in versions), (requirement, versions)


def test_pyside_stays_below_6_12() -> None:
    """6.12.0 leaks a reference to None per void call on Python 3.11 and aborts."""
    assert all(v.split(".")[:2] < ["6", "12"] for v in _pinned(ROOT / "requirements.lock")["pyside6-essentials"])


def test_the_runtime_lock_takes_the_very_pins_of_the_full_lock() -> None:
    run = {(p.name, p.version, p.marker) for p in licences.read_lock(ROOT / "requirements.lock")}
    dev = {(p.name, p.version, p.marker) for p in licences.read_lock(ROOT / "requirements-dev.lock")}
    assert run and run <= dev


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_pin_is_exact_and_hashed(lock: str) -> None:
    """pip --require-hashes needs both; an entry per package and environment, each followed by its hashes."""
    lines = (ROOT / lock).read_text(encoding="utf-8").splitlines()
    entries = [i for i, line in enumerate(lines) if line and not line.startswith((" ", "#"))]
    assert len(entries) == len(licences.read_lock(ROOT / lock)) > 50
    for i in entries:
        assert "==" in lines[i] and lines[i].endswith("\\"), lines[i]
        assert lines[i + 1].strip().startswith("--hash=sha256:"), lines[i]


def test_the_installed_packages_are_the_locked_ones() -> None:
    """./dev setup installs the lock exactly: nothing locked is missing or of another version."""
    for pin in licences.read_lock(ROOT / "requirements-dev.lock"):
        if pin.marker is None or Marker(pin.marker).evaluate():
            assert metadata.version(pin.name) == pin.version, pin


# --- Licence expressions -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    [
        "MIT",
        "MIT-0",
        "BSD",
        "BSD-2-Clause",
        "BSD-3-Clause",
        "Apache-2.0",
        "Apache",
        "PSF-2.0",
        "MPL-2.0",
        "OFL-1.1",
        "ISC",
        "LGPL-3.0-only",
        "LGPL-2.1-or-later",
        "LGPL-2.1+",
        "Apache-2.0 OR BSD-3-Clause",
        "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",  # PySide6: the LGPL option is taken
        "GPL-3.0-only OR MIT",
        "(GPL-2.0-only OR Apache-2.0) AND BSD-3-Clause",
        "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0",
        "MIT or Apache-2.0",
        "GPL-2.0-or-later WITH Bootloader-exception",  # PyInstaller, a build tool: check() keeps it out of the bundle
    ],
)
def test_licences_an_apache_program_can_carry(expression: str) -> None:
    assert licences.expression_misfit(expression) is None


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("GPL-3.0-only", "GPL-3.0-only (strong copyleft)"),
        ("GPL-2.0-or-later", "strong copyleft"),
        ("GPL-2.0+", "strong copyleft"),
        ("GPL-2.0-only OR GPL-3.0-only", "GPL-2.0-only (strong copyleft) and GPL-3.0-only"),
        ("AGPL-3.0-only", "AGPL"),
        ("AGPL-3.0-or-later OR GPL-3.0-only", "AGPL"),
        ("MIT AND GPL-3.0-only", "GPL-3.0-only"),
        ("GPL-2.0-or-later WITH Classpath-exception-2.0", "strong copyleft"),
        ("SSPL-1.0", "strong copyleft"),
        ("UNKNOWN", "unknown"),
        ("LicenseRef-Proprietary", "unknown"),
        ("Other/Proprietary License", "unknown"),
        ("", "unknown"),
        ("BSD license (see license.txt for details)", "not an SPDX expression"),
    ],
)
def test_licences_an_apache_program_cannot_carry(expression: str, reason: str) -> None:
    assert reason in (licences.expression_misfit(expression) or "")


def test_of_a_choice_the_first_fitting_option_is_used() -> None:
    assert licences.used_under("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only") == "LGPL-3.0-only"
    assert licences.used_under("(GPL-2.0-only OR Apache-2.0) AND MIT AND Apache-2.0") == "Apache-2.0 AND MIT"
    assert licences.used_under("MIT") == "MIT"


def _fields(**headers: str | list[str]) -> email.message.Message:
    message = email.message.Message()
    for key, value in headers.items():
        for item in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = item
    return message


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"License_Expression": "MIT", "License": "BSD", "Classifier": ["License :: OSI Approved :: BSD License"]},
         ("MIT", "License-Expression")),
        ({"License": "Apache 2.0", "Classifier": ["License :: OSI Approved :: MIT License"]},
         ("Apache-2.0", "License")),
        ({"License": "LGPL-3.0-only OR GPL-2.0-only"}, ("LGPL-3.0-only OR GPL-2.0-only", "License")),
        ({"License": "Copyright (c) 2015\nlong text", "Classifier": ["License :: OSI Approved :: BSD License"]},
         ("BSD", "classifiers")),
        ({"Classifier": ["License :: OSI Approved :: Apache Software License",
                         "License :: OSI Approved :: BSD License"]}, ("Apache OR BSD", "classifiers")),
        ({"Classifier": ["License :: OSI Approved :: GNU General Public License v3 (GPLv3)"]},
         ("GPL-3.0-only", "classifiers")),
        ({"Classifier": ["License :: OSI Approved"]}, ("UNKNOWN", "no licence in the metadata")),
        ({}, ("UNKNOWN", "no licence in the metadata")),
    ],
)  # fmt: skip
def test_the_licence_is_read_from_the_metadata(headers: dict, expected: tuple[str, str]) -> None:  # type: ignore[type-arg]
    assert licences.licence_from_metadata(_fields(**headers)) == expected  # type: ignore[arg-type]


# --- The check as ./dev test runs it ------------------------------------------------------------------------------


@pytest.fixture
def small_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The check pointed at a lock of two installed packages, a Windows-only one and a THIRD_PARTY_LICENSES copy."""
    lock = tmp_path / "requirements.lock"
    lock.write_text(
        f"pytest=={metadata.version('pytest')} \\\n    --hash=sha256:00\n"
        f"pyyaml=={metadata.version('pyyaml')} \\\n    --hash=sha256:00\n"
        "colorama==0.4.6 ; sys_platform == 'win32' \\\n    --hash=sha256:00\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(licences, "RUN_LOCK", lock)
    monkeypatch.setattr(licences, "DEV_LOCK", lock)
    monkeypatch.setattr(licences, "NOTICE", tmp_path / "THIRD_PARTY_LICENSES")
    return tmp_path


def test_the_check_passes_and_lists_every_package(small_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert licences.write() == 0
    assert licences.check() == 0
    out = capsys.readouterr().out
    assert "pytest" in out and "PyYAML" in out and "colorama" in out and "[reviewed]" in out
    notice = (small_project / "THIRD_PARTY_LICENSES").read_text(encoding="utf-8")
    assert f"| pytest | {metadata.version('pytest')} | MIT | MIT |" in notice
    assert "| Liberation Serif | LiberationSerif-Regular.ttf |" in notice and "OFL-1.1" in notice


def test_the_check_fails_naming_a_gpl_package(
    small_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(licences.REVIEWED, "pyyaml", licences.Review("GPL-3.0-or-later", "a test"))
    licences.write()
    assert licences.check() == 1
    err = capsys.readouterr().err
    assert "PyYAML 6" in err and "GPL-3.0-or-later (strong copyleft)" in err


def test_the_check_fails_on_a_build_tool_in_the_runtime_lock(
    small_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A licence that fits only by a bootloader exception may build the bundle; it may not be shipped in it."""
    monkeypatch.setitem(
        licences.REVIEWED, "pyyaml", licences.Review("GPL-2.0-or-later WITH Bootloader-exception", "a test")
    )
    licences.write()
    assert licences.check() == 1
    assert "which lets it build the bundle but not be shipped in it" in capsys.readouterr().err
    assert not licences.build_tool_only("MIT") and licences.build_tool_only(
        "GPL-2.0-or-later WITH Bootloader-exception"
    )


def test_the_check_fails_on_an_unreviewed_package_it_cannot_read(
    small_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delitem(licences.REVIEWED, "colorama")
    licences.write()
    assert licences.check() == 1
    assert "colorama 0.4.6: not installed on this system" in capsys.readouterr().err


def test_the_check_fails_on_a_version_other_than_the_locked_one(
    small_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = small_project / "requirements.lock"
    lock.write_text(lock.read_text(encoding="utf-8").replace("pytest==", "pytest==0.0.1+"), encoding="utf-8")
    licences.write()
    assert licences.check() == 1
    assert "is installed but the lock pins" in capsys.readouterr().err


def test_the_check_fails_when_third_party_licenses_is_stale(
    small_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(licences, "NOTICE_PYTHON", sys.version_info[:2])
    licences.write()
    notice = small_project / "THIRD_PARTY_LICENSES"
    notice.write_text(notice.read_text(encoding="utf-8").replace("| pytest |", "| pytest-old |"), encoding="utf-8")
    assert licences.check() == 1
    assert "THIRD_PARTY_LICENSES is out of date" in capsys.readouterr().err


def test_the_repository_passes_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    """The committed locks, THIRD_PARTY_LICENSES and fonts, as `./dev test` checks them before pytest."""
    assert licences.check() == 0, capsys.readouterr().err


def test_the_project_is_apache_licensed() -> None:
    project = _pyproject()["project"]
    assert project["license"] == "Apache-2.0"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License\n                           Version 2.0, January 2004" in text
    assert text.rstrip().endswith("limitations under the License.")
    assert metadata.metadata("dossier_app")["License-Expression"] == "Apache-2.0"
