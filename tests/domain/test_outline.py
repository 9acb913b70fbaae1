"""Legal regimes as data: both shipped regime files parse into the outlines the decrees prescribe."""

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from dossier_app.domain.enums import DocumentKind, ParkKind
from dossier_app.domain.errors import ValidationFailed
from dossier_app.domain.outline import DocumentOutline, OutlineNode, Regime, parse_regime
from dossier_app.storage.resources import RESOURCES_DIR, load_regimes

REGIME_FILES = sorted((RESOURCES_DIR / "regimes").glob("*.yaml"))


@pytest.fixture(scope="module")
def regimes() -> dict[str, Regime]:
    """The regimes exactly as the program loads them."""
    return load_regimes()


@pytest.fixture(scope="module")
def nd10(regimes: dict[str, Regime]) -> Regime:
    """Decree 10/2024 (high-tech park)."""
    return regimes["nd10_2024"]


@pytest.fixture(scope="module")
def nd154(regimes: dict[str, Regime]) -> Regime:
    """Decree 154/2013 (concentrated IT park)."""
    return regimes["nd154_2013"]


def _document(regime: Regime, kind: DocumentKind) -> DocumentOutline:
    matches = [d for d in regime.documents if d.kind == kind]
    assert len(matches) == 1, f"{regime.key} has {len(matches)} documents of kind {kind}"
    return matches[0]


def _raw(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as stream:
        data: dict[str, Any] = yaml.safe_load(stream)
    return data


def test_both_regimes_are_shipped(regimes: dict[str, Regime]) -> None:
    assert len(REGIME_FILES) == 4
    assert set(regimes) == {"nd10_2024", "nd154_2013", "nd260_2026", "nd354_2025"}
    assert regimes["nd10_2024"].code == "10/2024/NĐ-CP"
    assert regimes["nd10_2024"].park_kind is ParkKind.HIGH_TECH
    assert regimes["nd154_2013"].code == "154/2013/NĐ-CP"
    assert regimes["nd154_2013"].park_kind is ParkKind.IT_PARK


@pytest.mark.parametrize("key", ["nd10_2024", "nd154_2013"])
def test_each_regime_files_a_to_trinh_then_a_de_an(regimes: dict[str, Regime], key: str) -> None:
    assert [d.kind for d in regimes[key].documents] == [DocumentKind.TO_TRINH, DocumentKind.DE_AN]


@pytest.mark.parametrize("key", ["nd10_2024", "nd154_2013"])
def test_to_trinh_has_the_five_required_parts(regimes: dict[str, Regime], key: str) -> None:
    to_trinh = _document(regimes[key], DocumentKind.TO_TRINH)
    titles = [n.title_vi for n in to_trinh.sections]
    assert titles == [
        "Căn cứ pháp lý",
        "Sự cần thiết và quá trình xây dựng đề án",
        "Tóm tắt đề án",
        "Đánh giá việc đáp ứng tiêu chí",
        "Kiến nghị",
    ]
    assert all(n.required for n in to_trinh.sections)


def test_nd10_de_an_items_0_to_7_with_4_1_to_4_5(nd10: Regime) -> None:
    de_an = _document(nd10, DocumentKind.DE_AN)
    numbered = [n for n in de_an.sections if n.key[3].isdigit()]
    assert [n.key.split("_")[0] for n in numbered] == [f"da.{i}" for i in range(8)]
    assert [n.order for n in de_an.sections] == list(range(len(de_an.sections)))
    assert de_an.sections[: len(numbered)] == tuple(numbered), "items 0-7 come first, in order"
    # 0 (introduction) is customary; 1-7 are what Art. 7 requires.
    assert [n.required for n in numbered] == [False] + [True] * 7
    item4 = numbered[4]
    assert item4.title_vi.startswith("Dự kiến phương hướng phát triển")
    assert [c.key.split("_")[0] + "_" + c.key.split("_")[1] for c in item4.children] == [
        f"da.4_{i}" for i in range(1, 6)
    ]
    assert [c.order for c in item4.children] == [0, 1, 2, 3, 4]
    assert all(c.required for c in item4.children)
    assert [c.title_vi for c in item4.children][:2] == [
        "Mục tiêu, tính chất, chức năng, nhiệm vụ",
        "Ngành, lĩnh vực ưu tiên phát triển",
    ]
    others = [n for n in numbered if n is not item4]
    assert all(not n.children for n in others)


def test_nd10_art5_conditions_a_to_i(nd10: Regime) -> None:
    labels = [c.label for c in nd10.conditions]
    assert labels == ["a", "b", "c", "d", "đ", "e", "g", "h", "i"]
    assert len({c.key for c in nd10.conditions}) == 9
    for condition in nd10.conditions:
        assert condition.title_vi.strip() and condition.title_en.strip()
        assert condition.guidance_vi.strip() and condition.guidance_en.strip()


def test_nd154_de_an_has_eight_items(nd154: Regime) -> None:
    de_an = _document(nd154, DocumentKind.DE_AN)
    assert [n.key.split("_")[0] for n in de_an.sections] == [f"da.{i}" for i in range(1, 9)]
    assert [n.order for n in de_an.sections] == list(range(8))
    assert all(n.required for n in de_an.sections)
    item4 = de_an.sections[3]
    assert item4.title_vi.startswith("Phương hướng phát triển")
    assert len(item4.children) == 4


def test_nd154_numeric_criteria(nd154: Regime) -> None:
    criteria = {c.key: (c.operator, c.value, c.unit) for c in nd154.criteria}
    assert criteria == {
        "it_workers": (">=", 2000.0, "people"),
        "it_worker_share": (">=", 60.0, "percent"),
        "land_area": (">=", 5.0, "ha"),
        "core_group_share": (">=", 50.0, "percent"),
        "building_density": ("<=", 40.0, "percent"),
        "existing_parks_occupancy": (">=", 60.0, "percent"),
    }
    for criterion in nd154.criteria:
        assert criterion.title_vi.strip() and criterion.title_en.strip()


def _all_nodes(regime: Regime) -> list[OutlineNode]:
    return [node for document in regime.documents for node in document.walk()]


@pytest.mark.parametrize("key", ["nd10_2024", "nd154_2013"])
def test_every_node_has_titles_and_required_nodes_have_guidance(regimes: dict[str, Regime], key: str) -> None:
    nodes = _all_nodes(regimes[key])
    assert len(nodes) > 10
    for node in nodes:
        assert node.title_vi.strip() and node.title_en.strip(), node.key
        assert node.title_vi != node.title_en, node.key
        if node.required:
            assert node.guidance_vi.strip() and node.guidance_en.strip(), node.key


@pytest.mark.parametrize("key", ["nd10_2024", "nd154_2013"])
def test_keys_are_unique_and_findable(regimes: dict[str, Regime], key: str) -> None:
    regime = regimes[key]
    keys = [n.key for n in _all_nodes(regime)]
    assert len(keys) == len(set(keys))
    for node in _all_nodes(regime):
        assert regime.node(node.key) is node
    assert regime.node("no.such.key") is None
    assert len({c.key for c in regime.conditions}) == len(regime.conditions)


@pytest.mark.parametrize("path", REGIME_FILES, ids=lambda p: p.stem)
def test_parse_regime_round_trips_the_file(path: Path) -> None:
    assert parse_regime(_raw(path)) == load_regimes()[_raw(path)["key"]]


@pytest.mark.parametrize("missing", ["title_vi", "title_en"])
def test_parse_regime_refuses_a_node_without_a_title(missing: str) -> None:
    data = copy.deepcopy(_raw(RESOURCES_DIR / "regimes" / "nd10_2024.yaml"))
    node = data["documents"][1]["sections"][4]["children"][2]
    del node[missing]
    with pytest.raises(ValidationFailed) as caught:
        parse_regime(data)
    assert caught.value.field == missing
    assert missing in caught.value.message
    assert node["key"] in caught.value.message


def test_parse_regime_refuses_a_blank_regime_title() -> None:
    data = copy.deepcopy(_raw(RESOURCES_DIR / "regimes" / "nd154_2013.yaml"))
    data["title_vi"] = "   "
    with pytest.raises(ValidationFailed) as caught:
        parse_regime(data)
    assert caught.value.field == "title_vi"


def test_parse_regime_refuses_a_duplicate_key() -> None:
    data = copy.deepcopy(_raw(RESOURCES_DIR / "regimes" / "nd154_2013.yaml"))
    sections = data["documents"][1]["sections"]
    sections[1]["key"] = sections[0]["key"]
    with pytest.raises(ValidationFailed) as caught:
        parse_regime(data)
    assert caught.value.field == "key"
    assert sections[0]["key"] in caught.value.message
