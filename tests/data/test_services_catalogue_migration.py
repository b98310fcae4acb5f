"""0008_i13 adds the online-services tables (C2.2, C2.4): a 0007 database upgrades to the models."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.config import resolve_database
from desktop_app.data.models import Base
from desktop_app.data.schema import head_revision
from desktop_app.services.database import open_database

STORED = Path(__file__).parent.parent / "data" / "rev_0007_requests.sqlite"
OURS = {"online_services", "service_link_checks", "website_audits"}


def test_a_0007_database_gains_the_catalogue_tables_matching_the_models_c2_2(
    tmp_path: Path,
) -> None:
    target = tmp_path / "old.sqlite"
    shutil.copy(STORED, target)
    db = open_database(resolve_database(str(target)))
    try:
        with sqlite3.connect(target) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            assert tables >= OURS
            (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            assert version == head_revision()
        with db.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        mine = [d for d in diffs if any(t in repr(d) for t in OURS)]
        assert mine == [], mine
    finally:
        db.dispose()
