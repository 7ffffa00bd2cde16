"""The live incident board (事件看板): open events with counts per state, filters, search, the
triage queue, claim, "my events", bulk actions, the event dialog and quick entry. Refreshes when
the change feed touches the board's tables, keeping the selection and the scroll position."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMenu, QMessageBox, QPushButton,
    QTableView, QVBoxLayout,
)

from desk.services.incidents import bulk, choices, escalate_overdue, lifecycle, notices
from desk.services.incidents import codes, open_events
from desk.services.figures.board import board_counts
from desk.views.board import labels
from desk.views.board.event_dialog import EventDialog
from desk.services.permissions import allowed
from desk.views.board.filters import FilterBar
from desk.views.board.limits import LimitsDialog
from desk.views import ui_state
from desk.views.board.labels import COL
from desk.views.board.model import BoardFilterProxy, EventTableModel
from desk.views.board.quick_entry import QuickEntryDialog
from desk.services.topics import concerns
from desk.views.pages import Page

class BoardPage(Page):
    key = "board"

    def __init__(self, backend, parent=None, *, escalate_every_ms: int = 60_000, recolour_every_ms: int = 30_000):
        super().__init__(parent)
        self.backend = backend
        ctx = backend.ctx
        self.me = ctx.actor.username
        self.choices = None
        self._loaded = False
        self._last_notice: int | None = None
        self.message_box: QMessageBox | None = None
        self.model = EventTableModel(now=ctx.clock.now, parent=self)
        self.proxy = BoardFilterProxy(self.model, self)

        self.banner = QLabel()
        self.banner.setObjectName("notice")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.PlainText)  # notices quote event titles people typed
        self.banner.setStyleSheet("QLabel#notice { background: #e74c3c; color: white; padding: 6px; font-weight: bold; }")
        self.banner.hide()
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.RichText)
        self.filters = FilterBar(self.me)
        self.filters.changed.connect(self._apply_filter)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL["reported"], Qt.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self._fit_rows()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL["title"], QHeaderView.Stretch)  # the title takes what is left
        header.setMinimumSectionSize(36)
        # The grid's name carries its community and 待谁办 names the handler: those two columns are
        # hidden unless asked for (right click on the header).
        header.setContextMenuPolicy(Qt.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        hidden = ui_state.value("board/hidden_columns", "community,handler").split(",")
        for key in hidden:
            if key in COL:
                self.table.setColumnHidden(COL[key], True)
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self._sized = False
        self.table.doubleClicked.connect(lambda idx: self.open_event(self._row_at(idx).id))
        self.table.activated.connect(lambda idx: self.open_event(self._row_at(idx).id))

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新建事件 (Ctrl+N)"))
        self.new_button.clicked.connect(self.quick_entry)
        self.claim_button = QPushButton(self.tr("认领"))
        self.claim_button.clicked.connect(self.claim_selected)
        self.accept_button = QPushButton(self.tr("批量受理"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.merge_button = QPushButton(self.tr("合并为重复"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.assign_button = QPushButton(self.tr("批量指派"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.limits_button = QPushButton(self.tr("时限设置"))
        self.limits_button.clicked.connect(self.edit_limits)
        # What a role may never do is not shown (the services check every action again).
        for button, permission in ((self.new_button, "board.report"), (self.claim_button, "board.claim"),
                                   (self.accept_button, "board.act"), (self.merge_button, "board.act"),
                                   (self.assign_button, "board.act"), (self.limits_button, "board.limits")):
            button.setVisible(allowed(ctx.actor, permission))
        self.can_report = allowed(ctx.actor, "board.report")
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #555;")
        for b in (self.new_button, self.claim_button, self.accept_button, self.merge_button, self.assign_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.limits_button)
        buttons.addWidget(self.status_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.counts)
        layout.addWidget(self.filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.quick_entry, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.filters.search.setFocus,
                  context=Qt.WidgetWithChildrenShortcut)
        self._recolour = QTimer(self, interval=recolour_every_ms, timeout=self._tick)
        self._escalate = QTimer(self, interval=escalate_every_ms, timeout=self.run_escalation)

    def title(self) -> str:
        return self.tr("事件看板")

    def _fit_rows(self) -> None:
        """Rows as high as the text needs, at any font size."""
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)

    def _refit(self) -> None:
        self._fit_rows()
        if self.model.rows:
            self.fit_columns()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.FontChange, QEvent.ApplicationFontChange):
            QTimer.singleShot(0, self, self._refit)  # once the table itself has the new font
        super().changeEvent(event)

    # --- loading ---
    def activate(self) -> None:
        if not self._loaded:
            self.read_once("choices", choices, self._set_choices)
            self.reload()
            self._recolour.start()
            self._escalate.start()

    def on_changes(self, changes) -> None:
        if not self._loaded:
            return
        if concerns(changes, "org"):
            self.read_once("choices", choices, self._set_choices)
        if concerns(changes, "notices"):
            self._read_notices()
        if concerns(changes, "board"):
            self.reload()

    def reload(self) -> None:
        """Read the open events; a reload asked for during one runs once after it."""
        self.read_once("rows", open_events, self._show_rows, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.backend.failed(self.tr("读取事件"))(exc)
        self.status_label.setText(self.tr("无法读取事件：") + str(exc).splitlines()[0])

    def _show_rows(self, rows) -> None:
        selected = self.selected_ids()
        current = self._row_at(self.table.currentIndex())
        scroll = self.table.verticalScrollBar().value()
        self.model.set_rows(rows)
        if not self._sized and rows:
            self.fit_columns()
        self._restore(selected, current.id if current else None)
        self.table.verticalScrollBar().setValue(scroll)
        self._update_counts()
        first = not self._loaded
        self._loaded = True
        if first:
            self._read_notices(initial=True)

    def fit_columns(self) -> None:
        """Every column as wide as its content, up to a limit (kind, source and grid names are not
        cut); the title takes the rest."""
        self._sized = True
        for col in range(self.model.columnCount()):
            if col != COL["title"]:
                self.table.resizeColumnToContents(col)
                self.table.setColumnWidth(col, min(self.table.columnWidth(col), 170))
        # a dispute can rise to any rung later: the column holds the longest rung's name from the start
        rungs = [labels.ladder(level) for level in codes.LADDER]
        widest = max(self.table.fontMetrics().horizontalAdvance(r) for r in rungs) + 16
        self.table.setColumnWidth(COL["ladder"], max(self.table.columnWidth(COL["ladder"]), widest))

    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        for col, name in enumerate(labels.columns()):
            if col == COL["title"]:
                continue
            act = menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(not self.table.isColumnHidden(col))
            act.toggled.connect(lambda on, c=col: self.show_column(c, on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def show_column(self, col: int, shown: bool) -> None:
        self.table.setColumnHidden(col, not shown)
        if shown:
            self.table.resizeColumnToContents(col)
        hidden = [k for k, c in COL.items() if self.table.isColumnHidden(c)]
        ui_state.set_value("board/hidden_columns", ",".join(hidden))

    def _restore(self, ids: list[int], current: int | None) -> None:
        sel = self.table.selectionModel()
        for eid in ids:
            row = self.model.row_of(eid)
            if row < 0:
                continue
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            if idx.isValid():
                sel.select(idx, QItemSelectionModel.Select | QItemSelectionModel.Rows)
        if current is not None and self.model.row_of(current) >= 0:
            idx = self.proxy.mapFromSource(self.model.index(self.model.row_of(current), 0))
            sel.setCurrentIndex(idx, QItemSelectionModel.NoUpdate)

    def _set_choices(self, c) -> None:
        self.choices = c
        self.filters.set_choices(c)

    def _apply_filter(self, f) -> None:
        self.proxy.set_filter(f)
        self._update_counts()

    def _tick(self) -> None:
        self.model.refresh_deadlines()
        self._update_counts()

    def _update_counts(self) -> None:
        rows = self.model.rows
        c = board_counts(rows, state_of=lambda r: self.model.state(r.id))  # the figures layer counts
        open_word, late_word, yellow_word, urgent_word = (self.tr("未办结"), self.tr("超时"), self.tr("黄牌"),
                                                           self.tr("紧急"))
        parts = [f"<b>{open_word} {c.open}</b>"]
        parts += [f"{labels.status(s)} {n}" for s, n in c.per_status]
        parts.append(f"<span style='color:#c0392b'><b>{late_word} {c.red}</b></span>")
        parts.append(f"<span style='color:#d68910'><b>{yellow_word} {c.yellow}</b></span>")
        if c.urgent:
            parts.append(f"<span style='color:white;background:#e67e22'>&nbsp;{urgent_word} {c.urgent}&nbsp;</span>")
        shown = self.proxy.rowCount()
        if shown != len(rows):
            parts.append(self.tr("当前显示 ") + str(shown))
        self.counts.setText(" &nbsp;·&nbsp; ".join(parts))

    # --- notices ---
    def _read_notices(self, initial: bool = False) -> None:
        after = self._last_notice or 0
        self.read_once("notices", lambda c: notices(c, after), lambda ns: self._show_notices(ns, initial))

    def _show_notices(self, ns, initial: bool) -> None:
        if ns:
            self._last_notice = max(self._last_notice or 0, ns[-1].id)
        elif self._last_notice is None:
            self._last_notice = 0
        if initial or not ns:
            return
        self.banner.setText("\n".join(f"⚠ {n.text}" for n in ns[-3:]))
        self.banner.show()
        QApplication.alert(self.window())
        QTimer.singleShot(120_000, self.banner, self.banner.hide)

    # --- selection ---
    def _row_at(self, proxy_index):
        if not proxy_index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(proxy_index).row())

    def selected_rows(self):
        rows = self.table.selectionModel().selectedRows()
        return [self._row_at(i) for i in sorted(rows, key=lambda i: i.row())]

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    # --- actions ---
    def open_event(self, event_id: int) -> EventDialog:
        dlg = EventDialog(self.backend, event_id, self.choices, self, now=self.backend.ctx.clock.now)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def quick_entry(self) -> QuickEntryDialog | None:
        if not self.can_report:
            return None
        dlg = QuickEntryDialog(self.backend, self.choices, self)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.saved.connect(lambda row: self.status_label.setText(self.tr("已登记事件 #") + str(row.id)))
        dlg.show()
        return dlg

    def edit_limits(self) -> LimitsDialog:
        dlg = LimitsDialog(self.backend, self)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.saved.connect(lambda: self.status_label.setText(self.tr("时限已保存")))
        dlg.show()
        return dlg

    def _bulk(self, fn, what: str) -> None:
        def done(results):
            text = bulk.summary(results)
            self.status_label.setText(what + "：" + text.splitlines()[0])
            if any(not r.ok for r in results):
                self.tell(what, text)
        self.backend.write(fn, done, self._error)

    def _error(self, exc: Exception) -> None:
        self.tell(self.tr("操作未完成"), str(exc), warning=True)

    def tell(self, title: str, text: str, warning: bool = False) -> QMessageBox:
        """A message that does not stop the live board (modeless)."""
        box = QMessageBox(QMessageBox.Warning if warning else QMessageBox.Information, title, text,
                          QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.message_box = box
        return box

    def claim_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            items = [(r.id, r.version) for r in rows]

            def fn(c):
                out = []
                for eid, v in items:
                    try:
                        lifecycle.claim(c, eid, expected_version=v)
                        out.append(bulk.RowResult(eid, True, "完成"))
                    except Exception as exc:  # noqa: BLE001 - each row reports its own problem
                        out.append(bulk.RowResult(eid, False, str(exc).splitlines()[0]))
                return tuple(out)
            self._bulk(fn, self.tr("认领"))

    def accept_selected(self) -> None:
        items = [(r.id, r.version) for r in self.selected_rows()]
        if items:
            self._bulk(lambda c: bulk.bulk_accept(c, items), self.tr("批量受理"))

    def merge_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) < 2:
            self.status_label.setText(self.tr("请选择至少两条：最早的一条作为原事件"))
            return
        original = min(rows, key=lambda r: (r.reported_at, r.id))
        items = [(r.id, r.version) for r in rows if r.id != original.id]
        self._bulk(lambda c: bulk.bulk_close_duplicate(c, items, original.id), self.tr("合并为重复"))

    def assign_selected(self) -> None:
        items = [(r.id, r.version) for r in self.selected_rows()]
        if not items or not self.choices:
            return
        staff = [(i, n, role) for i, n, role in self.choices.staff
                 if role in ("fulltime_worker", "grid_leader", "community_police", "professional_worker")]
        shown = [f"{n}（{role_label(role)}）" for _, n, role in staff]
        text, ok = QInputDialog.getItem(self, self.tr("批量指派"), self.tr("指派给："), shown, 0, True)
        if ok and text in shown:
            staff_id = staff[shown.index(text)][0]
            self._bulk(lambda c: bulk.bulk_assign(c, items, staff_id), self.tr("批量指派"))

    def run_escalation(self) -> None:
        self.backend.write(escalate_overdue, None, self.backend.failed(self.tr("逐级上升检查")))


def role_label(code: str) -> str:
    from desk.views.labels import role_name

    return role_name(code)
