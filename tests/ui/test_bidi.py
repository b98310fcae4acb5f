"""Latin text inside Arabic is isolated (FSI…PDI) in messages, tables and to-do items (14.6)."""

from __future__ import annotations

from desktop_app.i18n import FSI, PDI, install_language, isolate_latin
from desktop_app.ui.formatting import bidi_text
from desktop_app.ui.main_window import apply_direction
from desktop_app.ui.state import AppState


def test_latin_runs_in_arabic_sentences_are_isolated() -> None:
    assert (
        isolate_latin("«m.trabelsi@gmail» ليس عنوانًا.")
        == f"«{FSI}m.trabelsi@gmail{PDI}» ليس عنوانًا."
    )
    assert isolate_latin("كُتب في /tmp/x.xlsx.") == f"كُتب في {FSI}/tmp/x.xlsx{PDI}."
    assert isolate_latin("الفترة 2026-Q3") == f"الفترة {FSI}2026-Q3{PDI}"
    assert isolate_latin("Arrondissement de Gammarth / دائرة قمرت") == (
        f"{FSI}Arrondissement de Gammarth{PDI} / دائرة قمرت"
    )
    # A French comment alone keeps its full stop inside, on its own side.
    assert isolate_latin("Bon accueil.") == f"{FSI}Bon accueil.{PDI}"
    assert isolate_latin("عدد 12 مطلبا") == "عدد 12 مطلبا"  # digits alone: nothing to do
    # A French title in an Arabic table is one unit: its colon does not swap its two halves.
    title = "Accueil téléphonique : saluer, nommer l'organisme"
    assert isolate_latin(title) == f"{FSI}{title}{PDI}"
    # The Arabic sentence keeps its own closing bracket.
    assert isolate_latin("المرجع (الأجل 04/12/2026 09:02)").endswith(f"09:02{PDI})")


def test_the_window_isolates_the_other_direction(qapp) -> None:
    install_language("fr")
    apply_direction("fr")
    assert bidi_text("Bon accueil.") == "Bon accueil."
    # An Arabic comment in a French table keeps its full stop on its own side.
    assert bidi_text("لم يبادر بالتحية.") == f"{FSI}لم يبادر بالتحية.{PDI}"
    install_language("ar")
    apply_direction("ar")
    assert bidi_text("Bon accueil.") == f"{FSI}Bon accueil.{PDI}"


def test_plain_tables_isolate_their_cells_like_the_model_tables(qapp) -> None:
    """An address cut short in an Arabic table read `…-http://…/acces` (services catalogue)."""
    from PySide6.QtWidgets import QTableWidget

    from desktop_app.ui.widgets.agents_fields import fill_table

    install_language("ar")
    apply_direction("ar")
    table = QTableWidget(0, 2)
    url = "http://127.0.0.1:8765/eservices/acces-information.html"
    fill_table(table, [["مطلب النفاذ إلى المعلومة", url]], data=[7])
    assert table.item(0, 1).text() == f"{FSI}{url}{PDI}"
    assert table.item(0, 0).text() == "مطلب النفاذ إلى المعلومة"
    assert table.item(0, 0).data(0x0100) == 7  # Qt.UserRole: the row's id is kept


def test_a_request_fact_without_arabic_stays_beside_its_name_in_arabic(qapp) -> None:
    """A wrapped label follows its text's own direction: "2026-002528" was drawn at the far left
    of the Arabic request window, away from «المرجع»."""
    from desktop_app.ui.dialogs.request_dialog import plain_label

    install_language("ar")
    apply_direction("ar")
    assert plain_label("2026-002528").text() == "\u200f2026-002528"
    install_language("fr")
    apply_direction("fr")
    assert plain_label("2026-002528").text() == "2026-002528"
    assert plain_label("").text() == ""


def test_the_agents_list_isolates_a_french_unit_in_arabic(state: AppState) -> None:
    """«Bureau des relations avec le citoyen» was cut at its start («… Bureau des») in the Arabic
    agents list: the model showed its cells as typed, unlike the other tables (14.6)."""
    from datetime import date

    from desktop_app.services import agents
    from desktop_app.services.agents import AgentInput
    from desktop_app.ui.models.agents_table_model import AgentsTableModel

    unit = "Bureau des relations avec le citoyen"
    agent = AgentInput(name_ar="عون", unit=unit, active_from=date(2020, 1, 1))
    agents.create_agent(state.db, state.actor, agent)
    install_language("ar")
    apply_direction("ar")
    model = AgentsTableModel(AppState(state.db, state.location, state.actor, "ar"))
    model.reload()
    assert model.data(model.index(0, 2)) == f"{FSI}{unit}{PDI}"
    assert model.data(model.index(0, 0)) == "عون"
