"""Milestone rules: the shipped template, every legal clock at its threshold, risk on fixed days, drift, parsing."""

import copy
import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from dossier_app.domain.errors import ValidationFailed
from dossier_app.domain.milestones import (
    Bound,
    Deadline,
    FindingKind,
    LandKind,
    Milestone,
    MilestoneStatus,
    PlanTemplate,
    RegisterStep,
    Risk,
    RuleKind,
    add_months,
    assess,
    check_milestone,
    drift,
    legal_deadlines,
    parse_template,
    plan_from_template,
    register_percent,
    take_baseline,
)
from dossier_app.storage.milestone_templates import MILESTONES_DIR, load_milestone_templates, milestone_template

D = date
DONE = MilestoneStatus.DONE
AGRI = LandKind.AGRICULTURAL
NON_AGRI = LandKind.NON_AGRICULTURAL


@pytest.fixture(scope="module")
def template() -> PlanTemplate:
    return milestone_template()


def raw_template() -> dict[str, Any]:
    with (MILESTONES_DIR / "land_recovery.yaml").open(encoding="utf-8") as stream:
        data: dict[str, Any] = yaml.safe_load(stream)
    return data


def plan(**changes: dict[str, Any]) -> list[Milestone]:
    """The template's plan with some steps dated: plan(M10={"actual_end": ...})."""
    steps = plan_from_template(milestone_template())
    return [dataclasses.replace(step, **changes.get(step.key, {})) for step in steps]


def due(deadlines: list[Deadline], rule_key: str) -> date:
    (found,) = [d for d in deadlines if d.rule.key == rule_key]
    return found.due


# --- the template -------------------------------------------------------------------------------------------


def test_template_has_m1_to_m16_in_order(template: PlanTemplate) -> None:
    assert [step.key for step in template.steps] == [f"M{n}" for n in range(1, 17)]
    assert [step.order for step in template.steps] == list(range(16))
    assert all(step.title_vi and step.title_en and step.responsible_vi for step in template.steps)
    assert template.key in load_milestone_templates()


def test_register_driven_steps(template: PlanTemplate) -> None:
    driven = {step.key: step.register_step for step in template.steps if step.register_step is not None}
    assert driven == {
        "M4": RegisterStep.INVENTORY,
        "M6": RegisterStep.POSTING,
        "M12": RegisterStep.PAYMENT,
        "M14": RegisterStep.HAND_OVER,
    }


def test_template_rules_are_data(template: PlanTemplate) -> None:
    rules = {rule.key: rule for rule in template.rules}
    assert set(rules) == {
        "notice_lead",
        "notice_validity",
        "persuasion",
        "compulsory_inventory",
        "posting",
        "consultation",
        "decision",
        "payment",
    }
    assert rules["notice_lead"].kind is RuleKind.MIN_DAYS_BEFORE
    assert (rules["notice_lead"].step, rules["notice_lead"].anchor) == ("M2", "M11")
    assert rules["notice_lead"].offset_days(AGRI) == 90
    assert rules["notice_lead"].offset_days(NON_AGRI) == 180
    assert rules["notice_validity"].months == 12
    assert rules["posting"].bound is Bound.NOT_BEFORE
    assert rules["payment"].bound is Bound.NOT_AFTER
    assert rules["persuasion"].advisory and rules["compulsory_inventory"].advisory
    assert all(rule.note_vi and rule.note_en for rule in rules.values())


def test_new_plan_is_undated_and_not_started(template: PlanTemplate) -> None:
    steps = plan_from_template(template, language="en")
    assert steps[10].title == "Recovery decision"
    assert all(s.status is MilestoneStatus.NOT_STARTED and s.percent == 0 and s.start() is None for s in steps)
    assert legal_deadlines(steps, template.rules, AGRI) == []


# --- each clock at its threshold ----------------------------------------------------------------------------


def test_decision_within_10_days_and_payment_within_30_days_of_approval(template: PlanTemplate) -> None:
    deadlines = legal_deadlines(plan(M10={"actual_end": D(2026, 3, 2)}), template.rules, AGRI)
    assert due(deadlines, "decision") == D(2026, 3, 12)
    assert due(deadlines, "payment") == D(2026, 4, 1)
    assert all(d.from_actual for d in deadlines)


def test_actual_date_wins_over_planned(template: PlanTemplate) -> None:
    planned_only = legal_deadlines(plan(M10={"planned_end": D(2026, 3, 1)}), template.rules, AGRI)
    assert due(planned_only, "decision") == D(2026, 3, 11)
    assert not any(d.from_actual for d in planned_only)
    both = legal_deadlines(plan(M10={"planned_end": D(2026, 3, 1), "actual_end": D(2026, 3, 2)}), template.rules, AGRI)
    assert due(both, "decision") == D(2026, 3, 12)


@pytest.mark.parametrize(("land_kind", "latest_notice"), [(AGRI, D(2026, 6, 3)), (NON_AGRI, D(2026, 3, 5))])
def test_notice_90_or_180_days_before_the_decision(
    template: PlanTemplate, land_kind: LandKind, latest_notice: date
) -> None:
    deadlines = legal_deadlines(plan(M11={"planned_start": D(2026, 9, 1)}), template.rules, land_kind)
    assert due(deadlines, "notice_lead") == latest_notice
    assert (D(2026, 9, 1) - latest_notice).days == (90 if land_kind is AGRI else 180)


@pytest.mark.parametrize(("served", "risk"), [(D(2026, 6, 3), Risk.ON_TRACK), (D(2026, 6, 4), Risk.OVERDUE)])
def test_notice_served_on_or_after_the_last_day(template: PlanTemplate, served: date, risk: Risk) -> None:
    steps = plan(M2={"actual_end": served, "status": DONE}, M11={"planned_start": D(2026, 9, 1)})
    verdict = assess(steps, legal_deadlines(steps, template.rules, AGRI), today=D(2026, 6, 10))
    assert verdict[1].key == "M2" and verdict[1].risk is risk
    if risk is Risk.OVERDUE:
        assert verdict[1].findings[0].kind is FindingKind.DONE_LATE and verdict[1].findings[0].days == 1


def test_notice_is_valid_12_months(template: PlanTemplate) -> None:
    deadlines = legal_deadlines(plan(M2={"actual_end": D(2026, 1, 31)}), template.rules, AGRI)
    assert due(deadlines, "notice_validity") == D(2027, 1, 31)
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)


@pytest.mark.parametrize(
    ("posting_end", "ended_early_by"), [(D(2026, 4, 30), 1), (D(2026, 5, 1), None), (D(2026, 5, 4), None)]
)
def test_posting_lasts_30_days(template: PlanTemplate, posting_end: date, ended_early_by: int | None) -> None:
    steps = plan(M6={"actual_start": D(2026, 4, 1), "actual_end": posting_end, "status": DONE})
    deadlines = legal_deadlines(steps, template.rules, AGRI)
    assert due(deadlines, "posting") == D(2026, 5, 1)
    m6 = assess(steps, deadlines, today=D(2026, 5, 10))[5]
    if ended_early_by is None:
        assert m6.risk is Risk.ON_TRACK
    else:
        assert m6.risk is Risk.OVERDUE
        assert (m6.findings[0].kind, m6.findings[0].days) == (FindingKind.ENDED_EARLY, ended_early_by)


def test_consultation_right_after_posting(template: PlanTemplate) -> None:
    steps = plan(M6={"planned_start": D(2026, 4, 1), "planned_end": D(2026, 5, 1)})
    assert due(legal_deadlines(steps, template.rules, AGRI), "consultation") == D(2026, 5, 2)


def test_persuasion_15_then_10_days_are_markers_only(template: PlanTemplate) -> None:
    steps = plan(M4={"actual_start": D(2026, 4, 1), "actual_end": D(2026, 4, 10), "status": DONE})
    deadlines = legal_deadlines(steps, template.rules, AGRI)
    assert due(deadlines, "persuasion") == D(2026, 4, 16)
    assert due(deadlines, "compulsory_inventory") == D(2026, 4, 26)
    assert assess(steps, deadlines, today=D(2026, 4, 12))[3].risk is Risk.ON_TRACK


def test_rules_of_removed_or_undated_steps_give_no_deadline(template: PlanTemplate) -> None:
    steps = [s for s in plan(M10={"actual_end": D(2026, 3, 2)}) if s.key != "M12"]
    keys = {d.rule.key for d in legal_deadlines(steps, template.rules, AGRI)}
    assert keys == {"decision"}


# --- risk on fixed days -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "risk", "days"),
    [
        (D(2026, 3, 24), Risk.ON_TRACK, None),
        (D(2026, 3, 25), Risk.AT_RISK, 7),
        (D(2026, 4, 1), Risk.AT_RISK, 0),
        (D(2026, 4, 2), Risk.OVERDUE, 1),
    ],
)
def test_payment_on_track_at_risk_overdue(template: PlanTemplate, today: date, risk: Risk, days: int | None) -> None:
    steps = plan(M10={"actual_end": D(2026, 3, 2)})
    m12 = assess(steps, legal_deadlines(steps, template.rules, AGRI), today=today)[11]
    assert m12.key == "M12" and m12.risk is risk
    if days is not None:
        (finding,) = [f for f in m12.findings if f.rule_key == "payment"]
        assert finding.days == days and finding.due == D(2026, 4, 1)


def test_at_risk_window_is_a_parameter(template: PlanTemplate) -> None:
    steps = plan(M10={"actual_end": D(2026, 3, 2)})
    deadlines = legal_deadlines(steps, template.rules, AGRI)
    assert assess(steps, deadlines, today=D(2026, 3, 20), at_risk_days=12)[11].risk is Risk.AT_RISK
    assert assess(steps, deadlines, today=D(2026, 3, 20), at_risk_days=11)[11].risk is Risk.ON_TRACK
    with pytest.raises(ValidationFailed) as caught:
        assess(steps, deadlines, today=D(2026, 3, 20), at_risk_days=-1)
    assert caught.value.field == "at_risk_days"


@pytest.mark.parametrize(("paid_on", "risk"), [(D(2026, 4, 1), Risk.ON_TRACK), (D(2026, 4, 3), Risk.OVERDUE)])
def test_payment_done_on_time_or_late(template: PlanTemplate, paid_on: date, risk: Risk) -> None:
    steps = plan(M10={"actual_end": D(2026, 3, 2)}, M12={"actual_end": paid_on, "status": DONE, "percent": 100})
    m12 = assess(steps, legal_deadlines(steps, template.rules, AGRI), today=D(2026, 6, 1))[11]
    assert m12.risk is risk
    assert [f.kind for f in m12.findings] == ([] if risk is Risk.ON_TRACK else [FindingKind.DONE_LATE])


def test_planned_end_passed_is_overdue_unless_done() -> None:
    running = plan(M1={"planned_start": D(2026, 1, 5), "planned_end": D(2026, 1, 10), "status": "running"})
    assert assess(running, [], today=D(2026, 1, 10))[0].risk is Risk.ON_TRACK
    late = assess(running, [], today=D(2026, 1, 11))[0]
    assert late.risk is Risk.OVERDUE and late.findings[0].kind is FindingKind.PLANNED_END_PASSED
    finished = plan(M1={"planned_end": D(2026, 1, 10), "actual_end": D(2026, 1, 12), "status": DONE})
    assert assess(finished, [], today=D(2026, 2, 1))[0].risk is Risk.ON_TRACK


def test_overdue_outranks_at_risk(template: PlanTemplate) -> None:
    steps = plan(M10={"actual_end": D(2026, 3, 2)}, M12={"planned_end": D(2026, 3, 20)})
    m12 = assess(steps, legal_deadlines(steps, template.rules, AGRI), today=D(2026, 3, 28))[11]
    assert {f.kind for f in m12.findings} == {FindingKind.DEADLINE_NEAR, FindingKind.PLANNED_END_PASSED}
    assert m12.risk is Risk.OVERDUE


def test_one_assessment_per_step_in_plan_order(template: PlanTemplate) -> None:
    steps = plan()
    verdict = assess(steps, legal_deadlines(steps, template.rules, AGRI), today=D(2026, 1, 1))
    assert [a.key for a in verdict] == [s.key for s in steps]
    assert all(a.risk is Risk.ON_TRACK for a in verdict)


# --- baselines and drift ------------------------------------------------------------------------------------


def test_drift_against_a_baseline() -> None:
    steps = plan(
        M5={"planned_start": D(2026, 2, 1), "planned_end": D(2026, 2, 20)},
        M6={"planned_start": D(2026, 3, 1)},
        M7={"planned_start": D(2026, 4, 1), "planned_end": D(2026, 4, 1)},
    )
    baseline = take_baseline(" Kế hoạch ban đầu ", steps, datetime(2026, 1, 15, 8, 0, tzinfo=UTC))
    assert baseline.name == "Kế hoạch ban đầu"
    moved = [
        dataclasses.replace(s, planned_end=D(2026, 2, 25)) if s.key == "M5" else s for s in steps
    ]  # M5 slips 5 days
    moved = [dataclasses.replace(s, planned_start=D(2026, 2, 26)) if s.key == "M6" else s for s in moved]
    moved.append(Milestone(key="X1", title="Added later", planned_end=D(2026, 5, 1)))
    assert drift(moved, baseline) == {"M5": 5, "M6": -3, "M7": 0}


def test_baseline_is_immutable() -> None:
    baseline = take_baseline("B1", plan(M1={"planned_end": D(2026, 1, 10)}), datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(dataclasses.FrozenInstanceError):
        baseline.name = "B2"  # type: ignore[misc]
    assert isinstance(baseline.planned, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        baseline.planned[0].planned_end = D(2027, 1, 1)  # type: ignore[misc]
    assert baseline.dates("M1") is not None and baseline.dates("nope") is None


def test_baseline_needs_a_name() -> None:
    with pytest.raises(ValidationFailed) as caught:
        take_baseline("  ", plan(), datetime(2026, 1, 1, tzinfo=UTC))
    assert caught.value.field == "name"


# --- register percent and milestone checks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("done", "total", "percent"), [(0, 0, 0), (0, 5, 0), (1, 3, 33), (2, 3, 66), (299, 300, 99), (480, 480, 100)]
)
def test_register_percent(done: int, total: int, percent: int) -> None:
    assert register_percent(done, total) == percent


@pytest.mark.parametrize(("done", "total"), [(4, 3), (-1, 3), (0, -1)])
def test_register_percent_refuses_counts_that_do_not_fit(done: int, total: int) -> None:
    with pytest.raises(ValidationFailed) as caught:
        register_percent(done, total)
    assert caught.value.field == "done_count"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"planned_start": D(2026, 2, 2), "planned_end": D(2026, 2, 1)}, "planned_end"),
        ({"actual_start": D(2026, 2, 2), "actual_end": D(2026, 2, 1)}, "actual_end"),
        ({"percent": 101}, "percent"),
        ({"percent": -1}, "percent"),
        ({"status": DONE}, "actual_end"),
    ],
)
def test_check_milestone(changes: dict[str, Any], field: str) -> None:
    check_milestone(Milestone(key="M1", title="t", planned_start=D(2026, 1, 1), planned_end=D(2026, 1, 1)))
    with pytest.raises(ValidationFailed) as caught:
        check_milestone(dataclasses.replace(Milestone(key="M1", title="t"), **changes))
    assert caught.value.field == field and "M1" in caught.value.message


# --- parse errors name the field ----------------------------------------------------------------------------


def _rule(data: dict[str, Any], step: str, key: str) -> dict[str, Any]:
    (found,) = [r for s in data["steps"] if s["key"] == step for r in s["rules"] if r["key"] == key]
    return found


def _break_title(d: dict[str, Any]) -> None:
    del d["steps"][2]["title_en"]


def _break_kind(d: dict[str, Any]) -> None:
    _rule(d, "M12", "payment")["kind"] = "within_working_days"


def _break_anchor(d: dict[str, Any]) -> None:
    _rule(d, "M12", "payment")["anchor"] = "M99"


def _break_days(d: dict[str, Any]) -> None:
    _rule(d, "M12", "payment")["days"] = -30


def _break_days_text(d: dict[str, Any]) -> None:
    _rule(d, "M12", "payment")["days"] = "30"


def _break_land_kind(d: dict[str, Any]) -> None:
    del _rule(d, "M2", "notice_lead")["days"]["non_agricultural"]


def _break_days_and_months(d: dict[str, Any]) -> None:
    _rule(d, "M11", "notice_validity")["days"] = 365


def _break_register_step(d: dict[str, Any]) -> None:
    d["steps"][3]["register_step"] = "survey"


def _break_after(d: dict[str, Any]) -> None:
    _rule(d, "M4", "compulsory_inventory")["after"] = "nothing"


def _break_duplicate_step(d: dict[str, Any]) -> None:
    d["steps"][1]["key"] = "M1"


def _break_duplicate_rule(d: dict[str, Any]) -> None:
    _rule(d, "M12", "payment")["key"] = "decision"


def _break_steps(d: dict[str, Any]) -> None:
    d["steps"] = []


def _break_advisory(d: dict[str, Any]) -> None:
    _rule(d, "M4", "persuasion")["advisory"] = "yes"


@pytest.mark.parametrize(
    ("breaker", "field"),
    [
        (_break_title, "title_en"),
        (_break_kind, "kind"),
        (_break_anchor, "anchor"),
        (_break_days, "days"),
        (_break_days_text, "days"),
        (_break_land_kind, "days"),
        (_break_days_and_months, "days"),
        (_break_register_step, "register_step"),
        (_break_after, "after"),
        (_break_duplicate_step, "key"),
        (_break_duplicate_rule, "key"),
        (_break_steps, "steps"),
        (_break_advisory, "advisory"),
    ],
)
def test_parse_errors_name_the_field(breaker: Any, field: str) -> None:
    data = copy.deepcopy(raw_template())
    breaker(data)
    with pytest.raises(ValidationFailed) as caught:
        parse_template(data)
    assert caught.value.field == field
    assert field in caught.value.message or caught.value.params.get("key") in caught.value.message


def test_unknown_kind_message_lists_the_choices() -> None:
    data = copy.deepcopy(raw_template())
    _break_kind(data)
    with pytest.raises(ValidationFailed) as caught:
        parse_template(data)
    assert "min_days_before, within_days_after, duration_days" in caught.value.message
    assert "M12.payment" in caught.value.message


def test_parse_refuses_a_non_mapping() -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_template([])  # type: ignore[arg-type]
    assert caught.value.field == "top"


# --- properties ---------------------------------------------------------------------------------------------

dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31))


@st.composite
def dated_plans(draw: st.DrawFn) -> list[Milestone]:
    steps = []
    for step in plan_from_template(milestone_template()):
        start = draw(st.one_of(st.none(), dates))
        length = draw(st.integers(0, 200))
        end = None if start is None else start + timedelta(days=length)
        steps.append(dataclasses.replace(step, planned_start=start, planned_end=end))
    return steps


@given(dated_plans())
def test_drift_of_a_baseline_against_itself_is_zero(steps: list[Milestone]) -> None:
    baseline = take_baseline("B", steps, datetime(2026, 1, 1, tzinfo=UTC))
    assert set(drift(steps, baseline).values()) <= {0}
    assert set(drift(steps, baseline)) == {s.key for s in steps if s.planned_start is not None}


@given(
    start=dates,
    shift=st.integers(-400, 400),
    anchor=st.sampled_from(["M2", "M4", "M6", "M10", "M11"]),
    land_kind=st.sampled_from(list(LandKind)),
)
def test_deadline_moves_with_its_anchor(start: date, shift: int, anchor: str, land_kind: LandKind) -> None:
    template = milestone_template()
    rules = [r for r in template.rules if r.months is None]
    steps = [
        dataclasses.replace(s, planned_start=start, planned_end=start + timedelta(days=20))
        for s in plan_from_template(template)
    ]
    moved = [
        dataclasses.replace(
            s, planned_start=start + timedelta(days=shift), planned_end=start + timedelta(days=20 + shift)
        )
        if s.key == anchor
        else s
        for s in steps
    ]
    before = {d.rule.key: d for d in legal_deadlines(steps, rules, land_kind)}
    after = {d.rule.key: d for d in legal_deadlines(moved, rules, land_kind)}
    assert set(before) == set(after) == {r.key for r in rules}
    for key, deadline in before.items():
        expected = shift if deadline.anchor == anchor else 0
        assert (after[key].due - deadline.due).days == expected
