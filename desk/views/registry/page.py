"""基础信息: community → grid → address on the left; people (with a search box: name, pinyin initials,
address or a full ID number) and special populations (due visits first) on the right; the selected
person's card below with their visits. Numbers are masked; a permitted role unmasks one (audited)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QTabWidget, QTreeView,
    QVBoxLayout, QWidget,
)

from desk.services import registry as reg
from desk.services.registry import places
from desk.services.permissions import allowed
from desk.services.topics import concerns
from desk.views.code_words import board_word
from desk.views.pages import Page
from desk.views.registry.models import CareModel, PeopleModel, UnitModel, VisitModel, rw
from desk.views.registry.actions import PersonActions
from desk.views.registry.units import UnitActions

GRID_ROLE, ADDRESS_ROLE = Qt.UserRole + 1, Qt.UserRole + 2


def _table(model) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QTableView.SelectRows)
    t.setSelectionMode(QTableView.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setResizeContentsPrecision(50)  # column widths from the first rows, not all of them
    return t


class RegistryPage(UnitActions, PersonActions, Page):
    key = "registry"

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        actor = backend.ctx.actor
        self.may_unmask = allowed(actor, "pii.unmask")
        self.may_visit = allowed(actor, "registry.visit")
        self.may_report = allowed(actor, "board.report")
        self.may_write = allowed(actor, "registry.write")
        self._loaded = False
        self._grid_id: int | None = None
        self._address_id: int | None = None
        self._person = None
        self._house = None

        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.tree_model)
        self.tree.selectionModel().currentChanged.connect(self._on_node)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：姓名、拼音首字母、地址或完整身份证号"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._search)
        self.found = QLabel()
        self.people = PeopleModel(self)
        self.people_view = _table(self.people)
        self.people_view.selectionModel().currentRowChanged.connect(self._on_person)
        self.care = CareModel(self)
        self.care_view = _table(self.care)
        self.care_view.selectionModel().currentRowChanged.connect(self._on_care)

        self.place = QLabel()
        self.place.setTextFormat(Qt.RichText)
        self.place.setWordWrap(True)
        people_tab = QWidget()
        pl = QVBoxLayout(people_tab)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.found)
        self.add_button = QPushButton(self.tr("登记人员"))
        self.add_button.setVisible(self.may_write)
        self.add_button.clicked.connect(self._new_person)
        row.addWidget(self.add_button)
        pl.addLayout(row)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        self.house_visit_button = QPushButton(self.tr("走访此房屋"))
        self.house_visit_button.setVisible(False)
        self.house_visit_button.clicked.connect(self._new_house_visit)
        place_row.addWidget(self.house_visit_button)
        pl.addLayout(place_row)
        pl.addWidget(self.people_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(people_tab, self.tr("实有人口"))
        self.tabs.addTab(self.care_view, self.tr("特殊人群（待走访在前）"))
        self.units = UnitModel(self)
        self.units_view = _table(self.units)
        self.units_view.selectionModel().currentRowChanged.connect(self._on_unit)
        self.unit_visit_button = QPushButton(self.tr("走访此单位"))
        self.unit_visit_button.setVisible(self.may_visit)
        self.unit_visit_button.setEnabled(False)
        self.unit_visit_button.clicked.connect(self._new_unit_visit)
        units_tab = QWidget()
        ul = QVBoxLayout(units_tab)
        unit_row = QHBoxLayout()
        unit_row.addWidget(QLabel(self.tr("选择一个单位查看详情、走访记录和相关事件")), 1)
        unit_row.addWidget(self.unit_visit_button)
        ul.addLayout(unit_row)
        ul.addWidget(self.units_view)
        self.units_tab = units_tab
        self.tabs.addTab(units_tab, self.tr("实有单位"))
        self._units_stale = True
        self.tabs.currentChanged.connect(lambda _i: self._load_units())
        self.tabs.currentChanged.connect(self._card_for_tab)

        self.card = QLabel(self.tr("选择一个人查看详情"))
        self.card.setTextFormat(Qt.RichText)
        self.card.setWordWrap(True)
        self.unmask_button = QPushButton(self.tr("显示完整号码"))
        self.unmask_button.setVisible(self.may_unmask)
        self.unmask_button.setEnabled(False)
        self.unmask_button.clicked.connect(self._unmask)
        self.visit_button = QPushButton(self.tr("记录走访"))
        self.visit_button.setVisible(self.may_visit)
        self.visit_button.setEnabled(False)
        self.visit_button.clicked.connect(self._new_visit)
        self.edit_button = QPushButton(self.tr("修改"))
        self.edit_button.setVisible(self.may_write)
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self._edit_person)
        self.care_button = QPushButton(self.tr("列为特殊人群"))
        self.care_button.setVisible(self.may_write)
        self.care_button.setEnabled(False)
        self.care_button.clicked.connect(self._set_care)
        self.visits = VisitModel(self)
        self.visits_view = _table(self.visits)
        self.status = QLabel()
        self.status.setWordWrap(True)

        card = QWidget()
        cl = QVBoxLayout(card)
        cl.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.card, 1)
        buttons.addWidget(self.unmask_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.care_button)
        buttons.addWidget(self.visit_button)
        cl.addLayout(buttons)
        cl.addWidget(QLabel(self.tr("走访记录")))
        cl.addWidget(self.visits_view)
        cl.addWidget(self.status)

        self.card.setMinimumHeight(84)
        self.card.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.tabs)
        right.addWidget(card)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def title(self) -> str:
        return self.tr("基础信息")

    # --- loading -------------------------------------------------------------------------------
    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        """What the first look needs first: the people, the browser, the due visits; units when their tab opens."""
        self._load_people()
        self.read_once("tree", reg.grid_nodes, self._show_tree)
        self.read_once("care", lambda ctx: reg.care_list(ctx, self._grid_id), self.care.set_rows)
        self._units_stale = True
        self._load_units()

    def _load_units(self) -> None:
        if self._units_stale and self.tabs.currentWidget() is self.units_tab:
            self._units_stale = False
            self.read_once("units", lambda ctx: places.units_in(ctx, self._grid_id), self._show_units)

    def _show_units(self, rows) -> None:
        self.units.set_rows(rows)
        self.unit_visit_button.setEnabled(False)
        shown = self._unit.id if self._unit is not None else None
        at = next((i for i, r in enumerate(self.units.rows) if r.id == shown), None)
        if at is not None:     # the unit on the card stays chosen through a refresh
            self.units_view.selectRow(at)

    def on_changes(self, changes) -> None:
        if self._loaded and concerns(changes, "registry"):
            self.read_once("care", lambda ctx: reg.care_list(ctx, self._grid_id), self.care.set_rows)
            self._units_stale = True
            self._load_units()
            self._load_people()
            if self._person is not None:
                self._load_visits(self._person.id)
            self._refresh_unit()

    def _show_tree(self, nodes) -> None:
        self.tree_model.clear()
        communities: dict[int, QStandardItem] = {}
        for n in nodes:
            parent = communities.get(n.community_id)
            if parent is None:
                parent = communities[n.community_id] = QStandardItem(n.community_name)
                parent.setEditable(False)
                self.tree_model.appendRow(parent)
            item = QStandardItem(f"{n.name}（{n.people}）")
            item.setEditable(False)
            item.setData(n.id, GRID_ROLE)
            parent.appendRow(item)
        self.tree.expandToDepth(0)

    def _on_node(self, current, _previous) -> None:
        item = self.tree_model.itemFromIndex(current)
        if item is None:
            return
        grid_id, address_id = item.data(GRID_ROLE), item.data(ADDRESS_ROLE)
        if grid_id is None:
            return
        self._grid_id, self._address_id = grid_id, address_id
        if address_id is None and not item.hasChildren():
            self.read_once(f"addr{grid_id}", lambda ctx: reg.address_nodes(ctx, grid_id),
                           lambda nodes, item=item: self._show_addresses(item, nodes))
        self.search.clear()
        self._load_people()
        self.read_once("care", lambda ctx: reg.care_list(ctx, grid_id), self.care.set_rows)
        self._units_stale = True
        self._load_units()
        if address_id is not None:
            self.read_once("house", lambda ctx: places.house_card(ctx, address_id), self._show_house)
        else:
            self.place.clear()
            self._house = None
            self.house_visit_button.setVisible(False)

    def _show_addresses(self, item: QStandardItem, nodes) -> None:
        """Grid → building or group → address (the unit and room, or the whole address without a building)."""
        grid_id = item.data(GRID_ROLE)
        buildings: dict[str, QStandardItem] = {}
        for n in nodes[:5000]:
            parent = item
            if n.building:
                parent = buildings.get(n.building)
                if parent is None:
                    parent = buildings[n.building] = QStandardItem(n.building)
                    parent.setEditable(False)
                    parent.setData(grid_id, GRID_ROLE)
                    item.appendRow(parent)
            label = n.full.split(n.building, 1)[1] if n.building and n.building in n.full else n.full
            child = QStandardItem(f"{label or n.full}（{n.people}）")
            child.setEditable(False)
            child.setData(grid_id, GRID_ROLE)
            child.setData(n.id, ADDRESS_ROLE)
            parent.appendRow(child)
        self.tree.expand(item.index())

    def _show_house(self, h) -> None:
        if h.address_id != self._address_id:
            return
        self._house = h
        self.house_visit_button.setVisible(self.may_visit and h.id is not None)
        t = self.tr
        use = rw(h.use) if h.use else t("未登记房屋")
        parts = [f"<b>{escape(h.address)}</b>　{t('房屋')}：{use}"]
        if h.area_m2:
            parts.append(f"{h.area_m2:.0f}㎡")
        if h.owner or h.landlord:
            parts.append(f"{t('房主')}：{escape(h.owner or h.landlord)}")
        parts.append(t("住 %1 人，其中流动 %2 人").replace("%1", str(h.people)).replace("%2", str(h.floating)))
        if h.units:
            parts.append(t("单位") + "：" + "、".join(escape(u) for u in h.units))
        self.place.setText("　".join(parts))

    def _load_people(self) -> None:
        text = self.search.text().strip()
        grid_id, address_id = self._grid_id, self._address_id
        if text or grid_id is None:
            self.read_once("people", lambda ctx: reg.search_people(ctx, text, grid_id if not text else None),
                           self._show_found)
        else:
            self.read_once("people", lambda ctx: reg.people_at(ctx, grid_id, address_id), self._show_people)

    def _search(self) -> None:
        self._load_people()

    def _show_found(self, found) -> None:
        self._show_people(found.rows)
        if found.more:
            self.found.setText(self.tr("仅显示前%1人，请缩小范围").replace("%1", str(len(found.rows))))

    def _show_people(self, rows) -> None:
        self.people.set_rows(rows)
        self.found.setText(self.tr("%1人").replace("%1", str(len(rows))))

    # --- the card ------------------------------------------------------------------------------
    def _on_person(self, current, _previous) -> None:
        self._show_card(self.people.row(current.row()))

    def _on_care(self, current, _previous) -> None:
        r = self.care.row(current.row())
        if r is not None:
            person_id = r.person_id
            self.read_once("card", lambda ctx: reg.person_row(ctx, person_id), self._show_card)

    def _person_buttons(self, shown: bool) -> None:
        """The person's buttons, each as the role allows, or none while a unit is on the card."""
        for button, may in ((self.unmask_button, self.may_unmask), (self.edit_button, self.may_write),
                            (self.care_button, self.may_write), (self.visit_button, self.may_visit)):
            button.setVisible(shown and may)

    def _show_card(self, p) -> None:
        self._person, self._unit = p, None
        self._person_buttons(True)
        self.unmask_button.setEnabled(p is not None)
        self.visit_button.setEnabled(p is not None)
        self.care_button.setEnabled(p is not None)
        self.edit_button.setEnabled(p is not None)
        if p is None:
            self.card.setText(self.tr("选择一个人查看详情"))
            self.visits.set_rows(())
            return
        special = "、".join(rw(c) for c in p.special.split("、")) if p.special else self.tr("无")
        self.card.setText(
            f"<b>{escape(p.name)}</b>　{rw(p.sex)}　{p.age}{self.tr('岁')}　{rw(p.residence)}　{rw(p.relation)}<br>"
            f"{self.tr('身份证号')}：{p.id_masked}　{self.tr('电话')}：{p.phone_masked or '—'}<br>"
            f"{escape(p.community_name)} · {escape(p.grid_name)} · {escape(p.address or '—')}<br>"
            f"{self.tr('特殊人群')}：{special}")
        self._load_visits(p.id)
        person_id = p.id
        self.read_once("events", lambda ctx: places.person_events(ctx, person_id),
                       lambda evs: self._show_events(person_id, evs))

    def _show_events(self, person_id: int, events) -> None:
        if self._person is None or self._person.id != person_id or not events:
            return
        lines = "　".join(f"#{e.id} {escape(e.title[:20])}（{board_word(e.status)}）" for e in events[:5])
        self.card.setText(self.card.text() + "<br>" + self.tr("相关事件") + "：" + lines)

    def _load_visits(self, person_id: int) -> None:
        self.read_once("visits", lambda ctx: reg.visits_of(ctx, person_id=person_id), self.visits.set_rows)
