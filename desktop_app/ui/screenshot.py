"""`istiqbal screenshot`: render one page of the real window off-screen into a PNG."""

from __future__ import annotations

from pathlib import Path

from desktop_app.config import DatabaseLocation
from desktop_app.data.db import Database
from desktop_app.i18n import install_language
from desktop_app.i18n import translate as _translate
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Role, viewer_actor


def render_page(
    db: Database, location: DatabaseLocation, page: str, out: Path, lang: str,
    size: tuple[int, int],
) -> Path:  # fmt: skip
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.app import make_application
    from desktop_app.ui.main_window import MainWindow, apply_direction
    from desktop_app.ui.pages.registry import PAGES, find_page
    from desktop_app.ui.state import AppState

    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        app = make_application()
    lang = install_language(lang)
    apply_direction(lang)
    spec = find_page(page)
    if spec is None:
        names = ", ".join(sorted(p.key for p in PAGES))
        raise UserError(
            _translate("cli", "There is no page “{page}”; pages: {names}.").format(
                page=page, names=names
            )
        )
    actor: Actor = viewer_actor()
    if not spec.allowed(actor):  # admin-only pages are pictured as an administrator sees them
        actor = Actor(None, "viewer", Role.ADMIN, "Viewer")
    window = MainWindow(AppState(db, location, actor, lang))
    window.remember_geometry = False  # the user's saved window size stays theirs
    window.resize(*size)
    window.show_page(page)
    window.show()
    for _ in range(5):
        app.processEvents()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(out))
    except OSError:
        saved = False
    finally:
        window.close()
    if not saved:
        raise UserError(_translate("cli", "Cannot write the picture {path}.").format(path=out))
    return out
