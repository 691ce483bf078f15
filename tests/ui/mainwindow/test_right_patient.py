"""The right patient at a glance: the name alert in the ward list, the search results and the
banner; the birth date column; the communication needs in the banner."""

from __future__ import annotations

from app.name_alerts import NameMatch
from app.services import PatientChart
from ui.mainwindow.patient_view import PatientBanner
from ui.mainwindow.search_model import PATIENT_ID_ROLE as RESULT_PATIENT_ROLE
from ui.mainwindow.ward_model import WardColumn, name_alert_icon, name_mark
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtCore

ALERT_10A = "Same name as Hoffmann, Dieter (bed 13A) — check the birth date"
ALERT_13A = "Same name as Hoffmann, Dieter (bed 10A) — check the birth date"


def _ward_index(window: MainWindow, bed: str, column: WardColumn) -> QtCore.QModelIndex:
    model = window.ward_panel.ward_model
    for row in range(model.rowCount()):
        if model.record(row).patient.bed == bed:
            return model.index(row, column)
    raise AssertionError(f"no patient in bed {bed}")


def _mark(index: QtCore.QModelIndex, matches: tuple[NameMatch, ...]) -> str:
    """The mark the cell shows (the icon drawn for these matches) and which one it is."""
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == name_alert_icon(matches, icon.availableSizes()[0].width()).cacheKey()
    return name_mark(matches)


def _open_bed(qtbot, window: MainWindow, bed: str) -> PatientChart:
    patient_id = _ward_index(window, bed, WardColumn.NAME).data(Qt.ItemDataRole.UserRole + 2)
    with qtbot.wait_signal(window.sig_chart_shown, timeout=10_000):
        window.ward_panel.select(str(patient_id))
    chart = window.patient_view.chart
    assert chart is not None
    assert chart.patient.bed == bed
    return chart


# --- the ward list ----------------------------------------------------------------------


def test_the_ward_list_marks_both_dieter_hoffmanns(main_window: MainWindow) -> None:
    for bed, alert in (("10A", ALERT_10A), ("13A", ALERT_13A)):
        name = _ward_index(main_window, bed, WardColumn.NAME)
        assert name.data() == "Hoffmann, Dieter"
        record = main_window.ward_panel.ward_model.record(name.row())
        assert _mark(name, record.name_matches) == "alert"  # the ⚠ triangle
        tip = name.data(Qt.ItemDataRole.ToolTipRole)
        assert tip.splitlines()[0] == alert
        spoken = name.data(Qt.ItemDataRole.AccessibleTextRole)
        assert spoken.startswith("Hoffmann, Dieter, Name alert: " + alert)


def test_a_patient_without_a_name_match_has_no_mark(main_window: MainWindow) -> None:
    name = _ward_index(main_window, "10D", WardColumn.NAME)  # Kamiński, Józef
    assert _mark(name, ()) == "none"
    assert main_window.ward_panel.ward_model.record(name.row()).name_matches == ()
    assert name.data(Qt.ItemDataRole.ToolTipRole) is None
    assert "alert" not in name.data(Qt.ItemDataRole.AccessibleTextRole)


def test_the_same_family_name_on_the_ward_is_a_quieter_notice(main_window: MainWindow) -> None:
    name = _ward_index(main_window, "12C", WardColumn.NAME)  # Hoffmann, Ingrid
    record = main_window.ward_panel.ward_model.record(name.row())
    assert _mark(name, record.name_matches) == "notice"  # the ≈ ring
    tip = name.data(Qt.ItemDataRole.ToolTipRole)
    assert "Same family name on this ward: Hoffmann, Dieter (bed 10A)" in tip
    assert "Name alert" not in name.data(Qt.ItemDataRole.AccessibleTextRole)


def test_the_ward_count_says_how_many_have_a_name_alert(main_window: MainWindow) -> None:
    assert "2 with a name alert" in main_window.ward_panel.ward_count.text()


def test_the_birth_date_column_shows_the_locale_date_and_sorts_by_date(
    main_window: MainWindow,
) -> None:
    born = _ward_index(main_window, "10A", WardColumn.BORN)
    day = QtCore.QLocale().toString(QtCore.QDate(1971, 3, 19), "d MMM yyyy")
    assert born.data() == f"{day} (55)"
    assert born.data(Qt.ItemDataRole.AccessibleTextRole) == f"born {day}, age 55"
    panel = main_window.ward_panel
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        panel.ward_view.sortByColumn(WardColumn.BORN, order)
        dates = [
            panel.ward_model.record(
                panel.ward_proxy.mapToSource(panel.ward_proxy.index(r, 0)).row()
            ).patient.birth_date
            for r in range(panel.ward_proxy.rowCount())
        ]
        assert dates == sorted(dates, reverse=order == Qt.SortOrder.DescendingOrder)
        assert len(set(dates)) > 10
    header = panel.ward_model.headerData(WardColumn.BORN, Qt.Orientation.Horizontal)
    assert header == "Born (age)"


# --- search -----------------------------------------------------------------------------


def test_search_results_carry_the_name_alert(qtbot, main_window: MainWindow) -> None:
    panel = main_window.ward_panel
    panel.search_box.setText("Hoffmann Dieter")
    qtbot.wait_until(lambda: panel.results_model.rowCount() >= 2, timeout=10_000)
    shown = {}
    for row in range(panel.results_model.rowCount()):
        index = panel.results_model.index(row)
        text = index.data()
        if text.startswith("Hoffmann, Dieter"):
            shown[text.split("Bed ")[1].split()[0]] = index
    assert set(shown) == {"10A", "13A"}
    for bed, alert in (("10A", ALERT_10A), ("13A", ALERT_13A)):
        index = shown[bed]
        assert f"⚠ {alert}" in index.data()
        hit = panel.results_model.hit(index.row())
        assert _mark(index, hit.name_alerts) == "alert"
        assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(alert)
        assert "Name alert: " + alert in index.data(Qt.ItemDataRole.AccessibleTextRole)
        assert index.data(RESULT_PATIENT_ROLE)


def test_search_results_leave_out_the_ward_notice(qtbot, main_window: MainWindow) -> None:
    panel = main_window.ward_panel
    panel.search_box.setText("Hoffmann Ingrid")
    qtbot.wait_until(lambda: panel.results_model.rowCount() >= 1, timeout=10_000)
    index = panel.results_model.index(0)
    assert index.data().startswith("Hoffmann, Ingrid")
    assert "⚠" not in index.data()
    assert _mark(index, ()) == "none"  # notices stay in the ward list


# --- the banner -------------------------------------------------------------------------


def test_the_banner_shows_the_name_alert_as_a_chip(qtbot, main_window: MainWindow) -> None:
    for bed, alert in (("10A", ALERT_10A), ("13A", ALERT_13A)):
        _open_bed(qtbot, main_window, bed)
        banner = main_window.patient_view.banner
        chip = banner.name_alert_chips[0]
        assert chip.objectName() == "nameAlertChip"
        assert chip.text() == f"⚠ Name alert: {alert}"
        qtbot.wait_until(chip.isVisible)  # a widget added to a layout shows on the next turn
        assert chip.accessibleName() == f"Name alert: {alert}"
        assert banner.accessibleDescription().startswith(f"Name alert: {alert}")
        notice = banner.name_alert_chips[-1]
        assert notice.objectName() == "nameNoticeChip"
        assert "Same family name on this ward: Hoffmann, Ingrid (bed 12C)" in notice.text()


def test_the_banner_drops_the_chip_for_a_patient_without_a_match(
    qtbot, main_window: MainWindow
) -> None:
    _open_bed(qtbot, main_window, "10A")
    _open_bed(qtbot, main_window, "10D")
    banner = main_window.patient_view.banner
    assert banner.name_alert_chips == []
    assert banner.accessibleDescription() == ""


def test_the_banner_shows_an_interpreter_need_next_to_the_allergies(
    qtbot, main_window: MainWindow
) -> None:
    chart = _open_bed(qtbot, main_window, "10D")  # Kamiński, Józef: speaks Polish
    banner = main_window.patient_view.banner
    texts = [chip.text() for chip in banner.need_chips]
    assert any(t.startswith("Interpreter needed: Polish") for t in texts)
    qtbot.wait_until(lambda: all(chip.isVisible() for chip in banner.need_chips))
    assert any("Preferred language: Polish" in t for t in texts)
    # In the same row as the allergy chips.
    items = [banner.allergy_row.itemAt(i) for i in range(banner.allergy_row.count())]
    row = [item.widget() for item in items if item is not None]
    assert all(chip in row for chip in banner.need_chips)
    assert {n.kind.value for n in chart.needs} >= {"interpreter", "language"}


def test_the_banner_shows_hearing_and_sight_but_not_what_is_absent(
    qtbot, main_window: MainWindow
) -> None:
    _open_bed(qtbot, main_window, "10A")  # hearing aid needs repair, glasses all the time
    texts = [chip.text() for chip in main_window.patient_view.banner.need_chips]
    assert any("Hearing aid: Yes, but it needs a battery or repair" in t for t in texts)
    assert any("Glasses and reading: Glasses all the time" in t for t in texts)
    assert not any("Interpreter" in t for t in texts)  # "no interpreter needed" is no chip
    _open_bed(qtbot, main_window, "13A")  # no hearing aid
    texts = [chip.text() for chip in main_window.patient_view.banner.need_chips]
    assert not any("Hearing aid" in t for t in texts)


def test_the_banner_words_needs_in_the_ui_language(qtbot, main_window: MainWindow) -> None:
    chart = _open_bed(qtbot, main_window, "10D")
    banner = PatientBanner(language="de")
    qtbot.add_widget(banner)
    banner.show_chart(chart)
    texts = [chip.text() for chip in banner.need_chips]
    assert any(t.startswith("Dolmetscher erwünscht: Polnisch") for t in texts)
    assert any("Bevorzugte Sprache: Polnisch" in t for t in texts)


def test_the_preferred_language_the_nurse_reads_is_no_chip(qtbot, main_window: MainWindow) -> None:
    chart = _open_bed(qtbot, main_window, "10A")  # prefers German
    english = [c.text() for c in main_window.patient_view.banner.need_chips]
    assert "Preferred language: German" in english
    banner = PatientBanner(language="de")
    qtbot.add_widget(banner)
    banner.show_chart(chart)
    assert not any("Bevorzugte Sprache" in c.text() for c in banner.need_chips)
