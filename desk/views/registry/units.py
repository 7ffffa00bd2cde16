"""A unit (实有单位) on the registry page: chosen in the units tab, its card below (kind, grid, address,
contact with the phone masked, staff) with its visits and the events that concern it, and a visit recorded
from the keyboard-only visit form ("走访此单位", its finding to the board in the same step)."""
from __future__ import annotations

from html import escape

from desk.services import registry as reg
from desk.services.registry import places
from desk.views.code_words import board_word
from desk.views.registry.models import rw, tr


class UnitActions:
    """Mixed into the registry page: needs ``units``, ``units_view``, ``unit_visit_button``, ``card``,
    ``visits``, ``read_once``, ``_ask_visit``, ``_show_card`` and ``_person_buttons``."""

    _unit = None

    def _on_unit(self, current, _previous) -> None:
        u = self.units.row(current.row())
        self.unit_visit_button.setEnabled(u is not None)
        if u is not None:
            self._show_unit(u)

    def _card_for_tab(self, index: int) -> None:
        """A tab shows its own card: on the units tab the unit's hint and no person buttons, elsewhere a
        person's hint (the card never shows a unit's details under the people's list or the reverse)."""
        if self.tabs.widget(index) is self.units_tab:
            if self._unit is None:
                self._show_card(None)
                self._person_buttons(False)
                self.card.setText(tr("选择一个单位查看详情、走访记录和相关事件"))
        elif self._unit is not None:
            self._show_card(None)

    def _show_unit(self, u) -> None:
        self._show_card(None)       # the card shows one thing at a time: the person's buttons go
        self._person_buttons(False)
        self._unit = u
        staff = "—" if u.staff_count is None else str(u.staff_count)
        staff_word, contact, phone = tr("从业人数"), tr("联系人"), tr("电话")
        self.card.setText(
            f"<b>{escape(u.name)}</b>　{rw(u.kind)}　{staff_word}：{staff}<br>"
            f"{escape(u.grid_name)} · {escape(u.address or '—')}<br>"
            f"{contact}：{escape(u.contact or '—')}　{phone}：{u.phone_masked or '—'}")
        self._load_unit_visits(u.id)
        unit_id = u.id
        self.read_once("events", lambda ctx: places.unit_events(ctx, unit_id),
                       lambda evs: self._show_unit_events(unit_id, evs))

    def _show_unit_events(self, unit_id: int, events) -> None:
        if self._unit is None or self._unit.id != unit_id:
            return
        lines = "　".join(f"#{e.id} {escape(e.title[:20])}（{board_word(e.status)}）" for e in events[:5])
        self.card.setText(self.card.text() + "<br>" + tr("相关事件") + "：" + (lines or tr("无")))

    def _load_unit_visits(self, unit_id: int) -> None:
        self.read_once("visits", lambda ctx: reg.visits_of(ctx, unit_id=unit_id), self.visits.set_rows)

    def _new_unit_visit(self) -> None:
        u = self.units.row(self.units_view.currentIndex().row())
        if u is not None:
            self._ask_visit(u.name, unit_id=u.id)

    def _refresh_unit(self) -> None:
        """After a change: the unit on the card again (its visits, a visit's event)."""
        if self._unit is not None:
            self._show_unit(self._unit)
