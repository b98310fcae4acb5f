"""The declarative base; its naming convention lets Alembic batch mode name SQLite constraints."""

from __future__ import annotations

from typing import cast

from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Base]) -> Table:
    """The model's Table, for Core bulk statements (insert, update … .c).

    DeclarativeBase types __table__ as any FromClause, because a class may be mapped to a join or
    a subquery; every model here is mapped to a plain Table.
    """
    return cast(Table, model.__table__)
