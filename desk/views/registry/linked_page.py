"""The registry as a department liaison sees it: only the people linked to their department's open or
recent cases (desk.services.registry.linked), numbers masked, the linking case numbers shown, read-only:
no registering, editing, visiting, importing, exporting or unmasking. Every look is audited by the service."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from desk.services import registry as reg
from desk.services.registry.linked import HOW
from desk.services.topics import concerns
from desk.views.code_words import dispatch_word
from desk.views.pages import Page
from desk.views.registry.models import rw
from desk.views.row_model import RowTableModel


class LinkedModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self._headers = (self.tr("关联案件"), self.tr("姓名"), self.tr("性别"), self.tr("年龄"), self.tr("身份证号"),
                         self.tr("联系电话"), self.tr("网格"), self.tr("现住址"), self.tr("关联方式"))

    def data(self, index, role=Qt.DisplayRole):
        r = self.row(index.row())
        if r is None or role != Qt.DisplayRole:
            return None
        how = "、".join(dict.fromkeys(rw(HOW[h]) for c in r.cases for h in c.how))
        return (r.case_numbers, r.name, rw(r.sex), r.age, r.id_masked, r.phone_masked, r.grid_name, r.address,
                how)[index.column()]


class LinkedPeoplePage(Page):
    key = "registry"

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self._loaded = self._stale = False
        self._person_id: int | None = None
        head = QLabel(self.tr("只显示与本部门在办或近 7 天案件相关联的人员（走访上报、来电号码或事发地址），"
                              "号码已脱敏，仅供查看。"))
        head.setWordWrap(True)
        self.model = LinkedModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setProperty("export", False)   # no export: not offered to the liaison (table_export)
        self.view.setSelectionBehavior(QTableView.SelectRows)
        self.view.setSelectionMode(QTableView.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._on_row)
        self.count = QLabel()
        self.card = QLabel(self.tr("选择一个人查看关联案件"))
        self.card.setTextFormat(Qt.RichText)
        self.card.setWordWrap(True)
        self.card.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(head)
        tl.addWidget(self.count)
        tl.addWidget(self.view)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.card, 1)
        bl.addWidget(self.status)
        split = QSplitter(Qt.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def title(self) -> str:
        return self.tr("关联人员")

    def activate(self) -> None:
        if not self._loaded or self._stale:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self.read_once("linked", reg.linked_people, self._show)

    def on_changes(self, changes) -> None:
        """Each read is an audited look: a change reloads the list only while it is on screen."""
        if self._loaded and concerns(changes, "registry", "dispatch"):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1人").replace("%1", str(len(rows))))
        at = next((i for i, r in enumerate(rows) if r.id == self._person_id), None)
        if at is not None:
            self.view.selectRow(at)
        elif self._person_id is not None:   # no longer linked: the card goes too
            self._person_id = None
            self.card.setText(self.tr("选择一个人查看关联案件"))

    def _on_row(self, current, _previous) -> None:
        r = self.model.row(current.row())
        if r is None:
            return
        self._person_id = person_id = r.id
        self.read_once("card", lambda ctx: reg.linked_person(ctx, person_id), self._show_card, self._failed)

    def _show_card(self, p) -> None:
        if p.id != self._person_id:
            return
        lines = "<br>".join(f"#{c.event_id} {escape(c.title)}（{dispatch_word(c.state)}）— "
                            + "、".join(rw(HOW[h]) for h in c.how) for c in p.cases)
        years, number, phone, cases = self.tr("岁"), self.tr("身份证号"), self.tr("电话"), self.tr("关联案件")
        self.card.setText(
            f"<b>{escape(p.name)}</b>　{rw(p.sex)}　{p.age}{years}<br>"
            f"{number}：{p.id_masked}　{phone}：{p.phone_masked or '—'}<br>"
            f"{escape(p.community_name)} · {escape(p.grid_name)} · {escape(p.address or '—')}<br>"
            f"<b>{cases}</b>：<br>{lines}")

    def _failed(self, exc) -> None:
        self.status.setText(f"<span style='color:#c62828'>{escape(str(exc))}</span>")
