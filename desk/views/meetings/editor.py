"""The minutes editor: date and time, place, kind, chair, attendees picked from staff (absentees and
substitutes marked), the agenda (pre-filled lines marked; a double-click opens their event or
dispatch), discussion, decisions and the action items the decisions produce.

It saves with the version it loaded: when another seat saved the same minutes first, the person is
told so and nothing is overwritten."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTimeEdit, QVBoxLayout, QWidget,
)
from PySide6.QtCore import Qt

from desk.clock import local as to_local
from desk.services import meetings as mt
from desk.services.errors import ConflictError, DeskError
from desk.services.meetings import agenda as agenda_service
from desk.services.meetings import codes
from desk.services.permissions import allowed
from desk.views.code_words import meeting_word
from desk.views.dispatch.case_list import table_view
from desk.views.meetings.item_dialog import ItemDialog
from desk.views.meetings.models import AgendaModel, AttendeeModel, DraftItemModel


class MinutesDialog(QDialog):
    saved = Signal(object)         # the MeetingRow saved
    open_link = Signal(str, int)   # (source, ref id) of an agenda line to open

    def __init__(self, backend, kind: str, meeting_id: int | None = None, parent=None, day: date | None = None):
        super().__init__(parent)
        self.backend, self.kind, self.meeting_id = backend, kind, meeting_id
        self.version: int | None = None
        self.choices: mt.EditorChoices | None = None
        self.setWindowTitle(self.tr("会议纪要") + " · " + meeting_word(codes.kind_name(kind)))
        self.resize(1120, 780)
        today = day or to_local(backend.ctx.clock.now()).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime(9, 0))
        self.state = QComboBox()
        for code, text in codes.MEETING_STATES.items():
            self.state.addItem(meeting_word(text), code)
        self.state.setCurrentIndex(1)
        self.community = QComboBox()
        self.grid = QComboBox()  # a daily meeting: the community's (police and secretary) or a grid's link-up
        self.grid.setToolTip(self.tr("社区层面：民警与书记见面；某一网格：辅警与网格长对接"))
        self.place = QLineEdit()
        self.topic = QLineEdit()
        self.chair = QComboBox()
        form = QFormLayout()
        row = QHBoxLayout()
        for w in (self.day, self.start, QLabel(self.tr("状态")), self.state):
            row.addWidget(w)
        row.addStretch(1)
        form.addRow(self.tr("日期时间"), row)
        form.addRow(self.tr("范围"), self.community)
        if kind == "daily":
            form.addRow(self.tr("网格"), self.grid)
        form.addRow(self.tr("地点"), self.place)
        if kind == "joint":
            form.addRow(self.tr("议题"), self.topic)
        form.addRow(self.tr("主持人"), self.chair)
        # attendees
        self.attendees = AttendeeModel(self)
        self.attendee_view = table_view(self.attendees, stretch=1)
        self.staff_pick = QComboBox()
        self.staff_pick.setEditable(True)
        self.staff_pick.setInsertPolicy(QComboBox.NoInsert)
        self.staff_pick.setMinimumWidth(240)
        add_person = QPushButton(self.tr("添加"))
        add_person.clicked.connect(self._add_attendee)
        absent = QPushButton(self.tr("缺席/出席"))
        absent.clicked.connect(self._toggle_absent)
        substitute = QPushButton(self.tr("代会…"))
        substitute.clicked.connect(self._substitute)
        remove_person = QPushButton(self.tr("删除"))
        remove_person.clicked.connect(lambda: self._remove(self.attendees, self.attendee_view))
        people = QGroupBox(self.tr("参会人员"))
        pl = QVBoxLayout(people)
        bar = QHBoxLayout()
        for w in (self.staff_pick, add_person, absent, substitute, remove_person):
            bar.addWidget(w)
        pl.addLayout(bar)
        pl.addWidget(self.attendee_view)
        # agenda
        self.agenda = AgendaModel(self)
        self.agenda_view = table_view(self.agenda, stretch=1)
        self.agenda_view.doubleClicked.connect(self._agenda_double_clicked)
        prefill = QPushButton(self.tr("从数据预填"))
        prefill.setToolTip(self.tr("周研判：本周新增、超时、上升、高风险事件和退单、未完成督办事项；月讲评：上月指标"))
        prefill.clicked.connect(self.prefill)
        add_line = QPushButton(self.tr("添加"))
        add_line.clicked.connect(self._add_line)
        remove_line = QPushButton(self.tr("删除"))
        remove_line.clicked.connect(lambda: self._remove(self.agenda, self.agenda_view))
        agenda_box = QGroupBox(self.tr("议程（蓝色可双击打开）"))
        al = QVBoxLayout(agenda_box)
        bar = QHBoxLayout()
        for w in (prefill, add_line, remove_line):
            bar.addWidget(w)
        bar.addStretch(1)
        al.addLayout(bar)
        al.addWidget(self.agenda_view)
        # discussion, decisions, items
        self.discussion = QPlainTextEdit()
        self.discussion.setPlaceholderText(self.tr("讨论情况"))
        self.decisions = QPlainTextEdit()
        self.decisions.setPlaceholderText(self.tr("会议决定：一条一行"))
        self.items = DraftItemModel(self)
        self.item_view = table_view(self.items, stretch=0)
        add_item = QPushButton(self.tr("添加督办事项…"))
        add_item.clicked.connect(self._ask_item)
        remove_item = QPushButton(self.tr("删除"))
        remove_item.clicked.connect(lambda: self._remove(self.items, self.item_view))
        self.existing = QLabel()
        items_box = QGroupBox(self.tr("会议决定和督办事项"))
        il = QVBoxLayout(items_box)
        il.addWidget(self.decisions)
        bar = QHBoxLayout()
        for w in (add_item, remove_item, self.existing):
            bar.addWidget(w)
        bar.addStretch(1)
        il.addLayout(bar)
        il.addWidget(self.item_view)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(form)
        ll.addWidget(people)
        right = QSplitter(Qt.Vertical)
        right.addWidget(agenda_box)
        right.addWidget(self.discussion)
        right.addWidget(items_box)
        right.setSizes([360, 100, 300])
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([400, 700])
        self.status = QLabel()
        self.status.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        backend.read(mt.editor_choices, self._fill_choices, self._failed)

    # --- loading ---
    def _fill_choices(self, choices: mt.EditorChoices) -> None:
        self.choices = choices
        self.community.clear()
        if self.kind != "daily":
            self.community.addItem(self.tr("街道"), None)
        for i, name in choices.communities:
            self.community.addItem(name, i)
        self.chair.clear()
        self.chair.addItem("", None)
        self.staff_pick.clear()
        for p in choices.staff:
            self.chair.addItem(f"{p.name}（{p.unit}）", p.id)
            self.staff_pick.addItem(f"{p.name}（{p.unit}）", p)
        self.community.currentIndexChanged.connect(self._fill_grids)
        self._fill_grids()
        if self.meeting_id is not None:
            self.backend.read(lambda c: mt.get_meeting(c, self.meeting_id), self._load, self._failed)
        else:
            self.community.currentIndexChanged.connect(self.suggest_attendees)
            self.suggest_attendees()
            if allowed(self.backend.ctx.actor, "meetings.write"):  # pre-filling is a writer's step
                self.community.currentIndexChanged.connect(self.prefill)
                self.prefill()  # a new meeting opens with its agenda already there, compiled from the data

    # who usually sits at each kind of meeting: a daily meeting, the community's officers and its secretary
    # (grid leader); the street's meetings, the leaders and the community police
    USUAL = {"daily": ("community_police", "grid_leader", "auxiliary_police"),
             "weekly": ("leader", "community_police"), "monthly": ("leader", "community_police"),
             "joint": ("leader",)}

    def suggest_attendees(self) -> None:
        """A new meeting starts with the people who usually attend it (the person adjusts the list)."""
        if self.choices is None or any(a.staff_id is None for a in self.attendees.rows):
            return
        if self.attendees.rows and not getattr(self, "_suggested", False):
            return
        cid, roles = self.community.currentData(), self.USUAL[self.kind]
        picked = [p for p in self.choices.staff if p.role in roles and (self.kind != "daily" or p.community_id == cid)]
        if self.kind == "daily":  # one grid leader: the community's secretary, not every grid's
            leaders = [p for p in picked if p.role == "grid_leader"][:1]
            picked = [p for p in picked if p.role != "grid_leader"] + leaders
        self.attendees.set_rows(tuple(mt.AttendeeRow(p.id, p.name, p.unit.split(" · ")[0]) for p in picked[:12]))
        self._suggested = True
        if not self.place.isModified():  # the usual place, until the person types another
            name = self.community.currentText() if cid is not None else ""
            self.place.setText(self.tr("%1警务室").replace("%1", name) if self.kind == "daily" and name
                               else self.tr("街道综治中心会议室"))
        if picked and self.chair.currentData() is None:
            self.chair.setCurrentIndex(max(0, self.chair.findData(picked[0].id)))

    def _fill_grids(self) -> None:
        cid = self.community.currentData()
        self.grid.clear()
        self.grid.addItem(self.tr("社区层面"), None)
        for i, name, community in (self.choices.grids if self.choices else ()):
            if community == cid:
                self.grid.addItem(name, i)

    def _load(self, d: mt.MeetingDetail) -> None:
        r = d.row
        self.version = r.version
        self.day.setDate(QDate(r.day.year, r.day.month, r.day.day))
        local = to_local(r.starts_at)
        self.start.setTime(QTime(local.hour, local.minute))
        self.state.setCurrentIndex(max(0, self.state.findData(r.state)))
        self.community.setCurrentIndex(max(0, self.community.findData(r.community_id)))
        self.grid.setCurrentIndex(max(0, self.grid.findData(r.grid_id)))
        self.place.setText(r.place)
        self.topic.setText(r.topic)
        self.chair.setCurrentIndex(max(0, self.chair.findData(d.chair_staff_id)))
        self.attendees.set_rows(d.attendees)
        self.agenda.set_rows(d.agenda)
        self.discussion.setPlainText(d.discussion)
        self.decisions.setPlainText(d.decisions)
        self.existing.setText(self.tr("已有督办事项 %1 项，结转 %2 项").replace("%1", str(len(d.items)))
                              .replace("%2", str(len(d.carried_in))))

    def _failed(self, exc: Exception) -> None:
        self.status.setText(str(exc) if isinstance(exc, DeskError) else repr(exc))

    # --- attendees ---
    def _picked(self):
        i = self.staff_pick.currentIndex()
        p = self.staff_pick.itemData(i) if i >= 0 else None
        if p is not None and self.staff_pick.currentText() == self.staff_pick.itemText(i):
            return p
        return None

    def _add_attendee(self) -> None:
        p = self._picked()
        if p is not None:
            self.add_attendee(mt.AttendeeRow(p.id, p.name, p.unit.split(" · ")[0]))
        elif self.staff_pick.currentText().strip():  # someone not on the staff list (a guest)
            self.add_attendee(mt.AttendeeRow(None, self.staff_pick.currentText().strip()[:32]))

    def add_attendee(self, a: mt.AttendeeRow) -> None:
        self._suggested = False  # the person's own list from now on: a change of community keeps it
        if a.staff_id is not None and any(x.staff_id == a.staff_id for x in self.attendees.rows):
            return
        self.attendees.set_rows((*self.attendees.rows, a))

    def _selected(self, view) -> int | None:
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        return rows[0].row() if rows else None

    def _toggle_absent(self) -> None:
        i = self._selected(self.attendee_view)
        if i is None:
            return
        rows = list(self.attendees.rows)
        a = rows[i]
        rows[i] = replace(a, presence="present" if a.presence == "absent" else "absent", substitute_for="")
        self.attendees.set_rows(rows)

    def _substitute(self) -> None:
        """The selected person is absent and someone from the staff list came instead."""
        i = self._selected(self.attendee_view)
        if i is None or self.choices is None:
            return
        rows = list(self.attendees.rows)
        absent = rows[i]
        names = [f"{p.name}（{p.unit}）" for p in self.choices.staff]
        text, ok = QInputDialog.getItem(self, self.tr("代会"), self.tr("代%1参会的人员").replace("%1", absent.name),
                                        names, 0, False)
        if not ok:
            return
        p = self.choices.staff[names.index(text)]
        rows[i] = replace(absent, presence="absent")
        rows.append(mt.AttendeeRow(p.id, p.name, p.unit.split(" · ")[0], "substitute", absent.name))
        self.attendees.set_rows(rows)

    def _remove(self, model, view) -> None:
        i = self._selected(view)
        if i is not None:
            rows = list(model.rows)
            del rows[i]
            model.set_rows(rows)

    # --- agenda ---
    def prefill(self) -> None:
        kind, day, community = self.kind, self._day(), self.community.currentData()
        self.backend.read(lambda c: agenda_service.prefill(c, kind, day, community), self._prefilled, self._failed)

    def _prefilled(self, lines) -> None:
        manual = [x for x in self.agenda.rows if not x.prefilled]
        self.agenda.set_rows((*lines, *manual))
        if not lines:
            self.status.setText(self.tr("没有可预填的内容"))

    def _add_line(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, self.tr("议程"), self.tr("议程内容"))
        if ok and text.strip():
            self.agenda.set_rows((*self.agenda.rows, mt.AgendaLine(text.strip())))

    def _agenda_double_clicked(self, index) -> None:
        line = self.agenda.row(index.row())
        if line is None:
            return
        if line.opens:
            self.open_link.emit(line.source, line.ref_id)
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("议程"), self.tr("议程内容"), line.text)
        if ok and text.strip():
            rows = list(self.agenda.rows)
            rows[index.row()] = replace(line, text=text.strip())
            self.agenda.set_rows(rows)

    # --- items ---
    def _ask_item(self) -> None:
        if self.choices is None:
            return
        dlg = ItemDialog(self.choices, self._day(), self.community.currentData(), self)
        dlg.title_edit.setText(self.next_decision())  # the decision just typed, not typed again
        if dlg.exec() == QDialog.Accepted and dlg.draft is not None:
            self.add_item(dlg.draft, dlg.owner_text)

    def next_decision(self) -> str:
        """The decision line under the cursor, or else the first one, that has no action item yet."""
        taken = {d.title for d, _ in self.items.rows}
        lines = [x.strip() for x in self.decisions.toPlainText().splitlines()]
        here = self.decisions.textCursor().block().text().strip()
        free = [x for x in ([here] if here else []) + lines if x and x not in taken]
        return free[0] if free else ""

    def add_item(self, draft: mt.ItemDraft, owner_text: str) -> None:
        self.items.set_rows((*self.items.rows, (draft, owner_text)))

    # --- saving ---
    def _day(self) -> date:
        q = self.day.date()
        return date(q.year(), q.month(), q.day())

    def draft(self) -> mt.MeetingDraft:
        t = self.start.time()
        chair_id = self.chair.currentData()
        chair_name = next((p.name for p in (self.choices.staff if self.choices else ()) if p.id == chair_id), "")
        return mt.MeetingDraft(
            kind=self.kind, day=self._day(), start=time(t.hour(), t.minute()), state=self.state.currentData(),
            community_id=self.community.currentData(), grid_id=self.grid.currentData() if self.kind == "daily" else None,
            place=self.place.text(), topic=self.topic.text(),
            chair_staff_id=chair_id, chair_name=chair_name, attendees=tuple(self.attendees.rows),
            agenda=tuple(self.agenda.rows), discussion=self.discussion.toPlainText(),
            decisions=self.decisions.toPlainText(), items=tuple(d for d, _ in self.items.rows), id=self.meeting_id)

    def save(self) -> None:
        draft, version = self.draft(), self.version
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("正在保存…"))
        self.backend.write(lambda c: mt.save_meeting(c, draft, version), self._saved, self._refused)

    def _saved(self, row) -> None:
        self.saved.emit(row)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        text = str(exc) if isinstance(exc, DeskError) else repr(exc)
        self.status.setText(text)
        if isinstance(exc, ConflictError):
            advice = self.tr("另一席位刚刚保存了这份纪要。请关闭后重新打开，查看最新内容再修改。")
            QMessageBox.warning(self, self.tr("未保存"), advice + "\n\n" + text)
