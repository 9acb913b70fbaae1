"""A deterministic synthetic land register (DOMAIN.md §4) for the demo and the benchmarks, and its bulk load.

`generate_register(n, seed)` draws everything from one `random.Random(seed)` and a fixed anchor date, so the same
seed gives the same rows on every machine and every day. `load_register` writes them with SQLAlchemy core
executemany in chunks inside one transaction, after the permission check, with one audit entry for the load.
"""

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import AffectedParty, Project
from dossier_app.domain.register import (
    AssetInput,
    CompensationInput,
    ParcelInput,
    PartyInput,
    ResettlementInput,
    check_party,
)
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action
from dossier_app.services.register.register_rows import insert_parties
from dossier_app.storage.resources import load_asset_kinds, load_land_use_codes, load_wards

DEMO_SEED = 20260302
# Every date is drawn relative to this day (the notice campaign's start), never to today.
DEMO_ANCHOR = date(2026, 3, 2)
CHUNK = 5000
PARCEL_WEIGHTS = (72, 22, 6)  # 1, 2 or 3 parcels: about 1.34 per party
# For the import benchmark: 1.5 parcels per party (100,000 parties, 150,000 parcels).
BENCH_PARCEL_WEIGHTS = (60, 30, 10)
# One parcel in this many parties is shared by two or three parties (đồng sử dụng): 6 shared parcels in the demo.
CO_USE_EVERY = 80

_FAMILY = (
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Huỳnh", 6), ("Võ", 6), ("Phan", 5), ("Trương", 3),
    ("Bùi", 3), ("Đặng", 3), ("Đỗ", 2), ("Ngô", 2), ("Dương", 2), ("Lý", 2), ("Hồ", 2), ("Đoàn", 1), ("Lâm", 1),
    ("Châu", 1), ("Tô", 1), ("Thái", 1),
)  # fmt: skip
_MIDDLE_MALE = ("Văn", "Văn", "Văn", "Minh", "Hữu", "Quốc", "Thanh", "Công", "Đức", "Hoàng", "Tấn", "Trung")
_MIDDLE_FEMALE = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích", "Hồng", "Thúy", "Kiều")
_GIVEN_MALE = (
    "An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Long", "Phúc", "Tâm", "Thành", "Tuấn", "Khang", "Lộc",
    "Nghĩa", "Sơn", "Tài", "Trí", "Vinh", "Hiếu", "Phước", "Quang", "Nhân", "Toàn", "Thắng", "Hòa", "Đạt",
)  # fmt: skip
_GIVEN_FEMALE = (
    "Lan", "Hoa", "Mai", "Hạnh", "Hương", "Linh", "Ngọc", "Nhung", "Phương", "Thảo", "Trang", "Tuyết", "Yến",
    "Xuân", "Loan", "Diễm", "Hằng", "Kiều", "Dung", "Oanh", "Thủy", "Vân", "Nga", "Quyên",
)  # fmt: skip
_COMPANIES = (
    "Công ty TNHH Thương mại Dịch vụ", "Công ty Cổ phần Đầu tư", "Hợp tác xã Nông nghiệp",
    "Công ty TNHH MTV Xây dựng", "Doanh nghiệp tư nhân",
)  # fmt: skip
_COMPANY_NAMES = ("Phú Thạnh", "Mekong", "Tây Đô", "Hưng Lợi", "Sông Hậu", "Cửu Long", "Thạnh Mỹ", "Phong Điền")
_AREAS = ("Thạnh Lợi", "Thạnh Hòa", "Phú Thạnh", "Phú Lợi", "Thạnh Thuận", "Phú Khánh", "Thạnh Huề", "Phú An")
# Land-use code → weight, area range (m²) and land price (đồng/m²).
_LAND = {
    "LUC": (30, 600, 4000, 330_000),
    "CLN": (24, 400, 3000, 420_000),
    "ONT": (16, 80, 400, 4_800_000),
    "ODT": (10, 50, 250, 9_500_000),
    "NTS": (9, 300, 2500, 300_000),
    "HNK": (5, 200, 1500, 350_000),
    "BHK": (3, 200, 1500, 350_000),
    "LUK": (3, 600, 3000, 300_000),
}
_WARD_WEIGHTS = (70, 10, 8, 6, 6)  # Hưng Thạnh, then the neighbouring wards of the catalogue
_SITES = ("Khu tái định cư Hưng Thạnh", "Khu tái định cư Cửu Long", "Khu tái định cư Phú An")
_ORIGINS = ("Nhận chuyển nhượng", "Được Nhà nước giao đất", "Nhận thừa kế", "Khai hoang trước 1993")
_RESIDENTIAL = ("ONT", "ODT")
_AGRICULTURAL = ("LUC", "LUK", "CLN", "NTS", "HNK", "BHK")
_CENT = Decimal("0.01")
# Assets on the land: what grows or stands there, and the unit prices (đồng per tree, plant, m² or grave).
_TREES = (("Xoài cát Hòa Lộc", 520_000), ("Dừa", 380_000), ("Nhãn", 250_000), ("Chôm chôm", 250_000),
          ("Sầu riêng", 1_200_000), ("Bưởi Năm Roi", 380_000), ("Mít", 150_000))  # fmt: skip
_CROPS = (("Rau màu", 15_000), ("Bắp", 8_000), ("Khoai lang", 10_000), ("Chuối", 45_000))
_HOUSES = (("Cấp IV", "Nhà một trệt, mái tôn", 2_850_000), ("Cấp IV", "Nhà gạch, mái ngói", 3_400_000),
           ("Cấp III", "Nhà một trệt một lầu", 4_250_000), ("Nhà tạm", "Nhà tạm, vách lá", 1_250_000))  # fmt: skip
_WORKS = (("Sân xi măng, tường rào", 450_000), ("Chuồng trại chăn nuôi", 650_000), ("Nhà kho", 1_900_000))
_GRAVE_PRICE = 12_000_000


@dataclass(frozen=True)
class RegisterLoad:
    """What loading a synthetic register wrote, or how many parties the project already had (then none)."""

    parties: int = 0
    parcels: int = 0
    lines: int = 0
    resettlements: int = 0
    existing: int = 0
    assets: int = 0


def _money(quantity: Decimal, price: int) -> int:
    return int((quantity * price).quantize(Decimal(1), rounding=ROUND_HALF_UP))


class _Generator:
    def __init__(self, households: int, seed: int, anchor: date, parcel_weights: Sequence[int]) -> None:
        self.rng = random.Random(seed)
        self.parcel_weights = tuple(parcel_weights)
        self.land_names = load_land_use_codes()
        self.asset_names = {code: kind.name for code, kind in load_asset_kinds().items()}
        self.households = households
        self.anchor = anchor
        wards = load_wards()
        self.wards = wards[: len(_WARD_WEIGHTS)]
        self.ward_weights = _WARD_WEIGHTS[: len(self.wards)]
        self.codes = tuple(c for c in _LAND if c in self.land_names)
        self.code_weights = tuple(_LAND[c][0] for c in self.codes)
        self.family = tuple(f for f, _ in _FAMILY)
        self.family_weights = tuple(w for _, w in _FAMILY)
        self.ids: set[str] = set()
        # About 1.35 parcels per party, ~300 parcels per map sheet: numbers are handed out per sheet in turn.
        self.sheets = max(3, round(households * 1.35 / 300))
        self.next_parcel = [0] * self.sheets
        self.width = max(4, len(str(households)))

    def person(self) -> tuple[str, bool]:
        male = self.rng.random() < 0.62  # heads of household are mostly men in the source registers
        family = self.rng.choices(self.family, self.family_weights)[0]
        if male:
            middle, given = self.rng.choice(_MIDDLE_MALE), self.rng.choice(_GIVEN_MALE)
        else:
            middle, given = self.rng.choice(_MIDDLE_FEMALE), self.rng.choice(_GIVEN_FEMALE)
        return f"{family} {middle} {given}", male

    def citizen_id(self, male: bool) -> str:
        while True:
            year = self.rng.randint(1940, 2004)
            century = (0 if year < 2000 else 2) + (0 if male else 1)
            value = f"092{century}{year % 100:02d}{self.rng.randint(0, 999_999):06d}"
            if value not in self.ids:
                self.ids.add(value)
                return value

    def address(self, ward: str) -> str:
        rng = self.rng
        place = f"khu vực {rng.choice(_AREAS)}" if ward == self.wards[0] else f"khu vực {rng.randint(1, 9)}"
        house = f"Số {rng.randint(1, 250)}" + (f"/{rng.randint(1, 60)}" if rng.random() < 0.4 else "")
        return f"{house}, {place}, {ward[0].lower()}{ward[1:]}, thành phố Cần Thơ"

    def parcel(self, ward: str) -> ParcelInput:
        rng = self.rng
        code = rng.choices(self.codes, self.code_weights)[0]
        _, low, high, _ = _LAND[code]
        total = Decimal(rng.uniform(low, high)).quantize(Decimal("0.1"))
        share = Decimal(1) if rng.random() < 0.6 else Decimal(rng.uniform(0.25, 0.95))
        recovered = min(total, (total * share).quantize(_CENT))
        sheet = rng.randrange(self.sheets)
        self.next_parcel[sheet] += 1
        return ParcelInput(
            map_sheet=str(sheet + 1),
            parcel_no=str(self.next_parcel[sheet]),
            land_use_code=code,
            total_area_m2=total,
            recovered_area_m2=recovered,
            ward=ward,
            certificate_no=f"C{rng.randint(100_000, 999_999)}" if rng.random() < 0.8 else "",
            origin=rng.choice(_ORIGINS),
            use_since=date(rng.randint(1975, 2015), rng.randint(1, 12), 1) if rng.random() < 0.7 else None,
        )

    def steps(self) -> dict[str, date | None]:
        """Most parties notified and inventoried, fewer posted, approved, paid and handed over."""
        rng = self.rng
        found: dict[str, date | None] = {}
        day = self.anchor + timedelta(days=rng.randint(0, 40))
        chances = (
            ("notified_on", 0.96, (0, 0)),
            ("inventoried_on", 0.88, (10, 60)),
            ("plan_posted_on", 0.75, (20, 45)),
            ("approved_on", 0.80, (30, 50)),
            ("paid_on", 0.65, (5, 30)),
            ("handed_over_on", 0.70, (3, 25)),
        )
        for name, chance, gap in chances:
            if rng.random() >= chance:
                break
            day += timedelta(days=rng.randint(*gap))
            found[name] = day
        if "approved_on" in found and "handed_over_on" not in found and rng.random() < 0.03:
            found["enforced_on"] = day + timedelta(days=rng.randint(60, 90))
        return found

    def assets(self, parcels: Sequence[ParcelInput]) -> list[tuple[AssetInput, str, int]]:
        """What stands or grows on the parcels, with the unit and unit price its compensation uses."""
        rng = self.rng
        found: list[tuple[AssetInput, str, int]] = []
        for parcel in parcels:
            if parcel.land_use_code == "CLN":
                name, price = rng.choice(_TREES)
                found.append((AssetInput("tree", name, count=rng.randint(10, 120)), "cây", price))
            elif parcel.land_use_code in ("HNK", "BHK") and rng.random() < 0.6:
                name, price = rng.choice(_CROPS)
                found.append((AssetInput("crop", name, count=rng.randint(50, 600)), "cây", price))
        if any(p.land_use_code in _RESIDENTIAL for p in parcels):
            grade, name, price = rng.choice(_HOUSES)
            floor = Decimal(rng.randint(400, 1600)) / 10
            found.append((AssetInput("house", name, grade, floor), "m²", price))
            if rng.random() < 0.5:
                name, price = rng.choice(_WORKS)
                found.append((AssetInput("structure", name, "Cấp IV", Decimal(rng.randint(15, 90))), "m²", price))
        if any(p.land_use_code in _AGRICULTURAL for p in parcels) and rng.random() < 0.06:
            found.append((AssetInput("grave", "Mộ xây", count=rng.randint(1, 4)), "ngôi", _GRAVE_PRICE))
        return found

    def lines(
        self,
        data: dict[str, Any],
        parcels: Sequence[ParcelInput],
        assets: Sequence[tuple[AssetInput, str, int]],
        resettled: bool,
    ) -> list[CompensationInput]:
        found: list[CompensationInput] = []
        names = self.land_names
        for parcel in parcels:
            price = _LAND[parcel.land_use_code][3]
            quantity = parcel.recovered_area_m2
            found.append(
                CompensationInput(
                    "land",
                    _money(quantity, price),
                    f"Bồi thường {names[parcel.land_use_code][0].lower()}{names[parcel.land_use_code][1:]}",
                    quantity,
                    "m²",
                    price,
                )
            )
        for asset, unit, price in assets:
            quantity = asset.area_m2 if unit == "m²" else Decimal(asset.count)
            text = f"{self.asset_names[asset.kind]}: {asset.description}"
            found.append(CompensationInput("assets", _money(quantity, price), text, quantity, unit, price))
        farmland = sum((p.recovered_area_m2 for p in parcels if p.land_use_code in _AGRICULTURAL), Decimal(0))
        if data["direct_farmer"] and farmland:
            price = 2 * min(_LAND[p.land_use_code][3] for p in parcels if p.land_use_code in _AGRICULTURAL)
            found.append(
                CompensationInput(
                    "support", _money(farmland, price), "Hỗ trợ đào tạo, chuyển đổi nghề và tìm kiếm việc làm",
                    farmland, "m²", price,
                )
            )  # fmt: skip
            people = Decimal(data["household_size"] or 1)
            found.append(
                CompensationInput(
                    "support", _money(people * 6, 675_000), "Hỗ trợ ổn định đời sống", people * 6, "khẩu-tháng", 675_000
                )
            )
        if data["poor_household"]:
            found.append(CompensationInput("support", 10_000_000, "Hỗ trợ hộ nghèo, hộ chính sách", Decimal(1), "hộ",
                                           10_000_000))  # fmt: skip
        if resettled:
            found.append(
                CompensationInput("support", 18_000_000, "Hỗ trợ tiền thuê nhà", Decimal(6), "tháng", 3_000_000)
            )
        return found

    def party(self, index: int) -> PartyInput:
        rng = self.rng
        ward = rng.choices(self.wards, self.ward_weights)[0]
        organisation = rng.random() < 0.015
        data: dict[str, Any] = {
            "code": f"HT-{index:0{self.width}d}",
            "ward": ward,
            "address": self.address(ward),
            "complaint": False,
            "poor_household": False,
            "direct_farmer": False,
            "household_size": None,
        }
        if organisation:
            data["name"] = f"{rng.choice(_COMPANIES)} {rng.choice(_COMPANY_NAMES)}"
            data["kind"] = "organisation"
            data["tax_code"] = f"18{rng.randint(0, 99_999_999):08d}"
        else:
            name, male = self.person()
            data["name"] = name
            data["citizen_id"] = self.citizen_id(male)
            data["household_size"] = rng.choices((1, 2, 3, 4, 5, 6, 7, 8, 9), (3, 8, 18, 27, 22, 12, 6, 3, 1))[0]
            data["poor_household"] = rng.random() < 0.04
            data["direct_farmer"] = rng.random() < 0.45
        count = rng.choices(range(1, len(self.parcel_weights) + 1), self.parcel_weights)[0]
        parcels = tuple(self.parcel(ward) for _ in range(count))
        data.update(self.steps())
        data["complaint"] = "notified_on" in data and rng.random() < 0.035
        resettled = not organisation and any(p.land_use_code in _RESIDENTIAL for p in parcels) and rng.random() < 0.55
        resettlement = None
        if resettled:
            lot_area = rng.choice((80, 90, 100, 120))
            resettlement = ResettlementInput(
                eligible=True,
                site=rng.choice(_SITES),
                lot_no=f"{rng.choice('ABCDE')}{rng.randint(1, 9)}-{rng.randint(1, 60):02d}",
                land_fee_vnd=lot_area * rng.choice((2_500_000, 3_200_000, 4_200_000)),
            )
        assets = self.assets(parcels)
        lines = self.lines(data, parcels, assets, resettled)
        return PartyInput(
            **data,
            parcels=parcels,
            assets=tuple(asset for asset, _, _ in assets),
            compensation=tuple(lines),
            resettlement=resettlement,
        )


def iter_register(
    households: int,
    seed: int = DEMO_SEED,
    anchor: date = DEMO_ANCHOR,
    parcel_weights: Sequence[int] = PARCEL_WEIGHTS,
) -> Iterator[PartyInput]:
    """The synthetic parties one by one: the same arguments give the same parties, in code order.
    `parcel_weights[k]` weighs a party having k + 1 parcels (the default gives about 1.35 per party)."""
    generator = _Generator(households, seed, anchor, parcel_weights)
    for index in range(1, households + 1):
        yield generator.party(index)


def generate_register(
    households: int,
    seed: int = DEMO_SEED,
    anchor: date = DEMO_ANCHOR,
    parcel_weights: Sequence[int] = PARCEL_WEIGHTS,
    co_use_every: int = CO_USE_EVERY,
) -> list[PartyInput]:
    """`households` synthetic parties (about 1.5 % of them organisations) with ~1.35 parcels each; one parcel in
    `co_use_every` parties is shared (0: none)."""
    return share_parcels(list(iter_register(households, seed, anchor, parcel_weights)), co_use_every)


def co_user_groups(households: int, every: int = CO_USE_EVERY) -> list[tuple[int, ...]]:
    """Which parties (0-based positions) share a parcel: a few neighbours, the first one's first parcel each time;
    every third group has three co-users (heirs of one plot), the others two."""
    if every <= 0:
        return []
    groups: list[tuple[int, ...]] = []
    for number, start in enumerate(range(every // 2, households, every)):
        size = 3 if number % 3 == 2 else 2
        if start + size <= households:
            groups.append(tuple(range(start, start + size)))
    return groups


def share_parcels(parties: list[PartyInput], every: int = CO_USE_EVERY) -> list[PartyInput]:
    """Make a few parcels co-used (đồng sử dụng), deterministically: the first party of each group keeps its first
    parcel, flagged co-used, and the others list the same parcel (same ward, sheet, number, areas and land use)
    after their own. Its compensation stays on the first listing; totals count the parcel once."""
    for group in co_user_groups(len(parties), every):
        owner = parties[group[0]]
        shared = replace(owner.parcels[0], co_used=True)
        parties[group[0]] = replace(owner, parcels=(shared, *owner.parcels[1:]))
        for position in group[1:]:
            other = parties[position]
            parties[position] = replace(other, parcels=(*other.parcels, shared))
    return parties


def write_register(session: Session, project_id: int, parties: Sequence[PartyInput]) -> RegisterLoad:
    """Insert checked parties and their children in bulk (core executemany in chunks; no checks here)."""
    insert_parties(session, project_id, parties, CHUNK)
    return RegisterLoad(
        len(parties),
        sum(len(p.parcels) for p in parties),
        sum(len(p.compensation) for p in parties),
        sum(p.resettlement is not None for p in parties),
        assets=sum(len(p.assets) for p in parties),
    )


def load_register(
    context: ServiceContext,
    audit: AuditTrail,
    project_id: int,
    households: int,
    seed: int = DEMO_SEED,
    requested_by: str | None = None,
) -> RegisterLoad:
    """Give an empty project's register `households` synthetic parties in one transaction; a project that has
    parties already is left as it is (`existing` says how many)."""
    if households < 0:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "A count cannot be negative."), field="households", value=str(households)
        )
    parties = generate_register(households, seed)
    codes, kinds = set(load_land_use_codes()), set(load_asset_kinds())
    for data in parties:
        problems = check_party(data, codes, kinds)
        if problems:  # a bug of the generator, never the user's: refuse before writing anything
            first = problems[0]
            raise ValidationFailed(first.reason, field=first.field, value=first.value)
    with context.database.begin() as session:
        actor = require_action(session, context, Action.EDIT).name
        if session.get(Project, project_id) is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project no longer exists."))
        existing = int(
            session.exec(
                select(func.count()).select_from(AffectedParty).where(col(AffectedParty.project_id) == project_id)
            ).one()
        )
        if existing or not parties:
            return RegisterLoad(existing=existing)
        result = write_register(session, project_id, parties)
        summary = (
            f"synthetic register (seed {seed}): {result.parties} parties, {result.parcels} parcels, "
            f"{result.lines} lines, {result.assets} assets, {result.resettlements} resettlements"
            + (f", requested by {requested_by}" if requested_by else "")
        )
        audit.record(session, actor, AuditAction.REGISTER_IMPORT, "project", project_id, summary, project_id)
        return result
