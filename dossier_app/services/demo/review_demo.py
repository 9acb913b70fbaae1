"""The demo's review story on CT-HTP, so every demo role finds work on its first screen.

One section waits for the manager, one is approved, one was approved and changed since, one the officer revised
and had returned with a comment, with a short thread about it. Done by the demo officer and manager through the
review service, so the audit trail, the queues and the navigator show it as if they had worked; left alone once
anyone has.
"""

from dataclasses import replace

from dossier_app.domain.enums import SectionState
from dossier_app.domain.errors import DossierError
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import Operator, ServiceContext
from dossier_app.services.dossier.dossiers import DossierService, walk_sections
from dossier_app.services.review.reviews import ReviewService

REVIEW_PROJECT = "CT-HTP"
OFFICER, MANAGER = "chuyenvien", "lanhdao"
WAITING = "tt.su_can_thiet"
APPROVED = "da.3_dieu_kien_thanh_lap"
CHANGED_SINCE_APPROVAL = "da.2_hien_trang"
RETURNED = "da.4_2_nganh_linh_vuc"
STORY_KEYS = (WAITING, APPROVED, CHANGED_SINCE_APPROVAL, RETURNED)
RETURN_COMMENT = (
    "Đề nghị bổ sung số doanh nghiệp công nghệ cao đang hoạt động trên địa bàn thành phố và nêu rõ nguồn số liệu."
)
THREAD = (
    (OFFICER, "Đã đề nghị Sở Khoa học và Công nghệ cung cấp số liệu năm 2025; dự kiến có trong tuần này."),
    (MANAGER, "Nhất trí. Khi có số liệu thì cập nhật và trình lại."),
)
# The officer's own revision of the section that comes back to them (the returned queue lists the author's work).
ADDED_BEFORE_SUBMITTING = (
    "\n\nDanh mục ngành, lĩnh vực nêu trên đã được rà soát lại theo ý kiến của các sở, ngành thành phố."
)
ADDED_AFTER_APPROVAL = (
    "\n\nSố liệu cập nhật: diện tích đất nông nghiệp trong ranh giới dự kiến được rà soát lại theo kết quả đo đạc "
    "năm 2025."
)


def load_review_story(writer: ServiceContext, audit: AuditTrail, project_id: int) -> bool:
    """Play the story once on a project nobody has reviewed yet; whether it was played."""
    officer_context = replace(writer, operator=Operator(OFFICER))
    officer = ReviewService(officer_context, audit)
    manager = ReviewService(replace(writer, operator=Operator(MANAGER)), audit)
    writer_officer = DossierService(officer_context, audit)
    ids = {
        node.outline_key: node.id
        for tree in writer_officer.tree(project_id)
        for node in walk_sections(tree.sections)
        if node.outline_key in STORY_KEYS and node.written
    }
    if len(ids) < len(STORY_KEYS) or any(_touched(officer, section_id) for section_id in ids.values()):
        return False
    try:
        returned = writer_officer.section(ids[RETURNED])
        writer_officer.save_body(returned.id, returned.body.rstrip() + ADDED_BEFORE_SUBMITTING)
        for key in STORY_KEYS:
            officer.submit(ids[key])
        for key in (APPROVED, CHANGED_SINCE_APPROVAL):
            manager.approve(ids[key], manager.review(ids[key]).submitted_hash)
        manager.request_changes(ids[RETURNED], RETURN_COMMENT)
        for who, body in THREAD:
            (officer if who == OFFICER else manager).add_comment(ids[RETURNED], body)
        section = writer_officer.section(ids[CHANGED_SINCE_APPROVAL])
        writer_officer.save_body(section.id, section.body.rstrip() + ADDED_AFTER_APPROVAL)
    except DossierError:
        return False  # the demo accounts were changed (disabled, roles taken away): the story is not told
    return True


def _touched(reviews: ReviewService, section_id: int) -> bool:
    """Whether anyone has reviewed or commented the section."""
    return reviews.review(section_id).state is not SectionState.DRAFT or bool(reviews.comments(section_id))
