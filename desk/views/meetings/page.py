"""The meeting routine page (会商研判): the meetings with this week's due and missed ones, the one
list of action items (overdue first, filtered by owner and community), trainings/patrols/drills, and
how well the routine is kept per community. What a person sees follows the permission table: a
department liaison gets the action items of their department only."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton,
    QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from desk.clock import local
from desk.services import meetings as mt
from desk.services.errors import DeskError
from desk.services.figures.periods import last_complete_month, month_of
from desk.services.meetings import codes, rhythm
from desk.services.permissions import allowed
from desk.services.topics import concerns
from desk.views.code_words import meeting_word
from desk.views.meetings.editor import MinutesDialog
from desk.views.meetings.items_tab import ItemsTab
from desk.views.meetings.models import FigureModel, MeetingModel, fit, fitted_table
from desk.views.meetings.routine_tab import RoutineTab
from desk.views.pages import Page


class MeetingsPage(Page):
    key = "meetings"
    open_event = Signal(int)   # the board opens it (desk.app.wire_pages)

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.actor = backend.ctx.actor
        self._loaded = False
        can = lambda p: allowed(self.actor, p)  # noqa: E731
        self.can_read, self.can_write = can("meetings.read"), can("meetings.write")
        self.tabs = QTabWidget()
        if self.can_read:
            self.tabs.addTab(self._meetings_tab(), self.tr("会议"))
        self.items_tab = ItemsTab(self)
        self.tabs.addTab(self.items_tab, self.tr("督办事项"))
        self.routine = None
        if self.can_read:
            self.routine = RoutineTab(self)
            self.tabs.addTab(self.routine, self.tr("培训巡逻演练"))
            self.tabs.addTab(self._compliance_tab(), self.tr("落实情况"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return self.tr("会商研判")

    # --- the meetings tab ---
    def _meetings_tab(self) -> QWidget:
        w = QWidget()
        self.range = QComboBox()
        for key, text in (("30", self.tr("近30天")), ("month", self.tr("本月")), ("last_month", self.tr("上月")),
                          ("year", self.tr("今年"))):
            self.range.addItem(text, key)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部会议"), None)
        for code, text in codes.KINDS.items():
            self.kind.addItem(meeting_word(text), code)
        self.range.currentIndexChanged.connect(self.reload_meetings)
        self.kind.currentIndexChanged.connect(self.reload_meetings)
        new = QToolButton()
        new.setText(self.tr("记录会议"))
        new.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(new)
        for code, text in codes.KIND_TITLES.items():
            if self.actor.role == "grid_staff" and code != "daily":
                continue  # the service refuses it too
            menu.addAction(meeting_word(text), lambda c=code: self.new_meeting(c))
        new.setMenu(menu)
        new.setVisible(self.can_write)
        open_button = QPushButton(self.tr("打开纪要"))
        open_button.clicked.connect(self.open_selected)
        print_button = QPushButton(self.tr("打印纪要…"))
        print_button.clicked.connect(lambda: self.print_selected("minutes"))
        sign_button = QPushButton(self.tr("打印签到表…"))
        sign_button.clicked.connect(lambda: self.print_selected("signin"))
        bar = QHBoxLayout()
        for x in (self.range, self.kind, new, open_button, print_button, sign_button):
            bar.addWidget(x)
        bar.addStretch(1)
        self.meetings = MeetingModel(self)
        self.meeting_view = fitted_table(self.meetings, 5)
        self.meeting_view.doubleClicked.connect(lambda _i: self.open_selected())
        self.rhythm = FigureModel(self)
        self.rhythm_view = fitted_table(self.rhythm, None)
        self.rhythm_note = QLabel()
        self.rhythm_note.setWordWrap(True)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("本周日见面、周研判和月讲评")))
        ll.addWidget(self.rhythm_view)
        ll.addWidget(self.rhythm_note)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.meeting_view)
        split.addWidget(lower)
        layout = QVBoxLayout(w)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        return w

    def _dates(self) -> tuple[date, date]:
        today = local(self.backend.ctx.clock.now()).date()
        key = self.range.currentData()
        if key == "month":
            return today.replace(day=1), today
        if key == "last_month":
            m = last_complete_month(today)
            return m.start, m.end
        if key == "year":
            return date(today.year, 1, 1), today
        return today - timedelta(days=29), today + timedelta(days=30)  # planned meetings ahead too

    def reload_meetings(self) -> None:
        if not self.can_read:
            return
        first, last, kind = *self._dates(), self.kind.currentData()
        self.read_once("meetings", lambda c: mt.list_meetings(c, first, last, kind), self._set_meetings)
        self.read_once("rhythm", rhythm.week, self._set_rhythm)

    def _set_meetings(self, rows) -> None:
        first = not self.meetings.rows
        self.meetings.set_rows(rows)
        if first and rows:
            fit(self.meeting_view, 5)  # once: the widths stay put while the lists refresh

    def _set_rhythm(self, week) -> None:
        from desk.services.figures.meetings import rhythm_table

        table = rhythm_table(week)
        self.rhythm.set_table(table)
        fit(self.rhythm_view, None)
        self.rhythm_note.setText(" ".join(table.notes) + "\n" + self.tr("今日待召开：%1 个社区；本周未召开：%2 次")
                                 .replace("%1", str(len(week.due()))).replace("%2", str(len(week.missed()))))

    def _selected_meeting(self):
        rows = self.meeting_view.selectionModel().selectedRows()
        return self.meetings.row(rows[0].row()) if rows else None

    def new_meeting(self, kind: str) -> MinutesDialog:
        return self._editor(kind, None)

    def open_selected(self) -> MinutesDialog | None:
        m = self._selected_meeting()
        if m is None:
            return None
        return self._editor(m.kind, m.id)

    def _editor(self, kind: str, meeting_id: int | None) -> MinutesDialog:
        dlg = MinutesDialog(self.backend, kind, meeting_id, self)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.open_link.connect(self.open_link)
        dlg.saved.connect(lambda row: self.status(self.tr("已保存会议 #") + str(row.id)))
        if not self.can_write:
            dlg.save_button.setEnabled(False)
        dlg.show()
        return dlg

    def open_link(self, source: str, ref_id: int) -> None:
        if source == "item":
            self.tabs.setCurrentIndex(self.tabs.indexOf(self.items_tab))
            return
        self.backend.read(lambda c: mt.linked_event(c, source, ref_id), self.open_event.emit, self._refused)

    def print_selected(self, document: str) -> None:
        m = self._selected_meeting()
        if m is None:
            QMessageBox.information(self, self.title(), self.tr("请先选择一个会议"))
            return
        what = self.tr("纪要") if document == "minutes" else self.tr("签到表")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("保存PDF"), f"{m.day}-{meeting_word(m.kind_text)}{what}.pdf",
                                              "PDF (*.pdf)")
        if name:
            self.print_to(m.id, Path(name if name.lower().endswith(".pdf") else name + ".pdf"), document)

    def print_to(self, meeting_id: int, path: Path, document: str = "minutes") -> None:
        from desk.reports.meetings import print_meeting

        self.backend.write(lambda c: print_meeting(c, meeting_id, path, document),
                           lambda r: self.status(self.tr("已保存：") + str(path)), self._refused)

    # --- compliance ---
    def _compliance_tab(self) -> QWidget:
        w = QWidget()
        self.compliance_tab = w
        self.month = QComboBox()
        self.month.addItem(self.tr("本月"), "this")
        self.month.addItem(self.tr("上月"), "last")
        if local(self.backend.ctx.clock.now()).date().day == 1:  # the new month has nothing yet: show the last one
            self.month.setCurrentIndex(1)
        self.month.currentIndexChanged.connect(self.reload_compliance)
        self.compliance = FigureModel(self)
        self.compliance_view = fitted_table(self.compliance, None)
        self.compliance_title = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.month)
        bar.addWidget(self.compliance_title)
        bar.addStretch(1)
        self.compliance_notes = QLabel()
        self.compliance_notes.setWordWrap(True)
        layout = QVBoxLayout(w)
        layout.addLayout(bar)
        layout.addWidget(self.compliance_view, 1)
        layout.addWidget(self.compliance_notes)
        return w

    def reload_compliance(self) -> None:
        today = local(self.backend.ctx.clock.now()).date()
        month = month_of(today) if self.month.currentData() == "this" else last_complete_month(today)
        self.read_once("compliance", lambda c: rhythm.compliance(c, month), self._set_compliance)

    def _set_compliance(self, t) -> None:
        self.compliance.set_table(t)
        fit(self.compliance_view, None)
        self.compliance_title.setText(t.title)
        self.compliance_notes.setText("\n".join(self.tr("注：") + n for n in t.notes))

    # --- page ---
    def activate(self) -> None:
        """Only the tab in front is read on opening; each other tab is read when first shown."""
        if self._loaded:
            return
        self._loaded = True
        self._tabs_read: set[int] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        if index < 0 or index in self._tabs_read:
            return
        self._tabs_read.add(index)
        self._read_tab(self.tabs.widget(index))

    def _read_tab(self, w) -> None:
        if w is self.items_tab:
            self.items_tab.reload()
            self.read_once("filters", _filters, self.items_tab._fill_filters)
        elif w is self.routine:
            self.routine.reload()
        elif self.can_read and w is self.compliance_tab:
            self.reload_compliance()
        elif self.can_read:
            self.reload_meetings()

    def reload(self) -> None:
        for index in sorted(getattr(self, "_tabs_read", ())):
            self._read_tab(self.tabs.widget(index))

    def on_changes(self, changes) -> None:
        if self._loaded and concerns(changes, "meetings"):
            self.reload()

    def status(self, text: str) -> None:
        if self.tabs.currentWidget() is self.items_tab:
            self.items_tab.item_detail.setText(text)
        win = self.window()
        if hasattr(win, "statusBar"):
            win.statusBar().showMessage(text, 10000)

    def _refused(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("未完成"), str(exc) if isinstance(exc, DeskError) else repr(exc))


def _filters(ctx):
    """The owners of open items and the communities, for the list's filters (on the worker)."""
    owners = mt.owner_choices(ctx)
    communities = [(i, n) for i, n in mt.editor_choices(ctx).communities]
    return owners, communities
