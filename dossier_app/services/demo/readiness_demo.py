"""Demo readiness data for CT-ITP: facts, a partly filled checklist and ministry comments in different states."""

from datetime import date
from decimal import Decimal

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.conditions import ConditionStatus, ProjectFacts
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.completeness.checklist import ChecklistService
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.dossier.dossiers import DossierService
from dossier_app.services.review.comment_register import CommentInput, CommentRegisterService

# (condition key, status, note, outline keys of the sections cited as evidence)
DEMO_CHECKLIST = (
    (
        "art5.plan_fit",
        ConditionStatus.MET,
        "Quyết định số 895/QĐ-TTg ngày 09/06/2021 và Quy hoạch thành phố Cần Thơ (Quyết định số 1519/QĐ-TTg).",
        ("da.1_su_can_thiet_can_cu",),
    ),
    ("art5.it_workers", ConditionStatus.MET, "Dự báo 2.400 lao động CNTT theo diện tích sàn làm việc.", ()),
    ("art5.land_area", ConditionStatus.MET, "200.219 m² theo Quyết định số 895/QĐ-TTg.", ("da.3_dieu_kien_vi_tri",)),
    (
        "art5.existing_parks_occupancy",
        ConditionStatus.NOT_MET,
        "Cần xác nhận của Sở Khoa học và Công nghệ về các khu hiện có trên địa bàn.",
        (),
    ),
)

DEMO_COMMENTS = (
    CommentInput(
        source="Bộ Khoa học và Công nghệ",
        received_on=date(2026, 10, 12),
        body="Làm rõ cơ sở dự báo số lao động công nghệ thông tin (định mức m² sàn/người).",
        response="Đã bổ sung bảng tính theo diện tích sàn và danh sách doanh nghiệp đăng ký thuê.",
        state=CommentState.ACCEPTED,
    ),
    CommentInput(
        source="Bộ Tài chính",
        received_on=date(2026, 10, 20),
        body="Đề nghị nêu rõ nguồn vốn ngân sách trung ương hỗ trợ hạ tầng.",
        response="Vốn hạ tầng do Quỹ Đầu tư phát triển thành phố bố trí; không đề nghị ngân sách trung ương.",
        state=CommentState.EXPLAINED,
    ),
    CommentInput(
        source="Bộ Nông nghiệp và Môi trường",
        received_on=date(2026, 11, 3),
        body="Bổ sung bản sao có chứng thực quyết định phê duyệt báo cáo đánh giá tác động môi trường.",
    ),
)

DEMO_FACTS = ProjectFacts(
    it_workers=2400,
    total_workforce=3600,
    land_area_ha=Decimal("20.0219"),
    core_area_ha=Decimal("9.2"),
    construction_land_ha=Decimal("16.5"),
    building_density_pct=Decimal("35"),
)


def load_readiness_demo(context: ServiceContext, audit: AuditTrail, project_id: int) -> bool:
    """Give the project the demo facts, checklist and comments, unless it has comments already; True if loaded."""
    comments = CommentRegisterService(context, audit)
    if comments.comments(project_id):
        return False
    checklist = ChecklistService(context, audit)
    dossiers = DossierService(context, audit)
    checklist.save_facts(project_id, DEMO_FACTS)
    keys = {row.key.rsplit(".", 1)[-1]: row.key for row in checklist.conditions(project_id)}
    for key, status, note, section_keys in DEMO_CHECKLIST:
        stored_key = keys.get(key.rsplit(".", 1)[-1])  # the regime file's own key, whatever its prefix
        if stored_key is None:
            continue
        evidence = [("section", dossiers.section_by_key(project_id, outline).id) for outline in section_keys]
        checklist.set_condition(project_id, stored_key, status, note, evidence)
    linked = dossiers.section_by_key(project_id, "da.2_dap_ung_tieu_chi").id
    for number, data in enumerate(DEMO_COMMENTS):
        section = linked if number == 0 else None
        comments.add(project_id, CommentInput(**{**vars(data), "section_id": section}))
    return True
