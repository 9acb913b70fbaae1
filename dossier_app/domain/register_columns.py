"""The documented columns of register workbooks and CSV files: one table, Vietnamese headers, English aliases.

Workbook layout: sheet "Hộ bị ảnh hưởng" (one row per party, resettlement columns included), sheet "Thửa đất"
(one row per parcel, naming its party by "Mã hộ"; a parcel shared by several parties is listed once per co-user with
"Đồng sử dụng" = có), sheet "Tài sản" (one row per asset: house, works, trees, crops, graves), sheet "Bồi thường,
hỗ trợ" (one row per compensation line).
A CSV file holds one flat table: the party columns and the parcel columns side by side, one row per parcel; rows of
the same "Mã hộ" after the first add parcels only (a party without parcels leaves the parcel columns empty).
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dossier_app.domain.register import AssetInput, CompensationInput, ParcelInput
from dossier_app.domain.text import fold

PARTIES_SHEET = "Hộ bị ảnh hưởng"
PARCELS_SHEET = "Thửa đất"
ASSETS_SHEET = "Tài sản"
LINES_SHEET = "Bồi thường, hỗ trợ"
CATALOGUE_SHEET = "Danh mục"
YES, NO = "có", "không"
KIND_WORDS = {"household": "hộ gia đình", "organisation": "tổ chức"}


@dataclass(frozen=True)
class ColumnSpec:
    """One column: the field it fills, its header, accepted aliases, value type and whether it must be present."""

    name: str
    header_vi: str
    aliases: tuple[str, ...]
    type: str  # text, int, money, decimal, date, bool, kind, code, land_code, ward, asset_kind, grade
    required: bool = False


PARTY_COLUMNS = (
    ColumnSpec("code", "Mã hộ", ("Party code", "Code"), "code", True),
    ColumnSpec("kind", "Loại đối tượng", ("Kind",), "kind"),
    ColumnSpec("name", "Họ và tên / Tên tổ chức", ("Họ và tên", "Name"), "text", True),
    ColumnSpec("citizen_id", "Số CCCD", ("Citizen ID", "CCCD"), "code"),
    ColumnSpec("tax_code", "Mã số thuế", ("Tax code",), "code"),
    ColumnSpec("address", "Địa chỉ", ("Address",), "text"),
    ColumnSpec("ward", "Phường/xã", ("Ward",), "ward"),
    ColumnSpec("household_size", "Số nhân khẩu", ("Household size",), "int"),
    ColumnSpec("poor_household", "Hộ nghèo, chính sách", ("Poor household",), "bool"),
    ColumnSpec("direct_farmer", "Trực tiếp sản xuất nông nghiệp", ("Direct farmer",), "bool"),
    ColumnSpec("complaint", "Khiếu nại", ("Complaint",), "bool"),
    ColumnSpec("notified_on", "Ngày thông báo thu hồi", ("Notified on",), "date"),
    ColumnSpec("inventoried_on", "Ngày kiểm đếm", ("Inventoried on",), "date"),
    ColumnSpec("plan_posted_on", "Ngày niêm yết phương án", ("Plan posted on",), "date"),
    ColumnSpec("approved_on", "Ngày phê duyệt phương án", ("Approved on",), "date"),
    ColumnSpec("paid_on", "Ngày chi trả", ("Paid on",), "date"),
    ColumnSpec("handed_over_on", "Ngày bàn giao mặt bằng", ("Handed over on",), "date"),
    ColumnSpec("enforced_on", "Ngày cưỡng chế", ("Enforced on",), "date"),
    ColumnSpec("resettlement_eligible", "Đủ điều kiện tái định cư", ("Resettlement eligible",), "bool"),
    ColumnSpec("resettlement_site", "Khu tái định cư", ("Resettlement site",), "text"),
    ColumnSpec("resettlement_lot", "Lô tái định cư", ("Resettlement lot",), "code"),
    ColumnSpec("resettlement_fee_vnd", "Tiền sử dụng đất phải nộp (đồng)", ("Land fee (VND)",), "money"),
)

PARCEL_COLUMNS = (
    ColumnSpec("party_code", "Mã hộ", ("Party code", "Code"), "code", True),
    ColumnSpec("map_sheet", "Tờ bản đồ số", ("Map sheet",), "code", True),
    ColumnSpec("parcel_no", "Thửa số", ("Parcel no", "Parcel number"), "code", True),
    ColumnSpec("parcel_ward", "Phường/xã của thửa", ("Parcel ward",), "ward"),
    ColumnSpec("total_area_m2", "Diện tích thửa (m²)", ("Total area (m2)", "Diện tích thửa (m2)"), "decimal", True),
    ColumnSpec(
        "recovered_area_m2",
        "Diện tích thu hồi (m²)",
        ("Recovered area (m2)", "Diện tích thu hồi (m2)"),
        "decimal",
        True,
    ),
    ColumnSpec("land_use_code", "Loại đất", ("Land-use code", "Land use code"), "land_code", True),
    ColumnSpec("certificate_no", "Số GCN", ("Certificate no",), "code"),
    ColumnSpec("origin", "Nguồn gốc sử dụng", ("Origin",), "text"),
    ColumnSpec("use_since", "Thời điểm bắt đầu sử dụng", ("Use since",), "date"),
    ColumnSpec("co_used", "Đồng sử dụng", ("Co-used", "Shared"), "bool"),
)

ASSET_COLUMNS = (
    ColumnSpec("party_code", "Mã hộ", ("Party code", "Code"), "code", True),
    ColumnSpec("kind", "Loại tài sản", ("Asset kind", "Kind"), "asset_kind", True),
    ColumnSpec("description", "Mô tả, loại cây", ("Description",), "text"),
    ColumnSpec("grade", "Cấp nhà, công trình", ("Grade",), "grade"),
    ColumnSpec("area_m2", "Diện tích (m²)", ("Area (m2)", "Diện tích (m2)"), "decimal"),
    ColumnSpec("count", "Số lượng", ("Count", "Number"), "int"),
)

LINE_COLUMNS = (
    ColumnSpec("party_code", "Mã hộ", ("Party code", "Code"), "code", True),
    ColumnSpec("kind", "Khoản", ("Kind",), "text", True),
    ColumnSpec("description", "Nội dung", ("Description",), "text"),
    ColumnSpec("quantity", "Khối lượng", ("Quantity",), "decimal"),
    ColumnSpec("unit", "Đơn vị tính", ("Unit",), "text"),
    ColumnSpec("unit_price_vnd", "Đơn giá (đồng)", ("Unit price (VND)",), "money"),
    ColumnSpec("amount_vnd", "Thành tiền (đồng)", ("Amount (VND)",), "money", True),
)

# The flat CSV layout: party columns, then parcel columns (the repeated "Mã hộ" is dropped).
CSV_COLUMNS = PARTY_COLUMNS + PARCEL_COLUMNS[1:]
PARCEL_FIELDS = tuple(c.name for c in PARCEL_COLUMNS[1:])


def header_key(text: str) -> str:
    """How headers are compared: folded, single-spaced, without the unit's superscript."""
    return " ".join(fold(text.replace("²", "2")).split())


def header_index(columns: tuple[ColumnSpec, ...]) -> dict[str, ColumnSpec]:
    """Each accepted header (Vietnamese or alias), compared by `header_key`, → its column."""
    index: dict[str, ColumnSpec] = {}
    for column in columns:
        for text in (column.header_vi, *column.aliases):
            index.setdefault(header_key(text), column)
    return index


def column_header(columns: tuple[ColumnSpec, ...], name: str) -> str:
    """The Vietnamese header of a field, or the field name."""
    return next((c.header_vi for c in columns if c.name == name), name)


def parcel_from_values(values: dict[str, Any]) -> ParcelInput:
    """A parcel from the values of its columns (as read from a file or an edit table; empty cells are None)."""
    return ParcelInput(
        map_sheet=values.get("map_sheet") or "",
        parcel_no=values.get("parcel_no") or "",
        land_use_code=values.get("land_use_code") or "",
        total_area_m2=values.get("total_area_m2") or Decimal(0),
        recovered_area_m2=values.get("recovered_area_m2") or Decimal(0),
        ward=values.get("parcel_ward") or "",
        certificate_no=values.get("certificate_no") or "",
        origin=values.get("origin") or "",
        use_since=values.get("use_since"),
        co_used=bool(values.get("co_used")),
    )


def parcel_values(parcel: ParcelInput) -> dict[str, Any]:
    """The values of a parcel's columns (the inverse of `parcel_from_values`)."""
    return {c.name: getattr(parcel, c.name, None) for c in PARCEL_COLUMNS[1:]} | {"parcel_ward": parcel.ward}


def asset_from_values(values: dict[str, Any]) -> AssetInput:
    """An asset from the values of its columns."""
    return AssetInput(
        kind=values.get("kind") or "",
        description=values.get("description") or "",
        grade=values.get("grade") or "",
        area_m2=values.get("area_m2") or Decimal(0),
        count=values.get("count") or 0,
    )


def line_from_values(values: dict[str, Any]) -> CompensationInput:
    """A compensation line from the values of its columns."""
    return CompensationInput(
        kind=values.get("kind") or "",
        amount_vnd=values.get("amount_vnd") or 0,
        description=values.get("description") or "",
        quantity=values.get("quantity") or Decimal(0),
        unit=values.get("unit") or "",
        unit_price_vnd=values.get("unit_price_vnd") or 0,
    )
