"""The meeting routine page (会商研判): the meetings with this week's due and missed ones, the one
list of action items (overdue first, filtered by owner and community), trainings/patrols/drills, and
how well the routine is kept per community. What a person sees follows the permission table: a
department liaison gets the action items of their department only."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMenu, QMessageBox, QPushButton,
    QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from desk.clock import format_local, local
from desk.services import meetings as mt
from desk.services.errors import DeskError
from desk.services.figures.periods import last_complete_month, month_of
from desk.services.meetings import codes, rhythm
from desk.services.permissions import allowed
from desk.services.topics import concerns
from desk.views.code_words import meeting_word
from desk.views.dispatch.case_list import table_view
from desk.views.meetings.editor import MinutesDialog
from desk.views.meetings.models import FigureModel, ItemModel, MeetingModel, fit, fitted_table
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
        self.tabs.addTab(self._items_tab(), self.tr("督办事项"))
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

    # --- the action items tab ---
    def _items_tab(self) -> QWidget:
        w = QWidget()
        self.items_tab = w
        self.owner = QComboBox()
        self.owner.addItem(self.tr("全部责任人"), None)
        self.community = QComboBox()
        self.community.addItem(self.tr("全部社区"), None)
        self.include_done = QCheckBox(self.tr("含已完成和已取消"))
        for x in (self.owner, self.community):
            x.currentIndexChanged.connect(self.reload_items)
        self.include_done.toggled.connect(self.reload_items)
        bar = QHBoxLayout()
        for x in (QLabel(self.tr("责任人")), self.owner, QLabel(self.tr("社区")), self.community, self.include_done):
            bar.addWidget(x)
        bar.addStretch(1)
        self.item_buttons = {}
        for action, (_from, _to, name) in codes.ITEM_MOVES.items():
            b = QPushButton(meeting_word(codes.STEP_NAMES.get(action, name)))
            b.clicked.connect(lambda _=False, a=action: self.move_selected(a))
            b.setVisible(allowed(self.actor, "meetings.items.update"))
            bar.addWidget(b)
            self.item_buttons[action] = b
        self.items = ItemModel(self)
        self.item_view = fitted_table(self.items, 1)
        self.item_view.selectionModel().selectionChanged.connect(self._item_selected)
        self.item_view.doubleClicked.connect(self._item_double_clicked)
        self.item_detail = QLabel()
        self.item_detail.setWordWrap(True)
        self.item_detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(w)
        layout.addLayout(bar)
        layout.addWidget(self.item_view, 1)
        layout.addWidget(self.item_detail)
        return w

    def reload_items(self) -> None:
        owner, community = self.owner.currentData(), self.community.currentData()
        open_only = not self.include_done.isChecked()
        staff = owner[1] if owner and owner[0] == "staff" else None
        dept = owner[1] if owner and owner[0] == "department" else None
        self.read_once("items", lambda c: mt.items(c, open_only=open_only, owner_staff_id=staff,
                                                   owner_department_id=dept, community_id=community),
                       self._set_items)

    def _set_items(self, rows) -> None:
        keep = self._selected_item()
        first = not self.items.rows
        self.items.set_rows(rows)
        if first and rows:
            fit(self.item_view, 1)
        if keep is not None:
            for r, x in enumerate(rows):
                if x.id == keep.id:
                    self.item_view.selectRow(r)
        self._item_selected()

    def _fill_filters(self, values) -> None:
        owners, communities = values
        for combo, entries in ((self.owner, [((k, i), n) for k, n, i in owners]), (self.community, communities)):
            keep = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for data, text in entries:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    def _selected_item(self):
        rows = self.item_view.selectionModel().selectedRows()
        return self.items.row(rows[0].row()) if rows else None

    def _item_selected(self, *_args) -> None:
        r = self._selected_item()
        for action, b in self.item_buttons.items():
            ok = (r is not None and r.state in codes.ITEM_MOVES[action][0]
                  and mt.may_update(self.actor, r.owner_staff_id, r.owner_department_id))
            b.setEnabled(ok)
        if r is None:
            self.item_detail.setText("")
            return
        links = "、".join(f"{meeting_word(codes.LINK_KINDS.get(k, k))} #{i}" for k, i in r.links)
        head = (f"#{r.id} {r.title}" + (f"\n{r.detail}" if r.detail else "") +
                (("\n" + self.tr("关联：") + links + self.tr("（双击打开）")) if links else ""))
        self.item_detail.setText(head)
        self.read_once("item_history", lambda c: mt.item_history(c, r.id),
                       lambda steps: self._history(r.id, head, steps), lambda _exc: None)

    def _history(self, item_id: int, head: str, steps) -> None:
        current = self._selected_item()
        if current is None or current.id != item_id:
            return
        lines = [f"{format_local(x.at)} {x.actor_name} {meeting_word(codes.STEP_NAMES.get(x.action, x.action))}"
                 + (f"：{x.note}" if x.note else "") for x in steps[-6:]]
        self.item_detail.setText(head + "\n" + "\n".join(lines))

    def _item_double_clicked(self, index) -> None:
        r = self.items.row(index.row())
        if r is not None:
            link = next(((k, i) for k, i in r.links if k in ("event", "dispatch")), None)
            if link is not None:
                self.open_link(*link)

    def move_selected(self, action: str) -> None:
        r = self._selected_item()
        if r is None:
            return
        note = ""
        if action == "cancel":
            note, ok = QInputDialog.getText(self, self.tr("取消督办事项"), self.tr("取消原因"))
            if not ok or not note.strip():
                return
        self.backend.write(lambda c: mt.move_item(c, r.id, action, expected_version=r.version, note=note),
                           None, self._refused)

    # --- compliance ---
    def _compliance_tab(self) -> QWidget:
        w = QWidget()
        self.compliance_tab = w
        self.month = QComboBox()
        self.month.addItem(self.tr("本月"), "this")
        self.month.addItem(self.tr("上月"), "last")
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
            self.reload_items()
            self.read_once("filters", _filters, self._fill_filters)
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
            self.item_detail.setText(text)
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
