"""The left side of the main window: my patients, or the results of a search.

The ward list has a filter of its own (bed, name, MRN: only the rows on screen).
The search box looks through every patient in the cache, answers and
medications included; it sits in the window's toolbar but belongs here, because
its results take the ward list's place until Esc.
"""

from __future__ import annotations

from app.services import CareService, SearchResults, WardRow
from ui.base.taskman import DbOp, TaskManager
from ui.mainwindow.search_model import PATIENT_ID_ROLE as SEARCH_PATIENT_ROLE
from ui.mainwindow.search_model import SearchResultsModel
from ui.mainwindow.ward_model import PATIENT_ID_ROLE, WardColumn, WardFilterProxy, WardTableModel
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

SEARCH_DELAY_MS = 200
NAME_MAX_CHARS = 32
"""The ward list keeps room for its longest name, up to about this many characters."""

WARD_PAGE, RESULTS_PAGE = 0, 1


class WardPanel(QtWidgets.QWidget):
    sig_patient_selected = Signal(str)
    """A row of the ward list became current (argument: patient id)."""

    sig_result_chosen = Signal(str)
    """A search result was chosen (argument: patient id); the ward list follows it."""

    def __init__(self, tasks: TaskManager, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._service: CareService | None = None
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 4, 8)
        self.ward_title = QtWidgets.QLabel(self.tr("<b>My patients</b>"))
        lay.addWidget(self.ward_title)
        self.ward_filter = QtWidgets.QLineEdit()
        self.ward_filter.setPlaceholderText(self.tr("Filter by bed, name or MRN"))
        self.ward_filter.setAccessibleName(self.tr("Filter ward list"))
        self.ward_filter.setClearButtonEnabled(True)
        lay.addWidget(self.ward_filter)

        self.left_stack = QtWidgets.QStackedWidget()
        self.left_stack.addWidget(self._build_ward_view())
        self.left_stack.addWidget(self._build_results())
        lay.addWidget(self.left_stack, 1)
        self.ward_count = QtWidgets.QLabel()
        self.ward_count.setObjectName("mutedText")
        lay.addWidget(self.ward_count)
        self._build_search_box()

    def _build_ward_view(self) -> QtWidgets.QTableView:
        self.ward_model = WardTableModel(self)
        self.ward_proxy = WardFilterProxy(self)
        self.ward_proxy.setSourceModel(self.ward_model)
        self.ward_filter.textChanged.connect(self.ward_proxy.set_filter_text)
        self.ward_view = QtWidgets.QTableView()
        self.ward_view.setModel(self.ward_proxy)
        self.ward_view.setAccessibleName(self.tr("Ward list"))
        self.ward_view.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.ward_view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.ward_view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ward_view.setSortingEnabled(True)
        self.ward_view.sortByColumn(WardColumn.BED, Qt.SortOrder.AscendingOrder)
        self.ward_view.verticalHeader().hide()
        self.ward_view.setAlternatingRowColors(True)
        self.ward_view.setTabKeyNavigation(False)
        header = self.ward_view.horizontalHeader()
        header.setMinimumSectionSize(32)
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WardColumn.NAME, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.ward_view.selectionModel().currentRowChanged.connect(self._on_ward_row)
        self.ward_filter.returnPressed.connect(self.ward_view.setFocus)
        return self.ward_view

    def _build_results(self) -> QtWidgets.QWidget:
        self.results_model = SearchResultsModel(self)
        self.results_view = QtWidgets.QListView()
        self.results_view.setModel(self.results_model)
        self.results_view.setAccessibleName(self.tr("Search results"))
        self.results_view.setAlternatingRowColors(True)
        self.results_view.setSpacing(2)
        self.results_view.setWordWrap(True)
        self.results_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results_view.activated.connect(self._on_result)
        self.results_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._on_result(cur)
        )
        self.results_title = QtWidgets.QLabel()
        results_box = QtWidgets.QWidget()
        rl = QtWidgets.QVBoxLayout(results_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.results_title)
        rl.addWidget(self.results_view, 1)
        return results_box

    def _build_search_box(self) -> None:
        self.search_box = QtWidgets.QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Search patients, phone numbers, answers, medications… (Ctrl+F)")
        )
        self.search_box.setAccessibleName(self.tr("Search all patients"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(420)
        self._search_timer = QtCore.QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_enter)

    def set_service(self, service: CareService | None) -> None:
        """The open cache to search (``None``: closed, nothing is searched)."""
        self._service = service

    # --- the ward list ------------------------------------------------------------------

    def show_rows(self, rows: list[WardRow], selected: str | None) -> None:
        """Fill the list (sorted as the user left it) and keep ``selected`` selected."""
        self.ward_model.set_records(rows)
        self.ward_view.sortByColumn(
            self.ward_view.horizontalHeader().sortIndicatorSection(),
            self.ward_view.horizontalHeader().sortIndicatorOrder(),
        )
        wards = sorted({r.patient.ward for r in rows if r.patient.ward})
        self.ward_title.setText(
            "<b>"
            + self.tr("My patients")
            + "</b>"
            + (f" — {', '.join(wards[:2])}" if wards else "")
        )
        alerts = sum(bool(r.name_alerts) for r in rows)
        count = self.tr("%n patient(s)", "", len(rows))
        if alerts:
            count += "  ·  ⚠ " + self.tr("%n with a name alert", "", alerts)
        self.ward_count.setText(count)
        self._keep_names_readable(rows)
        if selected is not None:
            self.select(selected)

    def _keep_names_readable(self, rows: list[WardRow]) -> None:
        """Ask for the width the other columns take plus the longest name (within reason).

        Measured, not fixed: the headers' words, the font and the screen's scale all count.
        """
        view, header = self.ward_view, self.ward_view.horizontalHeader()
        others = sum(
            max(view.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in WardColumn
            if c is not WardColumn.NAME
        )
        bold = QtGui.QFont(view.font())
        bold.setBold(True)
        metrics = QtGui.QFontMetrics(bold)
        longest = max(
            (
                metrics.horizontalAdvance(
                    f"{r.patient.display_name} ({r.patient.preferred_name})"
                    if r.patient.preferred_name
                    else r.patient.display_name
                )
                for r in rows
            ),
            default=0,
        )
        name = min(longest, metrics.averageCharWidth() * NAME_MAX_CHARS)
        # The mark, the delegate's margins around mark and text, and a letter to spare.
        margin = view.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        name += view.iconSize().width() + 4 * margin + 2 * metrics.averageCharWidth()
        chrome = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        view.setMinimumWidth(others + name + chrome)

    def contains(self, patient_id: str) -> bool:
        return self.ward_model.row_for(patient_id) is not None

    def select(self, patient_id: str) -> None:
        """Make the patient's row current (which opens the chart, as a click would)."""
        row = self.ward_model.row_for(patient_id)
        if row is None:
            return
        index = self.ward_proxy.mapFromSource(self.ward_model.index(row, 0))
        if index.isValid():
            self.ward_view.selectionModel().setCurrentIndex(
                index,
                QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QtCore.QItemSelectionModel.SelectionFlag.Rows,
            )
            self.ward_view.scrollTo(index)

    def step(self, delta: int) -> None:
        """The next (``1``) or previous (``-1``) patient in the list as it is sorted."""
        current = self.ward_view.currentIndex()
        row = (current.row() if current.isValid() else -1) + delta
        if 0 <= row < self.ward_proxy.rowCount():
            self.ward_view.setCurrentIndex(self.ward_proxy.index(row, WardColumn.NAME))

    def focus_list(self) -> None:
        self.clear_search()
        self.ward_view.setFocus()

    def _on_ward_row(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        if current.isValid():
            patient_id = current.data(PATIENT_ID_ROLE)
            if patient_id:
                self.sig_patient_selected.emit(str(patient_id))

    # --- search -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def leave_search(self) -> None:
        """Esc: back to the ward list, if the search is what the user is in."""
        if self.left_stack.currentIndex() == RESULTS_PAGE or self.search_box.hasFocus():
            self.focus_list()

    def clear_search(self) -> None:
        self.search_box.clear()
        self.left_stack.setCurrentIndex(WARD_PAGE)

    def _run_search(self) -> None:
        text = self.search_box.text().strip()
        service = self._service
        if not text or service is None:
            self.left_stack.setCurrentIndex(WARD_PAGE)
            return
        DbOp(self._tasks, lambda: service.charts.search(text)).success(
            lambda hits: self._show_hits(text, hits)
        ).run()

    def _show_hits(self, text: str, results: SearchResults) -> None:
        if text != self.search_box.text().strip():
            return  # a newer search is on its way
        self.results_model.set_hits(list(results.hits))
        if not results.hits:
            title = self.tr("No patient matches “%1” — Esc returns to the ward list")
        elif results.total > len(results.hits):
            title = (
                self.tr(
                    "The best %2 of %n patient(s) matching “%1” — add a word to narrow down;"
                    " Esc returns to the ward list",
                    "",
                    results.total,
                )
            ).replace("%2", str(len(results.hits)))
        else:
            title = self.tr(
                "%n patient(s) match “%1” — Esc returns to the ward list", "", results.total
            )
        self.results_title.setText(title.replace("%1", text))
        self.results_title.setWordWrap(True)
        self.left_stack.setCurrentIndex(RESULTS_PAGE)

    def _search_enter(self) -> None:
        self._search_timer.stop()
        self._run_search()
        self.results_view.setFocus()
        if self.results_model.rowCount():
            self.results_view.setCurrentIndex(self.results_model.index(0))

    def _on_result(self, index: QtCore.QModelIndex) -> None:
        if index.isValid():
            patient_id = index.data(SEARCH_PATIENT_ROLE)
            if patient_id:
                self.sig_result_chosen.emit(str(patient_id))
                self.select(str(patient_id))
