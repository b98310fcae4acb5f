"""Tabs built the first time they are shown: a page opens with only the tab it shows (issue 15.3).

Building every tab of a page up front made its first opening read and lay out lists nobody looks
at yet (the Training page's six tabs, 0.3–0.4 s; the Calls page's callers, 0.2 s). Until a tab is
shown, the tab bar holds an empty placeholder in its place; `tab(key)` builds it when code (the
dashboard's action lists, a test) asks for it without showing it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab_keys: list[str] = []
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        self._adding = False
        self.currentChanged.connect(self._shown)

    def add_lazy(self, key: str, factory: Callable[[], QWidget], title: str) -> None:
        """A tab `key` titled `title`, made by `factory()` when first shown or asked for. The
        page calls build_current() once its tabs are added."""
        self._add(key, QWidget(), title)  # a placeholder until the tab is first shown
        self._factories[key] = factory

    def add_built(self, key: str, widget: QWidget, title: str) -> None:
        """A tab made by the page itself (the one it opens on)."""
        self._add(key, widget, title)
        self._built[key] = widget

    def _add(self, key: str, widget: QWidget, title: str) -> None:
        self._adding = True  # the first addTab makes its tab current: not shown yet
        try:
            self.addTab(widget, title)
        finally:
            self._adding = False
        self.tab_keys.append(key)

    def build_current(self) -> None:
        """Build the tab shown (the first, when the page is made)."""
        self._shown(self.currentIndex())

    def is_built(self, key: str) -> bool:
        return key in self._built

    def _shown(self, index: int) -> None:
        if not self._adding and 0 <= index < len(self.tab_keys):
            self.tab(self.tab_keys[index])

    def tab(self, key: str) -> QWidget:
        """The tab `key`, built now if it has not been shown yet (it takes its placeholder's
        place, at the same index, without changing the tab shown)."""
        built = self._built.get(key)
        if built is not None:
            return built
        index = self.tab_keys.index(key)
        widget = self._factories[key]()
        self._built[key] = widget
        current = self.currentIndex()
        self.blockSignals(True)  # the swap is not the person choosing another tab
        try:
            placeholder = self.widget(index)
            title = self.tabText(index)
            self.removeTab(index)
            self.insertTab(index, widget, title)
            self.setCurrentIndex(current)
        finally:
            self.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        return widget

    def show_tab(self, key: str) -> QWidget | None:
        """Show the tab `key` (built if need be); None if the page has no such tab."""
        if key not in self.tab_keys:
            return None
        self.setCurrentIndex(self.tab_keys.index(key))
        return self.tab(key)
