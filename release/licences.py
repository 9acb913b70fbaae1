"""Licences of the locked packages: fail on one the Apache-2.0 program cannot carry; keep THIRD_PARTY_LICENSES.

Run from the project's virtual environment (`./dev test` runs `check` before pytest):

    python release/licences.py check   # every package of requirements-dev.lock with its licence; exit 1 naming a
                                       # GPL-only, AGPL or unknown one, or when THIRD_PARTY_LICENSES is out of date
    python release/licences.py write   # rewrite THIRD_PARTY_LICENSES from requirements.lock and resources/fonts

A licence is read from the installed distribution's metadata: License-Expression (SPDX), else a short License
field, else the License :: classifiers (several of them are taken as a choice). REVIEWED overrides that for the
packages whose metadata is empty or vague, each with where it was checked.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from fontTools.ttLib import TTFont
from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
RUN_LOCK = ROOT / "requirements.lock"
DEV_LOCK = ROOT / "requirements-dev.lock"
NOTICE = ROOT / "THIRD_PARTY_LICENSES"
FONTS = ROOT / "resources" / "fonts"
# THIRD_PARTY_LICENSES is written and compared on the lowest Python the lock is resolved for: where the lock holds
# several versions of a package (numpy for Python < 3.12 and >= 3.12), only the installed one's metadata is read.
NOTICE_PYTHON = (3, 11)

# Licences an Apache-2.0 program may ship with: the permissive ones, MPL-2.0 (its copyleft stops at the file) and
# the OFL of fonts. The LGPL family is allowed by its prefix below: the library stays a separate, replaceable one.
# "BSD" and "Apache" stand for the classifiers that name no version; every version of either is permissive.
PERMISSIVE = frozenset(
    {
        "0BSD", "Apache", "Apache-1.1", "Apache-2.0", "BSD", "BSD-2-Clause", "BSD-3-Clause", "BSL-1.0", "CC0-1.0",
        "CNRI-Python", "FTL", "HPND", "IJG", "ISC", "libpng-2.0", "libtiff", "MIT", "MIT-0", "MIT-CMU", "MPL-2.0",
        "OFL-1.1", "PSF-2.0", "Python-2.0", "Unicode-3.0", "Unicode-DFS-2016", "Unlicense", "X11", "Zlib",
    }
)  # fmt: skip
WEAK_COPYLEFT_PREFIXES = ("LGPL-",)
# Exceptions that let a build tool's output be shipped under any licence while the tool itself stays GPL: the tool may
# be in requirements-dev.lock (it builds the bundle) but never in requirements.lock (what the bundle carries).
# PyInstaller's Bootloader-exception covers the bootloader it links into the bundle; the run-time hooks and modules it
# also embeds (PyInstaller/hooks/rthooks, PyInstaller/fake-modules) are Apache-2.0 (its COPYING.txt).
BUILD_TOOL_EXCEPTIONS = frozenset({"Bootloader-exception"})
STRONG_COPYLEFT_PREFIXES = ("AGPL-", "GPL-", "SSPL-")

# The last part of a `License :: …` classifier, as an SPDX identifier (or a family name where it names no version).
CLASSIFIERS = {
    "MIT License": "MIT",
    "MIT No Attribution License (MIT-0)": "MIT-0",
    "BSD License": "BSD",
    "Apache Software License": "Apache",
    "ISC License (ISCL)": "ISC",
    "Python Software Foundation License": "PSF-2.0",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "The Unlicense (Unlicense)": "Unlicense",
    "zlib/libpng License": "Zlib",
    "Boost Software License 1.0 (BSL-1.0)": "BSL-1.0",
    "Historical Permission Notice and Disclaimer (HPND)": "HPND",
    "SIL Open Font License 1.1 (OFL-1.1)": "OFL-1.1",
    "CC0 1.0 Universal (CC0 1.0) Public Domain Dedication": "CC0-1.0",
    "GNU Lesser General Public License v2 (LGPLv2)": "LGPL-2.0-only",
    "GNU Lesser General Public License v2 or later (LGPLv2+)": "LGPL-2.0-or-later",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
    "GNU Lesser General Public License v3 or later (LGPLv3+)": "LGPL-3.0-or-later",
    "GNU Library or Lesser General Public License (LGPL)": "LGPL-2.0-or-later",
    "GNU General Public License (GPL)": "GPL-2.0-or-later",
    "GNU General Public License v2 (GPLv2)": "GPL-2.0-only",
    "GNU General Public License v2 or later (GPLv2+)": "GPL-2.0-or-later",
    "GNU General Public License v3 (GPLv3)": "GPL-3.0-only",
    "GNU General Public License v3 or later (GPLv3+)": "GPL-3.0-or-later",
    "GNU Affero General Public License v3": "AGPL-3.0-only",
    "GNU Affero General Public License v3 or later (AGPLv3+)": "AGPL-3.0-or-later",
}

# Free-text License fields seen in the wild that mean one SPDX identifier (compared in lower case).
LICENSE_FIELD_ALIASES = {
    "apache 2.0": "Apache-2.0",
    "apache-2": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache license, version 2.0": "Apache-2.0",
    "apache software license": "Apache",
    "bsd": "BSD",
    "bsd license": "BSD",
    "new bsd license": "BSD-3-Clause",
    "3-clause bsd license": "BSD-3-Clause",
    "bsd 3-clause license": "BSD-3-Clause",
    "bsd 2-clause license": "BSD-2-Clause",
    "mit license": "MIT",
    "the mit license": "MIT",
    "psf": "PSF-2.0",
    "psf license": "PSF-2.0",
    "mpl 2.0": "MPL-2.0",
}


@dataclass(frozen=True)
class Review:
    """A licence read by a person where the metadata is empty or vague, and where it was read."""

    expression: str
    checked: str
    home_page: str = ""


# Keyed by the canonical package name. Add an entry only after reading the package's own licence files.
REVIEWED: dict[str, Review] = {
    # Metadata says "BSD-3-Clause, Apache-2.0, dependency licenses". The wheel's dist-info/licenses/ holds LICENSES/
    # (Apache-2.0 and BSD-3-Clause for pypdfium2; CC-BY-4.0 for its documentation only) and BUILD_LICENSES/ for the
    # bundled PDFium and its libraries: BSD-3-Clause (PDFium, V8), MIT, FTL (FreeType), IJG (libjpeg-turbo),
    # libpng-2.0, libtiff, Zlib, Unicode-3.0 (ICU), BSL-1.0, Apache-2.0 (abseil, highway, LLVM parts). Only the
    # musl (Alpine) wheels add the GCC runtime, under its runtime-library exception; we run on glibc and Windows.
    "pypdfium2": Review(
        "(Apache-2.0 OR BSD-3-Clause) AND BSD-3-Clause AND Apache-2.0 AND MIT AND FTL AND IJG AND libpng-2.0"
        " AND libtiff AND Zlib AND Unicode-3.0 AND BSL-1.0",
        "pypdfium2 5.15.2 wheel, dist-info/licenses/LICENSES and BUILD_LICENSES",
    ),
    # Windows-only (pytest's colours), so never installed on Linux to read: the 0.4.6 wheel's METADATA has the
    # classifier "BSD License" and dist-info/licenses/LICENSE.txt is the 3-clause BSD text.
    "colorama": Review(
        "BSD-3-Clause", "colorama 0.4.6 wheel, METADATA and LICENSE.txt", "https://github.com/tartley/colorama"
    ),
    # Windows-only (zoneinfo's time zones there), so absent from a fresh Linux environment, where the check must give
    # the same THIRD_PARTY_LICENSES: the 2026.6 wheel's METADATA License field and dist-info/licenses/LICENSE say
    # Apache-2.0 (the time zone data itself is in the public domain).
    "tzdata": Review(
        "Apache-2.0", "tzdata 2026.6 wheel, METADATA and dist-info/licenses/LICENSE", "https://github.com/python/tzdata"
    ),
    # PyInstaller's dependencies for building on macOS and Windows, never installed on Linux to read: each wheel's
    # METADATA License field and its dist-info LICENSE file (the MIT text twice, the 3-clause BSD text once).
    "macholib": Review(
        "MIT", "macholib 1.16.4 wheel, METADATA and LICENSE", "https://github.com/ronaldoussoren/macholib"
    ),
    "pefile": Review("MIT", "pefile 2024.8.26 wheel, METADATA and LICENSE", "https://github.com/erocarrera/pefile"),
    "pywin32-ctypes": Review(
        "BSD-3-Clause",
        "pywin32-ctypes 0.2.3 wheel, METADATA and LICENSE.txt",
        "https://github.com/enthought/pywin32-ctypes",
    ),
    # The metadata has only the classifier "GPLv2" and a free-text License field; COPYING.txt (dist-info/licenses)
    # says GPL-2.0-or-later with the Bootloader exception (its own SPDX line). A build tool: see BUILD_TOOL_EXCEPTIONS.
    "pyinstaller": Review(
        "GPL-2.0-or-later WITH Bootloader-exception",
        "pyinstaller 6.22.3 wheel, dist-info/licenses/COPYING.txt",
        "https://pyinstaller.org",
    ),
}

# Font families bundled in resources/fonts, by the family name in the font's name table: their home page.
FONT_HOME_PAGES = {"Liberation Serif": "https://github.com/liberationfonts/liberation-fonts"}


# --- SPDX expressions ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One licence identifier, perhaps with an exception (`GPL-2.0-or-later WITH Classpath-exception-2.0`)."""

    identifier: str
    exception: str | None = None


@dataclass(frozen=True)
class Either:
    """A choice: any one of the options may be taken (`OR`)."""

    options: tuple[Expression, ...]


@dataclass(frozen=True)
class Both:
    """A conjunction: every part applies at once (`AND`)."""

    parts: tuple[Expression, ...]


Expression = Term | Either | Both


def parse_expression(text: str) -> Expression:
    """Parse an SPDX licence expression (operators in any case); ValueError if it is not one."""
    tokens: list[str] = re.findall(r"\(|\)|[^\s()]+", text)
    position = 0

    def peek() -> str:
        return tokens[position].upper() if position < len(tokens) else ""

    def take() -> str:
        nonlocal position
        if position >= len(tokens):
            raise ValueError(f"unexpected end of licence expression: {text!r}")
        position += 1
        return tokens[position - 1]

    def either() -> Expression:
        options = [both()]
        while peek() == "OR":
            take()
            options.append(both())
        return options[0] if len(options) == 1 else Either(tuple(options))

    def both() -> Expression:
        parts = [term()]
        while peek() == "AND":
            take()
            parts.append(term())
        return parts[0] if len(parts) == 1 else Both(tuple(parts))

    def term() -> Expression:
        token = take()
        if token == "(":
            inner = either()
            if take() != ")":
                raise ValueError(f"unbalanced parentheses in {text!r}")
            return inner
        if token == ")" or token.upper() in {"AND", "OR", "WITH"} or not re.fullmatch(r"[A-Za-z0-9.+:-]+", token):
            raise ValueError(f"not a licence identifier: {token!r} in {text!r}")
        if peek() == "WITH":
            take()
            return Term(token, take())
        return Term(token)

    result = either()
    if position != len(tokens):
        raise ValueError(f"trailing words in licence expression: {text!r}")
    return result


def _leaves(expression: Expression) -> Iterable[Term]:
    """Every identifier of an expression."""
    if isinstance(expression, Term):
        yield expression
    else:
        for child in expression.options if isinstance(expression, Either) else expression.parts:
            yield from _leaves(child)


def _recognised(identifier: str) -> bool:
    """Whether an identifier is one this check can judge (allowed or refused), rather than unknown."""
    return identifier in PERMISSIVE or identifier.startswith(WEAK_COPYLEFT_PREFIXES + STRONG_COPYLEFT_PREFIXES)


def term_misfit(term: Term) -> str | None:
    """Why an Apache-2.0 program cannot carry this one licence, or None if it can."""
    identifier = term.identifier.removesuffix("+")
    if term.exception in BUILD_TOOL_EXCEPTIONS:
        return None
    if identifier in PERMISSIVE or identifier.startswith(WEAK_COPYLEFT_PREFIXES):
        return None
    if identifier.startswith("AGPL-"):
        return f"{term.identifier} (AGPL: network copyleft)"
    if identifier.startswith(STRONG_COPYLEFT_PREFIXES):
        return f"{term.identifier} (strong copyleft)"
    return f"{term.identifier} (unknown licence: review it and add it to REVIEWED or PERMISSIVE)"


def misfit(expression: Expression) -> str | None:
    """Why an Apache-2.0 program cannot carry this expression, or None if it can (one fitting option is enough)."""
    if isinstance(expression, Term):
        return term_misfit(expression)
    if isinstance(expression, Either):
        reasons = [misfit(option) for option in expression.options]
        return None if None in reasons else " and ".join(r for r in reasons if r)
    for part in expression.parts:
        reason = misfit(part)
        if reason:
            return reason
    return None


def chosen(expression: Expression) -> Expression:
    """The licence the program takes a package under: of each choice, the first option that fits."""
    if isinstance(expression, Either):
        return next((chosen(o) for o in expression.options if misfit(o) is None), expression)
    if isinstance(expression, Both):
        return Both(tuple(chosen(part) for part in expression.parts))
    return expression


def render(expression: Expression, nested: bool = False) -> str:
    """An expression as SPDX text, with parentheses only where needed."""
    if isinstance(expression, Term):
        return f"{expression.identifier} WITH {expression.exception}" if expression.exception else expression.identifier
    if isinstance(expression, Either):
        text = " OR ".join(render(option, True) for option in expression.options)
        return f"({text})" if nested else text
    return " AND ".join(dict.fromkeys(render(part, True) for part in expression.parts))


def used_under(text: str) -> str:
    """`chosen` of an expression given as text (the text itself when it is not an SPDX expression)."""
    try:
        return render(chosen(parse_expression(text)))
    except ValueError:
        return text


def build_tool_only(text: str) -> bool:
    """Whether a licence fits only through a build tool's exception, so the package may build but not be shipped."""
    try:
        return any(term.exception in BUILD_TOOL_EXCEPTIONS for term in _leaves(parse_expression(text)))
    except ValueError:
        return False


def expression_misfit(text: str) -> str | None:
    """`misfit` of an expression given as text; an unreadable expression is unknown."""
    try:
        return misfit(parse_expression(text))
    except ValueError:
        return f"{text!r} (unknown licence: not an SPDX expression)"


# --- Reading the installed distributions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pin:
    """One line of a lock file: a package, its exact version and the environments it is for."""

    name: str
    version: str
    marker: str | None


@dataclass(frozen=True)
class Licence:
    """What the check found for one locked package."""

    name: str
    versions: tuple[str, ...]
    expression: str
    source: str
    home_page: str
    problem: str | None


def read_lock(path: Path) -> list[Pin]:
    """The pins of a requirements lock written by `uv pip compile` (`name==version [; marker] \\` lines)."""
    pins = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]*?))?\s*\\?$", line)
        if match:
            name, version, marker = match.groups()
            pins.append(Pin(canonicalize_name(name), version, marker or None))
    return pins


def _field(fields: metadata.PackageMetadata, key: str) -> str:
    """One metadata field, stripped; empty when absent."""
    return str(fields[key]).strip() if key in fields else ""


def licence_from_metadata(fields: metadata.PackageMetadata) -> tuple[str, str]:
    """(SPDX-like expression, where it came from) out of one distribution's metadata; ("UNKNOWN", …) if none."""
    expression = _field(fields, "License-Expression")
    if expression:
        return expression, "License-Expression"
    text = _field(fields, "License")
    if text and "\n" not in text and len(text) <= 120:
        alias = LICENSE_FIELD_ALIASES.get(text.lower())
        if alias:
            return alias, "License"
        try:
            if all(_recognised(term.identifier.removesuffix("+")) for term in _leaves(parse_expression(text))):
                return text, "License"
        except ValueError:
            pass
    classifiers = [c.split(" :: ")[-1] for c in fields.get_all("Classifier") or [] if c.startswith("License :: ")]
    named = [CLASSIFIERS.get(c, c) for c in classifiers if c != "OSI Approved"]
    if named:
        return " OR ".join(dict.fromkeys(named)), "classifiers"
    return "UNKNOWN", "no licence in the metadata"


def home_page(fields: metadata.PackageMetadata) -> str:
    """The project's home page from its metadata (Home-page, else the first fitting Project-URL)."""
    if _field(fields, "Home-page"):
        return _field(fields, "Home-page")
    urls: dict[str, str] = {}
    for entry in fields.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls.setdefault(re.sub(r"[\s_.-]", "", label).lower(), url.strip())
    for label in ("homepage", "home", "source", "sourcecode", "repository", "github", "documentation"):
        if label in urls:
            return urls[label]
    return ""


def _readable(marker: str) -> str:
    """A lock's environment marker as people write it: `python_full_version >= '3.12'` is `Python >= 3.12`."""
    return marker.replace("python_full_version", "Python").replace("python_version", "Python").replace("'", "")


def _describe(pins: Sequence[Pin]) -> tuple[str, ...]:
    """The locked versions of one package; with their environments when the lock holds several."""
    if len(pins) == 1:
        return (pins[0].version,)
    return tuple(f"{pin.version} ({_readable(pin.marker)})" if pin.marker else pin.version for pin in pins)


def survey(lock: Path) -> list[Licence]:
    """The licence of every package pinned in a lock, read from what is installed in this environment."""
    by_name: dict[str, list[Pin]] = {}
    for pin in read_lock(lock):
        by_name.setdefault(pin.name, []).append(pin)
    found = []
    for name, pins in sorted(by_name.items()):
        review = REVIEWED.get(name)
        try:
            installed = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            installed = None
        problem = None
        if installed is None:
            wanted_here = any(pin.marker is None or Marker(pin.marker).evaluate() for pin in pins)
            if wanted_here:
                problem = "locked but not installed: run ./dev setup"
            elif review is None:
                problem = "not installed on this system, so its licence cannot be read: add it to REVIEWED"
            expression, source, page = (review.expression, "reviewed", review.home_page) if review else ("", "", "")
            display = name
        else:
            fields = installed.metadata
            display = _field(fields, "Name")
            if installed.version not in {pin.version for pin in pins}:
                problem = f"{installed.version} is installed but the lock pins {_describe(pins)}: run ./dev setup"
            if review:
                expression, source, page = review.expression, "reviewed", review.home_page or home_page(fields)
            else:
                expression, source = licence_from_metadata(fields)
                page = home_page(fields)
        if problem is None:
            problem = expression_misfit(expression)
        found.append(Licence(display, _describe(pins), expression, source, page, problem))
    return found


# --- THIRD_PARTY_LICENSES ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Font:
    """One bundled font file and what its name table says about it."""

    file: str
    name: str
    version: str
    licence: str
    copyright: str
    home_page: str


def _font_name(font: TTFont, name_id: int) -> str:
    """One entry of a font's name table (1 family, 4 full name, 5 version, 0 copyright, 13 licence, 11 vendor URL)."""
    return " ".join(str(font["name"].getDebugName(name_id) or "").split())


def read_fonts(folder: Path = FONTS) -> list[Font]:
    """The fonts in resources/fonts, with the licence their name table declares (only the OFL 1.1 is known)."""
    fonts = []
    for path in sorted(folder.glob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            declared = _font_name(font, 13)
            fonts.append(
                Font(
                    file=path.name,
                    name=_font_name(font, 4),
                    version=_font_name(font, 5).removeprefix("Version "),
                    licence="OFL-1.1" if re.search(r"Open Font License,? Version 1\.1", declared) else "UNKNOWN",
                    copyright=_font_name(font, 0),
                    home_page=FONT_HOME_PAGES.get(_font_name(font, 1), _font_name(font, 11)),
                )
            )
    return fonts


def render_notice(packages: Sequence[Licence], fonts: Sequence[Font]) -> str:
    """THIRD_PARTY_LICENSES as Markdown: the packages of requirements.lock and the bundled fonts."""
    lines = [
        "# Third-party licences",
        "",
        "dossier_app is licensed under the Apache License 2.0 (see LICENSE). It runs with the Python packages below,",
        "exactly as pinned in `requirements.lock`, and ships the fonts below. Each package's full licence text comes",
        "with its distribution (the `licenses/` folder of its `.dist-info`). Where a package offers a choice of",
        'licences, "Used under" names the one dossier_app takes.',
        "",
        "Generated by `python release/licences.py write` (run by `./dev upgrade`); `./dev test` fails when it is",
        "out of date with the lock. Do not edit by hand.",
        "",
        "## Python packages",
        "",
        "| Package | Version | Licence | Used under | Home page |",
        "|---|---|---|---|---|",
    ]
    for p in packages:
        licence = p.expression or "UNKNOWN"
        lines.append(f"| {p.name} | {'<br>'.join(p.versions)} | {licence} | {used_under(licence)} | {p.home_page} |")
    lines += [
        "",
        "## Fonts (resources/fonts)",
        "",
        "Under the SIL Open Font License 1.1; its full text, with the copyright notices, is `resources/fonts/OFL.txt`.",
        "",
        "| Font | File | Version | Licence | Copyright | Home page |",
        "|---|---|---|---|---|---|",
    ]
    for font in fonts:
        lines.append(
            f"| {font.name} | {font.file} | {font.version} | {font.licence} | {font.copyright} | {font.home_page} |"
        )
    return "\n".join(lines) + "\n"


# --- Command line --------------------------------------------------------------------------------------------------


def _table(packages: Sequence[Licence]) -> str:
    """One line per package: name, versions, licence and where it was read."""
    width = max(len(p.name) for p in packages)
    return "\n".join(
        f"  {p.name:<{width}}  {', '.join(p.versions):<20} {p.expression or '?'}  [{p.source or '-'}]" for p in packages
    )


def check() -> int:
    """List every locked package's licence; 1 if one does not fit Apache-2.0 or THIRD_PARTY_LICENSES is stale."""
    packages = survey(DEV_LOCK)
    shipped = survey(RUN_LOCK)
    fonts = read_fonts()
    print(_table(packages))
    failures = [f"{p.name} {', '.join(p.versions)}: {p.problem}" for p in packages if p.problem]
    failures += [f"resources/fonts/{f.file}: {f.licence} font licence" for f in fonts if f.licence != "OFL-1.1"]
    locked = {canonicalize_name(p.name) for p in packages}
    failures += [
        f"{p.name}: in {RUN_LOCK.name} but not in {DEV_LOCK.name}: run ./dev lock"
        for p in shipped
        if canonicalize_name(p.name) not in locked
    ]
    failures += [
        f"{p.name}: in {RUN_LOCK.name} under {p.expression}, which lets it build the bundle but not be shipped in it"
        for p in shipped
        if build_tool_only(p.expression)
    ]
    if sys.version_info[:2] != NOTICE_PYTHON:
        print(f"{NOTICE.name} is written on Python {'.'.join(map(str, NOTICE_PYTHON))}: not compared on this one")
    elif not NOTICE.exists() or NOTICE.read_text(encoding="utf-8") != render_notice(shipped, fonts):
        failures.append(f"{NOTICE.name} is out of date with {RUN_LOCK.name}: run python release/licences.py write")
    if failures:
        print("Licence check failed:", *failures, sep="\n  ", file=sys.stderr)
        return 1
    print(f"{len(packages)} locked packages, {len(fonts)} fonts: all fit Apache-2.0; {NOTICE.name} is current")
    return 0


def write() -> int:
    """Rewrite THIRD_PARTY_LICENSES from requirements.lock and the bundled fonts."""
    packages = survey(RUN_LOCK)
    NOTICE.write_text(render_notice(packages, read_fonts()), encoding="utf-8")
    for package in packages:
        if package.problem:
            print(f"warning: {package.name}: {package.problem}", file=sys.stderr)
    print(f"{NOTICE.name}: {len(packages)} packages")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """`check` or `write`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("action", choices=["check", "write"])
    return check() if parser.parse_args(argv).action == "check" else write()


if __name__ == "__main__":
    raise SystemExit(main())
