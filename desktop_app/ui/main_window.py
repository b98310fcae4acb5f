"""The main window: navigation between pages, menus, and the status bar. Navigation only."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop_app.i18n import LANGUAGES, install_language, language_name
from desktop_app.services import auth, settings
from desktop_app.services.database import backup_database
from desktop_app.services.permissions import Perm, role_label
from desktop_app.ui.changes import follow_changes
from desktop_app.ui.direction import apply_direction  # noqa: F401 - imported from here too
from desktop_app.ui.messages import attempt, show_info
from desktop_app.ui.pages.registry import PageSpec, ordered_pages
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.tables import sample_column_widths
from desktop_app.ui.workers import import_in_background

SESSION_CHECK_MS = 60_000


class MainWindow(QMainWindow):
    """Rebuilt whole on a language switch: simpler and surer than retranslating every widget."""

    language_switched = Signal(str)
    remember_geometry = True  # `istiqbal screenshot` sets False: its window is not the user's

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._pages: dict[str, QWidget] = {}
        self._specs: list[PageSpec] = []
        self.build()
        # From sign-in, whatever page is open (C2.1); outlives the rebuild on a language switch.
        from desktop_app.ui.deadline_watcher import DeadlineWatcher

        self.deadline_watcher = DeadlineWatcher(state, self)
        from desktop_app.ui.services_watcher import ServicesWatcher  # C2.2: scheduled link checks

        self.services_watcher = ServicesWatcher(state, self)
        # A user deactivated, demoted or whose password was reset is signed out within a minute
        # even if idle; any refused call signs them out at once (ui/messages.py). Issue 16.
        self.signed_out = False
        self.session_timer = QTimer(self)
        self.session_timer.setInterval(SESSION_CHECK_MS)
        self.session_timer.timeout.connect(self.check_session)
        self.session_timer.start()
        from desktop_app.ui.mail_fetcher import MailFetcher

        self.mail_fetcher = MailFetcher(state, self)
        self.statusBar().addPermanentWidget(self.mail_fetcher.label)
        geometry = QSettings().value("ui/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    # -- building ----------------------------------------------------------------------------------
    def build(self, current: str | None = None) -> None:
        values = attempt(self, lambda: settings.get_all(self.state.db)) or {}
        body = values.get("body_name_ar" if self.state.lang == "ar" else "body_name_fr", "")
        self.setWindowTitle(f"Istiqbal — {body}" if body else "Istiqbal")
        self.menuBar().clear()
        self._build_menus()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._pages.clear()
        self._specs = ordered_pages(self.state.actor)
        for spec in self._specs:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        self._build_status_bar()
        keys = [s.key for s in self._specs]
        start = current if current in keys else (keys[0] if keys else None)
        if start is not None:
            self.show_page(start)
        self.preload_pages()

    def preload_pages(self) -> None:
        """Import the code of the pages not built yet on a worker while the first page is
        looked at (issue 15.3): their first opening then builds widgets, nothing more."""
        import_in_background([name for spec in self._specs for name in spec.modules])

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        if self.state.actor.can(Perm.BACKUP) and self.state.location.is_sqlite:
            backup = QAction(self.tr("Back up now"), self)
            backup.triggered.connect(self.backup_now)
            file_menu.addAction(backup)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code in LANGUAGES:
            action = QAction(language_name(code), self, checkable=True)
            action.setChecked(code == self.state.lang)
            action.triggered.connect(lambda _=False, c=code: self.switch_language(c))
            group.addAction(action)
            language_menu.addAction(action)

        account = self.menuBar().addMenu(self.tr("&Account"))
        change = QAction(self.tr("Change my password…"), self)
        change.triggered.connect(self.change_password)
        change.setEnabled(self.state.actor.user_id is not None)
        account.addAction(change)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About Istiqbal"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        fetcher = getattr(self, "mail_fetcher", None)
        for child in bar.findChildren(QLabel):
            if fetcher is not None and child is fetcher.label:
                continue  # outlives the rebuild on a language switch, like the fetcher
            bar.removeWidget(child)
            child.deleteLater()
        actor = self.state.actor
        who = QLabel(self.tr("Signed in: {name} ({role})").format(
            name=actor.full_name or actor.username, role=role_label(actor.role)))  # fmt: skip
        # The path is isolated left-to-right (U+2066 … U+2069) or Arabic mirrors its slashes.
        where = QLabel(
            self.tr("Database: {where}").format(
                where=f"\u2066{self.state.location.display()}\u2069"
            )
        )
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(who)
        bar.addPermanentWidget(where)

    # -- navigation --------------------------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return [s.key for s in self._specs]

    def show_page(self, key: str) -> QWidget | None:
        """Pages are built on first visit, so start-up stays fast however many pages exist."""
        keys = self.page_keys()
        if key not in keys:
            return None
        row = keys.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # re-enters through _show_row
            return self._pages.get(key)
        if key not in self._pages:
            spec = self._specs[row]
            page = attempt(self, lambda: spec.factory(self.state))
            if page is None:
                page = QLabel(self.tr("This page could not be opened."))
            else:
                follow_changes(key, page)  # reloads what it shows when another area writes
                sample_column_widths(page)
            self._pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self._pages[key])
        return self._pages[key]

    def open_filtered(self, key: str, **page_filter: object) -> QWidget | None:
        """Open a page narrowed to what the dashboard pointed at (pages define apply_filter)."""
        page = self.show_page(key)
        apply = getattr(page, "apply_filter", None)
        if page is not None and callable(apply):
            attempt(self, lambda: apply(**page_filter))
        return page

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._specs):
            self.show_page(self._specs[row].key)

    def current_key(self) -> str | None:
        row = self.nav.currentRow()
        return self._specs[row].key if 0 <= row < len(self._specs) else None

    # -- actions -----------------------------------------------------------------------------------
    def switch_language(self, lang: str) -> None:
        if lang == self.state.lang:
            return
        current = self.current_key()
        self.state.lang = install_language(lang)
        apply_direction(self.state.lang)
        QSettings().setValue("ui/language", self.state.lang)
        self.build(current)
        self.language_switched.emit(self.state.lang)

    def backup_now(self) -> None:
        path = attempt(self, lambda: backup_database(self.state.db, self.state.actor,
                                                     self.state.location))  # fmt: skip
        if path is not None:
            show_info(self, self.tr("Backup written to {path}.").format(path=path))

    def change_password(self) -> None:
        from desktop_app.ui.dialogs.change_password_dialog import ChangePasswordDialog

        ChangePasswordDialog(self.state.db, self.state.actor, parent=self).exec()

    def about(self) -> None:
        from desktop_app.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self.state.location.display(), self).exec()

    def check_session(self) -> None:
        """Sign out a user whose rights changed since they signed in."""
        if self.signed_out:
            return
        try:
            valid = auth.session_still_valid(self.state.db, self.state.actor)
        except Exception:  # noqa: BLE001 - a busy or gone database is told by the next real call
            return
        if not valid:
            show_info(self, self.tr("Your rights changed; sign in again."))
            self.sign_out()

    def sign_out(self) -> None:
        """Close the window: the session ends and its rights with it."""
        if self.signed_out:
            return
        self.signed_out = True
        self.session_timer.stop()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_geometry:
            QSettings().setValue("ui/geometry", self.saveGeometry())
        super().closeEvent(event)
