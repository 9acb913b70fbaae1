"""Column helpers the tables share: UTC moments, areas and decimals with their SQL types."""

from decimal import Decimal
from typing import Any

from sqlalchemy import Column, DateTime, Numeric
from sqlmodel import Field

from dossier_app.domain.moments import utc_now


def moment_field() -> Any:
    """A UTC timestamp column that defaults to now."""
    return Field(default_factory=utc_now, sa_type=DateTime(timezone=True))


def area_field() -> Any:
    """An area in hectares or square metres: two decimals, never NULL."""
    return Field(default=Decimal(0), sa_column=Column(Numeric(14, 2), nullable=False))


def decimal_field() -> Any:
    """A figure of the project's facts: four decimals, empty until known."""
    return Field(default=None, sa_column=Column(Numeric(14, 4), nullable=True))
