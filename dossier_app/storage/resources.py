"""Reads the legal templates and demo texts shipped under resources/."""

from functools import cache
from pathlib import Path
from typing import IO, Any

import yaml

from dossier_app.domain.catalogues import CatalogueItem, CatalogueKind
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, DossierError, NotFound
from dossier_app.domain.outline import Regime, parse_regime
from dossier_app.domain.register import AssetKind
from dossier_app.domain.working_days import CalendarDay, parse_holidays

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"
# libyaml's parser when PyYAML has it (every wheel does): the regimes parse in milliseconds, not a third of a second.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(stream: IO[str]) -> Any:
    """One YAML document of a resource file, read safely (plain data only)."""
    return yaml.load(stream, Loader=_YAML_LOADER)


@cache
def load_regimes(folder: Path = RESOURCES_DIR / "regimes") -> dict[str, Regime]:
    """Every regime file in the folder, keyed by regime key, in file-name order."""
    regimes: dict[str, Regime] = {}
    for path in sorted(folder.glob("*.yaml")):
        with path.open(encoding="utf-8") as stream:
            regime = parse_regime(read_yaml(stream))
        regimes[regime.key] = regime
    return regimes


def demo_texts(project_code: str, folder: Path = RESOURCES_DIR / "demo") -> dict[str, str]:
    """The demo draft text of each section of a demo project, keyed by outline key."""
    project_folder = folder / project_code
    if not project_folder.is_dir():
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No demo text for project {code}."), code=project_code)
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(project_folder.glob("*.md"))}


@cache
def message_translations(language: str, context: str = "Errors") -> dict[str, str]:
    """Finished translations of one Qt Linguist context, for output outside Qt (the command line)."""
    import xml.etree.ElementTree as ElementTree

    path = RESOURCES_DIR / "translations" / f"dossier_app_{language}.ts"
    if not path.is_file():
        return {}
    table: dict[str, str] = {}
    for context_node in ElementTree.parse(path).getroot().iter("context"):
        if context_node.findtext("name") != context:
            continue
        for message in context_node.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if source and translation is not None and translation.text and not translation.get("type"):
                table[source] = translation.text
    return table


@cache
def _cached_translations(language: str, context: str) -> dict[str, str]:
    return message_translations(language, context)


def translated_message(error: DossierError, language: str = "vi") -> str:
    """An error's message in `language` from the catalogue (its parameters too, where they are messages);
    the English message when there is no translation. The catalogue is read once per process."""
    table = _cached_translations(language, "Errors")
    template = table.get(error.template)
    if not template:
        return error.message
    params = {key: table.get(value, value) if isinstance(value, str) else value for key, value in error.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return error.message


LAND_USE_FILE = RESOURCES_DIR / "catalogues" / "land_use_codes.yaml"


@cache
def load_land_use_catalogue(path: Path = LAND_USE_FILE) -> tuple[CatalogueItem, ...]:
    """The shipped land-use codes with their groups: the seed of a new database's catalogue."""
    with path.open(encoding="utf-8") as stream:
        data = read_yaml(stream)
    return tuple(
        CatalogueItem(
            CatalogueKind.LAND_USE,
            str(entry["code"]),
            str(entry["name"]),
            str(entry.get("group", "")),
            bool(entry.get("confirmed", True)),
            position,
        )
        for position, entry in enumerate(data["codes"])
    )


def load_land_use_codes(path: Path = LAND_USE_FILE) -> dict[str, str]:
    """The shipped land-use codes: code → Vietnamese name, in file order."""
    return {item.code: item.name for item in load_land_use_catalogue(path)}


@cache
def load_wards(path: Path = RESOURCES_DIR / "catalogues" / "wards.yaml") -> tuple[str, ...]:
    """The ward names offered in lists (the register accepts others too)."""
    with path.open(encoding="utf-8") as stream:
        data = read_yaml(stream)
    return tuple(str(name) for name in data["wards"])


FONTS_DIR = RESOURCES_DIR / "fonts"


APP_NAME = "dossier_app"  # the folder name of the user's data, settings and cache


def office_templates_dir() -> Path:
    """Where an office keeps its own export templates (files of the same names as exports/), read before the
    shipped ones: the user's data folder, which an installed program's folder may not be."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "exports"


def font_dir() -> Path:
    """The bundled Liberation Serif faces (SIL OFL) that the PDF export embeds."""
    return FONTS_DIR


@cache
def load_holiday_files(folder: Path = RESOURCES_DIR / "holidays") -> tuple[CalendarDay, ...]:
    """The shipped holiday calendars of every year: the seed of a new database's calendar."""
    days: list[CalendarDay] = []
    for path in sorted(folder.glob("*.yaml")):
        with path.open(encoding="utf-8") as stream:
            days.extend(parse_holidays(read_yaml(stream), path.name))
    return tuple(days)


@cache
def load_catalogue_names(name: str, key: str = "codes") -> dict[str, tuple[str, str]]:
    """A catalogue's code → (Vietnamese name, English name), in file order (the English name falls back to the
    Vietnamese one)."""
    with (RESOURCES_DIR / "catalogues" / f"{name}.yaml").open(encoding="utf-8") as stream:
        data = read_yaml(stream)
    return {str(entry["code"]): (str(entry["name"]), str(entry.get("name_en") or entry["name"])) for entry in data[key]}


@cache
def load_asset_kinds(path: Path = RESOURCES_DIR / "catalogues" / "asset_kinds.yaml") -> dict[str, AssetKind]:
    """The catalogue of asset kinds (houses, works, trees, crops, graves): code → its names, measure and group."""
    with path.open(encoding="utf-8") as stream:
        data = read_yaml(stream)
    return {
        str(e["code"]): AssetKind(str(e["code"]), str(e["name"]), str(e.get("name_en") or e["name"]),
                                  str(e["measure"]), str(e["group"]))
        for e in data["kinds"]
    }  # fmt: skip


@cache
def load_house_grades(path: Path = RESOURCES_DIR / "catalogues" / "asset_kinds.yaml") -> tuple[str, ...]:
    """The grades of houses and works offered in lists."""
    with path.open(encoding="utf-8") as stream:
        data = read_yaml(stream)
    return tuple(str(g) for g in data.get("grades", ()))
