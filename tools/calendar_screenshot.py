"""Render the calendar window (holidays and office hours) off-screen to PNG, for the docs.

uv run python tools/calendar_screenshot.py --lang ar --out docs/screenshots/calendar-ar.png
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render(lang: str, out: Path, tab: int, year: int) -> None:
    from desktop_app.config import resolve_database
    from desktop_app.i18n import install_language
    from desktop_app.services import auth, deadlines
    from desktop_app.services.database import open_database
    from desktop_app.ui.app import make_application
    from desktop_app.ui.dialogs.calendar_dialog import CalendarDialog
    from desktop_app.ui.main_window import apply_direction
    from desktop_app.ui.state import AppState

    app = make_application()
    with tempfile.TemporaryDirectory() as folder:
        location = resolve_database(str(Path(folder) / "calendar.sqlite"))
        db = open_database(location)
        admin = auth.create_first_admin(db, "admin", "Admin", "correct horse battery").actor()
        deadlines.seed_calendar(db, admin, year)
        lang = install_language(lang)
        apply_direction(lang)
        dialog = CalendarDialog(AppState(db, location, admin, lang))
        dialog.year.setValue(year)
        dialog.tabs.setCurrentIndex(min(tab, 1))
        dialog.resize(980, 640)
        dialog.show()
        shown = dialog
        if tab == 2:  # the office-hours editor on the Ramadan period
            dialog.select_timetable(dialog.timetables[1].id)
            dialog.edit_timetable()
            assert dialog.editor is not None
            shown = dialog.editor
        for _ in range(5):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        shown.grab().save(str(out))
        dialog.close()
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--tab", type=int, default=0, help="0 holidays, 1 office hours, 2 editor")
    parser.add_argument("--year", type=int, default=2026)
    args = parser.parse_args()
    render(args.lang, args.out, args.tab, args.year)


if __name__ == "__main__":
    main()
