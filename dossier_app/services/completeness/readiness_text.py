"""The readiness report as plain text lines, Vietnamese then English, for the command line."""

from collections.abc import Mapping

from dossier_app.domain.readiness import GROUP_TITLES, Group, Light, ReadinessItem, ReadinessReport
from dossier_app.storage.resources import message_translations

# The headings in Vietnamese until the "Readiness" context is translated in resources/translations.
GROUP_TITLES_VI: Mapping[Group, str] = {
    Group.DOCUMENTS: "Văn bản",
    Group.CONDITIONS: "Điều kiện và tiêu chí",
    Group.ATTACHMENTS: "Tài liệu bắt buộc kèm theo",
    Group.MILESTONES: "Mốc tiến độ",
    Group.COMMENTS: "Ý kiến của bộ, ngành",
}
MARKS: Mapping[Light, str] = {Light.GREEN: "✓ OK   ", Light.AMBER: "! XEM  ", Light.RED: "✗ THIẾU"}


def item_text(item: ReadinessItem, table: Mapping[str, str]) -> str:
    """The item's message in Vietnamese where a translation exists, followed by the English one."""
    english = item.message
    template = table.get(item.template)
    if not template:
        return english
    source = item.params_vi if item.params_vi is not None else item.params
    params = {name: table.get(value, value) if isinstance(value, str) else value for name, value in source.items()}
    try:
        vietnamese = template.format(**params)
    except (KeyError, IndexError, ValueError):
        return english
    return f"{vietnamese} — {english}" if vietnamese != english else english


def report_lines(report: ReadinessReport, table: Mapping[str, str] | None = None) -> list[str]:
    """Grouped lines with a mark per item and a closing verdict."""
    table = message_translations("vi", "Readiness") if table is None else table
    lines = [f"Mức độ hoàn thiện hồ sơ / dossier readiness: {report.project_code}"]
    for group in Group:
        items = report.group(group)
        if not items:
            continue
        title = GROUP_TITLES[group]
        vietnamese = table.get(title) or GROUP_TITLES_VI[group]
        lines.append("")
        lines.append(f"{vietnamese} / {title}" if vietnamese and vietnamese != title else title)
        lines += [f"  {MARKS[item.light]} {item_text(item, table)}" for item in items]
    red, amber = report.count(Light.RED), report.count(Light.AMBER)
    lines.append("")
    if report.complete:
        lines.append(f"Hồ sơ đầy đủ ({amber} mục cần xem lại) — dossier complete ({amber} to look at)")
    else:
        lines.append(f"Còn thiếu {red} mục, {amber} mục cần xem lại — {red} missing, {amber} to look at")
    return lines
