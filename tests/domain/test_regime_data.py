"""Regime files carry the filing facts (copies, bodies, clock, attachments) and are refused when inconsistent."""

import copy
from typing import Any

import pytest
import yaml

from dossier_app.domain.enums import ParkKind
from dossier_app.domain.errors import ValidationFailed
from dossier_app.domain.outline import Regime, parse_regime
from dossier_app.domain.submission import Copies
from dossier_app.storage.resources import RESOURCES_DIR, load_regimes


def _raw(key: str) -> dict[str, Any]:
    with (RESOURCES_DIR / "regimes" / f"{key}.yaml").open(encoding="utf-8") as stream:
        data: dict[str, Any] = yaml.safe_load(stream)
    return data


@pytest.fixture(scope="module")
def regimes() -> dict[str, Regime]:
    """The shipped regimes."""
    return load_regimes()


def test_nd10_clock_copies_bodies_and_map(regimes: dict[str, Regime]) -> None:
    nd10 = regimes["nd10_2024"]
    assert [(s.key, s.working_days) for s in nd10.review_clock] == [
        ("ask_ministries", 5),
        ("ministries_reply", 20),
        ("most_assessment", 5),
        ("submit_to_pm", 5),
    ]
    assert nd10.copies == Copies(sets=10, originals=2)
    assert nd10.submitted_to_vi == "Bộ Khoa học và Công nghệ"
    assert {"mod", "mps"} <= {b.key for b in nd10.bodies}
    assert all(b.reply_step == "ministries_reply" for b in nd10.bodies)
    [map_] = nd10.attachments
    assert map_.key == "establishment_map" and map_.mandatory and "1:10.000 - 1:25.000" in map_.title_vi
    assert [c.key for c in nd10.conditions] == [f"art5.{x}" for x in ["a", "b", "c", "d", "dd", "e", "g", "h", "i"]]


def test_nd154_clock_copies_eia_and_criteria_links(regimes: dict[str, Regime]) -> None:
    nd154 = regimes["nd154_2013"]
    assert [s.working_days for s in nd154.review_clock] == [5, 10, 5]
    assert nd154.copies == Copies(sets=1, originals=1)
    assert {a.key for a in nd154.attachments} == {"planning_map", "eia_decision"}
    assert nd154.node(next(a.section_key for a in nd154.attachments if a.key == "eia_decision")) is not None
    linked = {c.key: c.criterion for c in nd154.conditions if c.criterion}
    assert linked["art5.it_workers"] == "it_workers"
    assert set(linked.values()) == {c.key for c in nd154.criteria}
    variants = {c.key: {v.key: v.value for v in c.variants} for c in nd154.criteria}
    assert variants["it_workers"] == {"software_only": 1000}
    assert variants["land_area"] == {"software_only": 1}
    assert variants["existing_parks_occupancy"] == {"expansion": 70}


def test_unverified_regimes_say_so_and_keep_the_outline_keys(regimes: dict[str, Regime]) -> None:
    nd260, nd354 = regimes["nd260_2026"], regimes["nd354_2025"]
    assert not nd260.verified and not nd354.verified
    assert nd260.note_vi and nd260.note_en and nd354.note_vi and nd354.note_en
    assert nd260.park_kind is ParkKind.HIGH_TECH and nd354.park_kind is ParkKind.IT_PARK
    assert "Ủy ban nhân dân" in nd260.decided_by_vi and "Ủy ban nhân dân" in nd354.decided_by_vi
    assert [(s.key, s.working_days) for s in nd260.review_clock] == [("ministries_reply", 20)]
    assert {b.key for b in nd260.bodies} == {"most", "mod", "mps"}
    assert nd354.review_clock == () and nd354.criteria == ()
    nd10_keys = {n.key for d in regimes["nd10_2024"].documents for n in d.walk()}
    assert {n.key for d in nd260.documents for n in d.walk()} < nd10_keys


def _refused(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_regime(data)
    assert caught.value.field == field


def test_unknown_reply_step_is_refused() -> None:
    data = copy.deepcopy(_raw("nd10_2024"))
    data["bodies_consulted"][0]["reply_step"] = "no_such_step"
    _refused(data, "reply_step")


def test_attachment_under_an_unknown_section_is_refused() -> None:
    data = copy.deepcopy(_raw("nd154_2013"))
    data["attachments"][1]["section_key"] = "da.99"
    _refused(data, "section_key")


@pytest.mark.parametrize("days", [-1, 2.5, "5", True, None])
def test_bad_clock_step_lengths_are_refused(days: object) -> None:
    data = copy.deepcopy(_raw("nd10_2024"))
    data["review_clock"][1]["working_days"] = days
    _refused(data, "working_days")


def test_bad_criterion_operator_or_value_is_refused() -> None:
    data = copy.deepcopy(_raw("nd154_2013"))
    data["criteria"][0]["operator"] = "=>"
    _refused(data, "operator")
    data = copy.deepcopy(_raw("nd154_2013"))
    data["criteria"][0]["value"] = "2000"
    _refused(data, "value")


def test_condition_linked_to_an_unknown_criterion_is_refused() -> None:
    data = copy.deepcopy(_raw("nd154_2013"))
    data["conditions"][1]["criterion"] = "nothing"
    _refused(data, "criterion")


def test_duplicate_condition_key_and_copies_are_checked() -> None:
    data = copy.deepcopy(_raw("nd10_2024"))
    data["conditions"][1]["key"] = data["conditions"][0]["key"]
    _refused(data, "key")
    data = copy.deepcopy(_raw("nd10_2024"))
    data["copies"] = {"sets": 1, "originals": 2}
    _refused(data, "originals")


def test_unverified_regime_without_a_note_is_refused() -> None:
    data = copy.deepcopy(_raw("nd260_2026"))
    del data["note_vi"]
    _refused(data, "note_vi")


def test_a_new_regime_is_a_data_only_change(tmp_path: Any) -> None:
    data = copy.deepcopy(_raw("nd10_2024"))
    data["key"], data["code"] = "nd99_2030", "99/2030/NĐ-CP"
    (tmp_path / "nd99_2030.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded = load_regimes.__wrapped__(tmp_path)
    assert list(loaded) == ["nd99_2030"] and loaded["nd99_2030"].review_clock
