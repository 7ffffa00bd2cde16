"""The one list of action items (督办事项) on the meetings page: overdue first, filtered by owner and
community, with the selected item's links and history, and the buttons a person may use on it
(the permission table decides; a liaison's list holds their department's items only)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desk.clock import format_local
from desk.services import meetings as mt
from desk.services.meetings import codes
from desk.services.permissions import allowed
from desk.views.code_words import meeting_word
from desk.views.meetings.models import ItemModel, fit, fitted_table


class ItemsTab(QWidget):
    def __init__(self, page):
        super().__init__()
        self.page = page
        w = self
        self.owner = QComboBox()
        self.owner.addItem(self.tr("全部责任人"), None)
        self.community = QComboBox()
        self.community.addItem(self.tr("全部社区"), None)
        self.include_done = QCheckBox(self.tr("含已完成和已取消"))
        for x in (self.owner, self.community):
            x.currentIndexChanged.connect(self.reload)
        self.include_done.toggled.connect(self.reload)
        bar = QHBoxLayout()
        for x in (QLabel(self.tr("责任人")), self.owner, QLabel(self.tr("社区")), self.community, self.include_done):
            bar.addWidget(x)
        bar.addStretch(1)
        self.item_buttons = {}
        for action, (_from, _to, name) in codes.ITEM_MOVES.items():
            b = QPushButton(meeting_word(codes.STEP_NAMES.get(action, name)))
            b.clicked.connect(lambda _=False, a=action: self.move_selected(a))
            b.setVisible(allowed(self.page.actor, "meetings.items.update"))
            bar.addWidget(b)
            self.item_buttons[action] = b
        self.reassign_button = QPushButton(self.tr("调整期限/责任…"))
        self.reassign_button.clicked.connect(self.reassign_selected)
        self.reassign_button.setVisible(allowed(self.page.actor, "meetings.items.assign"))
        bar.addWidget(self.reassign_button)
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

    def reload(self) -> None:
        owner, community = self.owner.currentData(), self.community.currentData()
        open_only = not self.include_done.isChecked()
        staff = owner[1] if owner and owner[0] == "staff" else None
        dept = owner[1] if owner and owner[0] == "department" else None
        self.page.read_once("items", lambda c: mt.items(c, open_only=open_only, owner_staff_id=staff,
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
                  and mt.may_update(self.page.actor, r.owner_staff_id, r.owner_department_id))
            b.setEnabled(ok)
        self.reassign_button.setEnabled(r is not None and r.state in codes.UNFINISHED)
        if r is None:
            self.item_detail.setText("")
            return
        links = "、".join(f"{meeting_word(codes.LINK_KINDS.get(k, k))} #{i}" for k, i in r.links)
        head = (f"#{r.id} {r.title}" + (f"\n{r.detail}" if r.detail else "") +
                (("\n" + self.tr("关联：") + links + self.tr("（双击打开）")) if links else ""))
        self.item_detail.setText(head)
        self.page.read_once("item_history", lambda c: mt.item_history(c, r.id),
                       lambda steps: self._history(r.id, head, steps),
                       self.page.backend.failed(self.tr("读取督办事项记录")))

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
                self.page.open_link(*link)

    def move_selected(self, action: str) -> None:
        r = self._selected_item()
        if r is None:
            return
        note = ""
        if action == "cancel":
            note, ok = QInputDialog.getText(self, self.tr("取消督办事项"), self.tr("取消原因"))
            if not ok or not note.strip():
                return
        self.page.backend.write(lambda c: mt.move_item(c, r.id, action, expected_version=r.version, note=note),
                           None, self.page._refused)

    def reassign_selected(self) -> None:
        from desk.views.meetings.item_dialog import ReassignDialog

        r = self._selected_item()
        if r is None:
            return

        def ask(choices) -> None:
            dlg = ReassignDialog(choices, r, self)
            if dlg.exec() == ReassignDialog.Accepted and dlg.result_args is not None:
                args = dlg.result_args
                self.page.backend.write(lambda c: mt.reassign(c, r.id, **args), None, self.page._refused)

        self.page.backend.read(mt.editor_choices, ask, self.page._refused)
