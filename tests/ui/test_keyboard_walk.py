"""The main screens by keyboard alone: Tab reaches everything, traps nothing, names all.

A nurse who cannot or will not use the mouse (and a screen reader) must get from the
search box through the ward list into the patient's chart and its tabs and back.
"""

from __future__ import annotations

from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtWidgets

MAX_TABS = 400


def _walk(qtbot, window: MainWindow, start: QtWidgets.QWidget) -> list[QtWidgets.QWidget]:
    """Press Tab from ``start`` until focus comes back to it; the widgets on the way."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait_until(lambda: QtWidgets.QApplication.focusWidget() is start, timeout=5_000)
    seen: list[QtWidgets.QWidget] = []
    for _ in range(MAX_TABS):
        current = QtWidgets.QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        after = QtWidgets.QApplication.focusWidget()
        assert after is not None, "focus left the window"
        if after is start:
            return seen
        assert after is not current, f"Tab is trapped in {type(current).__name__}"
        seen.append(after)
    raise AssertionError(f"Tab did not come back to the start in {MAX_TABS} presses")


def _spoken(widget: QtWidgets.QWidget) -> str:
    text = widget.accessibleName()
    if not text and isinstance(widget, QtWidgets.QAbstractButton):
        text = widget.text().replace("&", "")
    if not text and isinstance(widget, QtWidgets.QAbstractItemView):
        index = widget.currentIndex()
        text = str(index.data(Qt.ItemDataRole.AccessibleTextRole) or "") if index.isValid() else ""
    return text.strip()


def _activate(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow, timeout=5_000)


def test_tab_walks_the_ward_screen_and_the_chart_naming_everything(
    qtbot, main_window: MainWindow
) -> None:
    _activate(qtbot, main_window)
    panel = main_window.ward_panel
    # open the first patient by keyboard: into the list, Down, the chart follows
    panel.ward_view.setFocus()
    qtbot.keyClick(panel.ward_view, Qt.Key.Key_Home)
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        qtbot.keyClick(panel.ward_view, Qt.Key.Key_Down)
    visited = _walk(qtbot, main_window, panel.search_box)
    assert panel.ward_view in visited
    chart_widgets = [w for w in visited if main_window.patient_view.isAncestorOf(w)]
    assert chart_widgets, "Tab never reaches the patient's chart"
    assert any(isinstance(w, QtWidgets.QTabBar) for w in visited), "the chart's tabs"
    unnamed = [type(w).__name__ for w in visited if not _spoken(w)]
    assert unnamed == [], f"focusable without a name: {unnamed}"


def test_search_by_keyboard_opens_a_patient_and_esc_returns(qtbot, main_window: MainWindow) -> None:
    _activate(qtbot, main_window)
    panel = main_window.ward_panel
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QtWidgets.QApplication.focusWidget() is panel.search_box
    qtbot.keyClicks(panel.search_box, "bed")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: panel.results_model.rowCount() > 0, timeout=10_000)
    assert QtWidgets.QApplication.focusWidget() is panel.results_view
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        qtbot.keyClick(panel.results_view, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results_view, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: panel.left_stack.currentIndex() == 0, timeout=5_000)
