"""What a person's card lets one do, each through the services (checked and audited there): show the
full numbers, record a visit (its finding to the board), take into graded care, edit, register a new
person and, when the ID number is already on record, merge deliberately."""
from __future__ import annotations

from html import escape

from desk.services import registry as reg
from desk.services.figures.periods import local_today
from desk.services.unmask import unmask
from desk.views.registry.models import tr  # the page's words (self.tr here would name the page's class)
from desk.views.registry.person_dialog import CareDialog, MergeDialog, PersonDialog
from desk.views.registry.visit_dialog import VisitDialog


class PersonActions:
    """Mixed into the registry page: needs ``backend``, ``_person``, ``status``, ``may_report``,
    ``read_once`` and ``_show_card``."""

    def _unmask(self) -> None:
        p = self._person
        if p is None:
            return
        self.backend.write(lambda ctx: (unmask(ctx, "person", p.id, "id_number"),
                                        unmask(ctx, "person", p.id, "phone") if p.phone_masked else ""),
                           lambda v: self.status.setText(tr("%1 身份证号：%2　电话：%3（已记录查看）")
                                                         .replace("%1", p.name).replace("%2", v[0])
                                                         .replace("%3", v[1] or "—")),
                           self._failed)

    def _new_visit(self) -> None:
        p = self._person
        if p is not None:
            self._ask_visit(p.name, person_id=p.id)

    def _new_house_visit(self) -> None:
        h = self._house
        if h is not None and h.id is not None:
            self._ask_visit(h.address, house_id=h.id)

    def _ask_visit(self, label: str, **target) -> None:
        """The visit form for a person, a house or a unit (``person_id=``, ``house_id=`` or ``unit_id=``),
        then the save."""
        actor = self.backend.ctx.actor
        dlg = VisitDialog(label, local_today(self.backend.ctx.clock.now()), actor.display_name or actor.username,
                          may_report=self.may_report, parent=self, **target)
        try:
            if dlg.exec() != VisitDialog.Accepted:
                return
            visit, kind = dlg.visit(), dlg.board_kind()
        finally:
            dlg.deleteLater()
        self._save_visit(visit, kind)

    def _save_visit(self, visit, kind) -> None:
        def save(ctx):
            vid = reg.record_visit(ctx, visit)
            return reg.visit_to_board(ctx, vid, kind) if kind and visit.findings else None

        self.backend.write(save, lambda eid: self.status.setText(
            tr("走访已记录") + (tr("，已上报为事件 #%1").replace("%1", str(eid)) if eid else "")), self._failed)

    def _set_care(self) -> None:
        p = self._person
        if p is None:
            return
        dlg = CareDialog(p.name, self)
        try:
            if dlg.exec() != CareDialog.Accepted:
                return
            category, level = dlg.choice()
        finally:
            dlg.deleteLater()
        self.backend.write(lambda ctx: reg.add_care(ctx, p.id, category, level),
                           lambda _id: self.status.setText(tr("已列为特殊人群：%1").replace("%1", p.name)),
                           self._failed)

    def _edit_person(self) -> None:
        if self._person is not None:
            self.read_once("grids", reg.grid_nodes, self._ask_edit)

    def _ask_edit(self, grids) -> None:
        p = self._person
        if p is None:
            return
        dlg = PersonDialog(grids, self, existing=p)
        try:
            if dlg.exec() != PersonDialog.Accepted:
                return
            changes = dlg.changes()
        finally:
            dlg.deleteLater()
        self.backend.write(lambda ctx: reg.edit_person(ctx, p.id, p.version, **changes),
                           self._after_edit, self._failed)

    def _after_edit(self, row) -> None:
        self.status.setText(tr("已保存 %1").replace("%1", row.name))
        self._show_card(row)

    def _new_person(self) -> None:
        self.read_once("grids", reg.grid_nodes, self._ask_person)

    def _ask_person(self, grids) -> None:
        dlg = PersonDialog(grids, self)
        try:
            if dlg.exec() != PersonDialog.Accepted:
                return
            entered = dlg.person()
        finally:
            dlg.deleteLater()

        def refused(exc) -> None:
            if isinstance(exc, reg.DuplicatePerson):
                self.backend.read(lambda ctx: reg.merge_preview(ctx, entered), lambda pv: self._ask_merge(pv, entered),
                                  self._failed)
            else:
                self._failed(exc)

        self.backend.write(lambda ctx: reg.add_person(ctx, entered),
                           lambda row: self.status.setText(tr("已登记 %1").replace("%1", row.name)), refused)

    def _ask_merge(self, preview, entered) -> None:
        dlg = MergeDialog(preview, self)
        try:
            if dlg.exec() != MergeDialog.Accepted or not dlg.model.taken:
                self.status.setText(tr("未合并，已登记的记录保持不变"))
                return
            fields = set(dlg.model.taken)
        finally:
            dlg.deleteLater()
        existing = preview.existing
        self.backend.write(lambda ctx: reg.merge(ctx, existing.id, existing.version, entered, fields),
                           lambda row: self.status.setText(tr("已合并到 %1 的记录").replace("%1", row.name)),
                           self._failed)

    def _failed(self, exc) -> None:
        self.status.setText(f"<span style='color:#c62828'>{escape(str(exc))}</span>")

