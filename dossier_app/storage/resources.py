"""Reads the legal templates and demo texts shipped under resources/."""

from functools import cache
from pathlib import Path

import yaml

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from dossier_app.domain.outline import Regime, parse_regime
from dossier_app.domain.register import AssetKind

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


@cache
def load_regimes(folder: Path = RESOURCES_DIR / "regimes") -> dict[str, Regime]:
    """Every regime file in the folder, keyed by regime key, in file-name order."""
    regimes: dict[str, Regime] = {}
    for path in sorted(folder.glob("*.yaml")):
        with path.open(encoding="utf-8") as stream:
            regime = parse_regime(yaml.safe_load(stream))
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
def load_land_use_codes(path: Path = RESOURCES_DIR / "catalogues" / "land_use_codes.yaml") -> dict[str, str]:
    """The land-use code catalogue: code → Vietnamese name, in file order."""
    with path.open(encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    return {str(entry["code"]): str(entry["name"]) for entry in data["codes"]}


@cache
def load_wards(path: Path = RESOURCES_DIR / "catalogues" / "wards.yaml") -> tuple[str, ...]:
    """The ward names offered in lists (the register accepts others too)."""
    with path.open(encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    return tuple(str(name) for name in data["wards"])


@cache
def load_catalogue_names(name: str, key: str = "codes") -> dict[str, tuple[str, str]]:
    """A catalogue's code → (Vietnamese name, English name), in file order (the English name falls back to the
    Vietnamese one)."""
    with (RESOURCES_DIR / "catalogues" / f"{name}.yaml").open(encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    return {str(entry["code"]): (str(entry["name"]), str(entry.get("name_en") or entry["name"])) for entry in data[key]}


@cache
def load_asset_kinds(path: Path = RESOURCES_DIR / "catalogues" / "asset_kinds.yaml") -> dict[str, AssetKind]:
    """The catalogue of asset kinds (houses, works, trees, crops, graves): code → its names, measure and group."""
    with path.open(encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    return {
        str(e["code"]): AssetKind(str(e["code"]), str(e["name"]), str(e.get("name_en") or e["name"]),
                                  str(e["measure"]), str(e["group"]))
        for e in data["kinds"]
    }  # fmt: skip


@cache
def load_house_grades(path: Path = RESOURCES_DIR / "catalogues" / "asset_kinds.yaml") -> tuple[str, ...]:
    """The grades of houses and works offered in lists."""
    with path.open(encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    return tuple(str(g) for g in data.get("grades", ()))
