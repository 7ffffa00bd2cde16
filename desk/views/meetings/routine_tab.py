"""Trainings, skill tests, joint patrols and drills: the records of the last months, the counts per
quarter and community, a new record, and a patrol's finding put on the board in one step."""
from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)
from PySide6.QtCore import Qt

from desk.clock import local
from desk.services.errors import DeskError
from desk.services.figures.periods import quarter_of
from desk.services.meetings import codes, rhythm, routine
from desk.services.permissions import allowed
from desk.views.code_words import meeting_word
from desk.views.meetings.models import FigureModel, fit, fitted_table


class RoutineTab(QWidget):
    def __init__(self, page):
        super().__init__()
        self.page, self.backend = page, page.backend
        self.records = FigureModel(self)
        self.view = fitted_table(self.records, 8)
        self.counts = FigureModel(self)
        self.count_view = fitted_table(self.counts, None)
        add = QPushButton(self.tr("新增记录…"))
        add.clicked.connect(self.add_record)
        add.setVisible(allowed(page.actor, "meetings.routine"))
        to_board = QPushButton(self.tr("发现问题上报事件…"))
        to_board.clicked.connect(self.finding_to_event)
        to_board.setVisible(allowed(page.actor, "meetings.routine") and allowed(page.actor, "board.report"))
        bar = QHBoxLayout()
        for w in (add, to_board):
            bar.addWidget(w)
        bar.addStretch(1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.count_view)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def reload(self) -> None:
        today = local(self.backend.ctx.clock.now()).date()
        first = today - timedelta(days=120)
        quarter = quarter_of(today)
        self.page.read_once("routine", lambda c: routine.records_table(routine.records(c, first, today)),
                            lambda t: self._show(self.records, self.view, t, 8))
        self.page.read_once("routine_counts", lambda c: rhythm.routine_counts(c, quarter),
                            lambda t: self._show(self.counts, self.count_view, t, None))

    @staticmethod
    def _show(model, view, table, stretch) -> None:
        model.set_table(table)
        fit(view, stretch)

    def _selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or self.records.table is None:
            return None
        return self.records.rows[rows[0].row()][0]

    def add_record(self) -> None:
        dlg = RoutineDialog(self.backend, self)
        dlg.exec()

    def finding_to_event(self) -> None:
        rid = self._selected_id()
        if rid is None:
            self.page.status(self.tr("请先选择一条巡逻或演练记录"))
            return
        findings = self.records.rows[[r[0] for r in self.records.rows].index(rid)][8]
        title, ok = QInputDialog.getText(self, self.tr("上报事件"), self.tr("事件标题"), text=(findings or "")[:40])
        if ok and title.strip():
            self.backend.write(lambda c: routine.finding_to_event(c, rid, title.strip(), description=findings or ""),
                               lambda row: self.page.status(self.tr("已上报事件 #") + str(row.id)), self.page._refused)


class RoutineDialog(QDialog):
    """A training, skill test, patrol or drill; participants one per line: 姓名 类别 [成绩]."""

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(self.tr("记录培训、测试、巡逻或演练"))
        self.kind = QComboBox()
        for code, text in codes.ROUTINE_KINDS.items():
            self.kind.addItem(meeting_word(text), code)
        self.sub_kind = QComboBox()
        self.kind.currentIndexChanged.connect(self._subs)
        today = local(backend.ctx.clock.now()).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.community = QComboBox()
        self.community.addItem(self.tr("街道"), None)
        self.topic, self.place, self.leader = QLineEdit(), QLineEdit(), QLineEdit()
        self.people = QPlainTextEdit()
        roles = "、".join(f"{v}" for v in codes.PARTICIPANT_ROLES.values())
        self.people.setPlaceholderText(self.tr("每行一人：姓名 类别 [成绩]，类别：") + roles)
        self.findings = QPlainTextEdit()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        for label, w in ((self.tr("类型"), self.kind), (self.tr("形式"), self.sub_kind), (self.tr("日期"), self.day),
                         (self.tr("社区"), self.community), (self.tr("主题"), self.topic),
                         (self.tr("地点或路线"), self.place), (self.tr("负责人"), self.leader),
                         (self.tr("参加人员"), self.people), (self.tr("发现的问题"), self.findings)):
            form.addRow(label, w)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._subs()
        from desk.services.meetings import editor_choices

        backend.read(editor_choices, self._fill, lambda exc: self.problem.setText(str(exc)))

    def _fill(self, choices) -> None:
        for i, name in choices.communities:
            self.community.addItem(name, i)

    def _subs(self) -> None:
        self.sub_kind.clear()
        for code, text in codes.ROUTINE_SUB_KINDS[self.kind.currentData()].items():
            self.sub_kind.addItem(meeting_word(text), code)

    def participants(self) -> tuple[routine.Participant, ...]:
        by_name = {v: k for k, v in codes.PARTICIPANT_ROLES.items()}
        out = []
        for line in self.people.toPlainText().splitlines():
            parts = line.split()
            if not parts:
                continue
            role = by_name.get(parts[1], "other") if len(parts) > 1 else "other"
            score = float(parts[2]) if len(parts) > 2 and re.fullmatch(r"\d{1,3}(\.\d)?", parts[2]) else None
            out.append(routine.Participant(parts[0][:32], role, score))
        return tuple(out)

    def save(self) -> None:
        q = self.day.date()
        draft = routine.RoutineDraft(self.kind.currentData(), date(q.year(), q.month(), q.day()),
                                     sub_kind=self.sub_kind.currentData() or "",
                                     community_id=self.community.currentData(), topic=self.topic.text(),
                                     place=self.place.text(), leader=self.leader.text(),
                                     participants=self.participants(), findings=self.findings.toPlainText())
        self.backend.write(lambda c: routine.record(c, draft), lambda _r: self.accept(),
                           lambda exc: self.problem.setText(str(exc) if isinstance(exc, DeskError) else repr(exc)))
