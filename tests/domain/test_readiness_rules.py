"""Readiness lights: documents, conditions, attachments, milestones and comments, and the comment register order."""

from datetime import date

from dossier_app.domain.comment_register import CommentState, RegisterRow, in_document_order
from dossier_app.domain.conditions import ConditionStatus
from dossier_app.domain.milestones import Risk
from dossier_app.domain.outline import Condition
from dossier_app.domain.readiness import (
    DocumentProgress,
    Group,
    Light,
    MilestoneSignal,
    OpenComment,
    ReadinessReport,
    Target,
    TargetKind,
    attachment_item,
    comment_items,
    condition_item,
    document_items,
    milestone_items,
)
from dossier_app.domain.submission import RequiredAttachment

MAP = RequiredAttachment("map", "Bản đồ", "Map", "da.7")
CONDITION = Condition("dk_a", "a", "Phù hợp quy hoạch", "Fits the plans", "", "")


def test_document_items_point_at_the_first_missing_section() -> None:
    written, approved = document_items(
        DocumentProgress(7, "Đề án", 3, 2, 1, 0, first_unwritten=11, first_unapproved=10)
    )
    assert (written.light, written.target.kind, written.target.ref) == (Light.RED, TargetKind.SECTION, "11")
    assert approved.light is Light.RED and approved.target.ref == "10"
    waiting = document_items(DocumentProgress(7, "Đề án", 3, 3, 1, 2, None, 12))[1]
    assert waiting.light is Light.AMBER
    done = document_items(DocumentProgress(7, "Đề án", 3, 3, 0, 3))
    assert [i.light for i in done] == [Light.GREEN, Light.GREEN]
    assert done[0].message == "Đề án: 3 of 3 required sections written"


def test_condition_lights() -> None:
    assert condition_item(CONDITION, ConditionStatus.MET, 2).light is Light.GREEN
    assert condition_item(CONDITION, ConditionStatus.MET, 0).light is Light.AMBER
    assert condition_item(CONDITION, ConditionStatus.NOT_MET, 3).light is Light.RED
    unknown = condition_item(CONDITION, ConditionStatus.UNKNOWN, 0)
    assert unknown.light is Light.RED and unknown.target.ref == "dk_a"
    assert unknown.params_vi is not None and unknown.params_vi["title"] == "Phù hợp quy hoạch"


def test_attachments_milestones_and_comments() -> None:
    assert attachment_item(MAP, 0).light is Light.RED
    assert attachment_item(MAP, 1).light is Light.GREEN
    assert attachment_item(MAP, 0, 12).target == Target(TargetKind.ATTACHMENT, "map", 12)
    assert attachment_item(MAP, 0).params_vi == {"what": "Bản đồ", "count": 0}
    assert [i.light for i in milestone_items(None)] == [Light.AMBER]
    signals = [MilestoneSignal("M1", "Họp dân", Risk.ON_TRACK), MilestoneSignal("M2", "Thông báo", Risk.OVERDUE)]
    items = milestone_items(signals)
    assert [(i.light, i.target.ref) for i in items] == [(Light.RED, "M2"), (Light.GREEN, "")]
    assert items[1].message == "1 of 2 milestones on track"
    items = comment_items(
        [
            OpenComment(4, "Bộ Tài chính", "Nguồn vốn?", CommentState.PENDING),
            OpenComment(5, "Bộ Xây dựng", "x", CommentState.NOT_ACCEPTED),
        ],
        5,
    )
    assert [(i.light, i.target.ref) for i in items] == [(Light.RED, "4"), (Light.AMBER, "5")]
    assert comment_items([], 3)[0].light is Light.GREEN
    assert comment_items([], 0)[0].message == "No open comments (0 in the register)"


def test_report_is_complete_only_without_red() -> None:
    green = attachment_item(MAP, 1)
    amber = milestone_items(None)[0]
    assert ReadinessReport(1, "X", (green, amber)).complete
    report = ReadinessReport(
        1, "X", (green, amber, attachment_item(RequiredAttachment("eia", "Quyết định", "Decision", "da.8"), 0))
    )
    assert not report.complete
    assert report.count(Light.RED) == 1 and len(report.group(Group.ATTACHMENTS)) == 2


def test_register_rows_follow_the_dossier_then_the_date() -> None:
    def row(id_: int, section: int | None, day: int) -> RegisterRow:
        return RegisterRow(id_, 0, "Bộ", date(2026, 1, day), section, "", "c", "", CommentState.PENDING, None)

    rows = [row(1, None, 1), row(2, 30, 5), row(3, 20, 9), row(4, 20, 2)]
    ordered = in_document_order(rows, {20: 0, 30: 1})
    assert [r.id for r in ordered] == [4, 3, 2, 1]
    assert [r.number for r in ordered] == [1, 2, 3, 4]
