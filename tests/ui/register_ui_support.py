"""Registers of a few hundred parties for the register window tests, written through the services."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from dossier_app.domain.register import CompensationInput
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.services.register_support import parcel, party
from tests.services.support import it_park

FAMILIES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi")
GIVEN = ("Văn Đức", "Thị Hồng", "Minh Tâm", "Thị Bích", "Quốc Hùng", "Ngọc Ánh", "Hữu Phước")
WARDS = ("Phường Hưng Thạnh", "Phường Hưng Phú", "Phường Cái Răng")
LAND_CODES = ("LUC", "ONT", "CLN")
# One party whose name only a diacritic-insensitive search finds by "truong thi tho".
NEEDLE = "Trương Thị Thọ"


def party_name(index: int) -> str:
    """A Vietnamese name that varies with the index."""
    return f"{FAMILIES[index % len(FAMILIES)]} {GIVEN[(index // 3) % len(GIVEN)]} {index}"


def fill_register(services: Services, size: int = 300) -> ProjectView:
    """A new IT park project whose register holds `size` parties (one named NEEDLE), each with a parcel."""
    project = services.projects.create(it_park())
    for index in range(size):
        name = NEEDLE if index == size // 2 else party_name(index)
        services.register.add_party(
            project.id,
            party(
                f"HT-{index:04d}",
                name=name,
                citizen_id=f"0920851{index:05d}",
                ward=WARDS[index % len(WARDS)],
                complaint=index % 10 == 0,
                poor_household=index % 7 == 0,
                notified_on=date(2026, 3, 1),
                inventoried_on=date(2026, 4, 15) if index % 2 else None,
                parcels=(
                    parcel(
                        "12",
                        str(index),
                        land_use_code=LAND_CODES[index % len(LAND_CODES)],
                        total_area_m2=Decimal(1000 + index),
                        recovered_area_m2=Decimal(500 + index),
                    ),
                ),
                compensation=(replace(party().compensation[0], amount_vnd=1_000_000 * (index + 1)),)
                if index % 5
                else (CompensationInput(kind="land", amount_vnd=2_500_000),),
            ),
        )
    return project
