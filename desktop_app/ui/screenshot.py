"""`istiqbal screenshot`: render one page of the real window off-screen into a PNG."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.config import DatabaseLocation
from desktop_app.data.db import Database
from desktop_app.i18n import install_language, translate
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Role, viewer_actor

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def render_page(
    db: Database, location: DatabaseLocation, page: str, out: Path, lang: str,
    size: tuple[int, int], tab: int = 1,
) -> Path:  # fmt: skip
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.app import make_application
    from desktop_app.ui.main_window import MainWindow, apply_direction
    from desktop_app.ui.pages.registry import PAGES, find_page
    from desktop_app.ui.state import AppState
    from desktop_app.ui.workers import background_idle, wait_for_background

    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        app = make_application()
    _quiet_offscreen_notice()
    lang = install_language(lang)
    apply_direction(lang)
    spec = find_page(page)
    if spec is None:
        names = ", ".join(sorted(p.key for p in PAGES))
        raise UserError(
            translate("cli", "There is no page “{page}”; pages: {names}.").format(
                page=page, names=names
            )
        )
    actor: Actor = viewer_actor()
    if not spec.allowed(actor):  # admin-only pages are pictured as an administrator sees them
        actor = Actor(None, "viewer", Role.ADMIN, actor.full_name)
    window = MainWindow(AppState(db, location, actor, lang))
    window.remember_geometry = False  # the user's saved window size stays theirs
    window.resize(*size)
    shown = window.show_page(page)
    window.show()
    try:
        if tab != 1 and shown is not None:
            _choose_tab(shown, tab, page)
        app.processEvents()
    finally:
        # Pages read in the background, and an answer can start the next read (the agents list,
        # then the chosen agent's profile): wait until an answer shown starts nothing more, and
        # a page that shows its answer in steps (the dashboard's tiles) has shown the last.
        for _ in range(20):
            wait_for_background()
            for _ in range(5):
                app.processEvents()
            if background_idle() and not getattr(shown, "filling", False):
                break
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(out))
    except OSError:
        saved = False
    finally:
        window.close()
    if not saved:
        raise UserError(translate("cli", "Cannot write the picture {path}.").format(path=out))
    return out


def _choose_tab(page_widget: QWidget, tab: int, page: str) -> None:
    """`--tab N` pictures the page's N-th tab (of its outermost tab bar): the README shows the
    training plan, the guides and the equipment, not only the first tab."""
    from PySide6.QtWidgets import QTabWidget

    from desktop_app.ui.formatting import format_list

    outer = [t for t in page_widget.findChildren(QTabWidget) if not _inside_tabs(t, page_widget)]
    if not outer:
        raise UserError(translate("cli", "The page “{page}” has no tabs.").format(page=page))
    tabs = outer[0]
    if not 1 <= tab <= tabs.count():
        names = format_list([f"{i + 1} {tabs.tabText(i)}" for i in range(tabs.count())])
        raise UserError(
            translate("cli", "The page “{page}” has no tab {tab}; its tabs: {names}.").format(
                page=page, tab=tab, names=names
            )
        )
    outer[0].setCurrentIndex(tab - 1)


def _inside_tabs(widget: QWidget, root: QWidget) -> bool:
    from PySide6.QtWidgets import QTabWidget

    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QTabWidget):
            return True
        parent = parent.parentWidget()
    return False


def _quiet_offscreen_notice() -> None:
    """The offscreen plugin says "does not support propagateSizeHints()" on every window: noise
    to whoever makes the picture. Every other Qt message still reaches stderr."""
    import sys

    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
