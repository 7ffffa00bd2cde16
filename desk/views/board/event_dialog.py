"""An event with its full timeline, and the actions its state allows (each checked again by the
service; a conflict with another seat is shown plainly and the dialog reloads the current state)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMessageBox,
    QPushButton, QTableView, QVBoxLayout, QWidget,
)

from desk.clock import format_local
from desk.services.errors import ConflictError
from desk.services.incidents import codes, ladder, lifecycle, reporter_phone, rows
from desk.services.incidents.choices import Choices
from desk.services.permissions import allowed
from desk.views.board import labels
from desk.views.board.attachments import AttachmentPanel
from desk.views.board.timeline import TimelineModel

ACTIONS = ("accept", "handle_in_grid", "dispatch", "start", "return", "feedback", "verify", "close", "call_back",
           "reopen", "merge", "cancel")


class EventDialog(QDialog):
    changed = Signal()

    def __init__(self, backend, event_id: int, choices: Choices | None, parent=None, now=None):
        super().__init__(parent)
        self.backend, self.event_id, self.choices = backend, event_id, choices
        self.now = now
        self.detail = None
        self.setWindowTitle(self.tr("事件 #") + str(event_id))
        self.resize(900, 720)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.RichText)
        self.heading.setWordWrap(True)
        self.info = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, text in (("kind", "类型"), ("place", "地点"), ("reporter", "报告人"), ("deadline", "期限"),
                          ("handler", "认领/承办"), ("ladder", "调解层级"), ("mediation", "调解记录"),
                          ("record", "挂账"), ("links", "关联"),
                          ("description", "内容")):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.fields[key] = label
            if key == "reporter":
                label = self._reporter_row(label, backend.ctx.actor)
            self.info.addRow(QLabel(self.tr(text) + "："), label)
        self.timeline = TimelineModel(self)
        self.table = QTableView()
        self.table.setModel(self.timeline)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        extra = ("claim", "unclaim", "urgent", "on_record", "mediate")
        for i, action in enumerate(ACTIONS + extra):
            b = QPushButton(labels.action(action))
            b.clicked.connect(lambda _=False, a=action: self.run(a))
            self.buttons[action] = b
            grid.addWidget(b, i // 9, i % 9)
        actor = backend.ctx.actor
        self.attachments = AttachmentPanel(backend, event_id, self, can_add=allowed(actor, "board.report"))
        self.attachments.changed.connect(self._done_attach)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.info)
        layout.addWidget(QLabel(self.tr("处置过程")))
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("附件")))
        layout.addWidget(self.attachments)
        layout.addLayout(grid)
        layout.addWidget(close)
        self.reload()

    def _reporter_row(self, label: QLabel, actor) -> QWidget:
        """The reporter's name and masked phone; roles allowed to see the full number get a button
        (the service checks the role again and records every look in the audit log)."""
        self.unmask_button = QPushButton(self.tr("显示完整号码"))
        self.unmask_button.setToolTip(self.tr("查看完整号码会记入审计日志"))
        self.unmask_button.clicked.connect(self.unmask_phone)
        self.can_unmask = allowed(actor, "pii.unmask")
        self.unmask_button.setVisible(False)
        self.full_phone: str | None = None
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label)
        box.addWidget(self.unmask_button)
        box.addStretch(1)
        return row

    def unmask_phone(self) -> None:
        eid = self.event_id
        self.unmask_button.setEnabled(False)
        self.backend.write(lambda c: reporter_phone(c, eid), self._show_full_phone, self._unmask_failed)

    def _show_full_phone(self, phone: str) -> None:
        self.full_phone = phone
        if self.detail is not None:
            self._show_reporter(self.detail)

    def _unmask_failed(self, exc: Exception) -> None:
        self.unmask_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("无法显示完整号码"), str(exc))

    def _show_reporter(self, d) -> None:
        phone = self.full_phone or d.phone
        self.fields["reporter"].setText(" ".join(x for x in (d.reporter_name, phone) if x))
        self.unmask_button.setVisible(self.can_unmask and bool(d.phone) and self.full_phone is None)
        self.unmask_button.setEnabled(True)

    def reload(self) -> None:
        self.backend.read(lambda c: rows.event_detail(c, self.event_id), self.show_detail, self._error)

    def show_detail(self, d) -> None:
        self.detail = d
        r = d.row
        now = self.now() if self.now else None
        state = r.deadline(now) if now else "none"
        colour = {"red": "#c0392b", "yellow": "#d68910"}.get(state, "#1e8449")
        urgent = f" <span style='color:white;background:#e74c3c'>&nbsp;{self.tr('紧急')}&nbsp;</span>" if r.urgent else ""
        parts = [f"<b>{labels.status(r.status)}</b>"]
        if labels.deadline(state):
            parts.append(f"<span style='color:{colour}'>{labels.deadline(state)}</span>")
        parts.append(f"{self.tr('上报')} {format_local(r.reported_at)} · {labels.source(r.source)}")
        self.heading.setText(f"<h3>#{r.id} {r.title}{urgent}</h3>" + " · ".join(parts))
        f = self.fields
        f["kind"].setText(labels.kind(r.kind, r.sub_kind) + (self.tr("（涉警）") if r.police else self.tr("（非警务）")))
        f["place"].setText(" · ".join(x for x in (r.community_name, r.grid_name, r.address) if x))
        self._show_reporter(d)
        f["deadline"].setText((self.tr("超时时间 ") + format_local(r.red_at)) if r.red_at else "")
        f["handler"].setText(" / ".join(x for x in (r.claimed_name, r.department_name, r.assignee_name) if x))
        f["ladder"].setText(labels.ladder(r.ladder_level) + (
            (self.tr("，时限 ") + format_local(r.ladder_due_at)) if r.ladder_due_at else ""))
        f["mediation"].setText("；".join(
            f"{labels.ladder(m.level)} {labels.outcome(m.outcome)}"
            + (f"（1+1+N：{'、'.join(n for n, _ in m.participants)}）" if m.joint else "") for m in d.mediations))
        f["record"].setText(f"{r.on_record_reason}（{self.tr('复核')} {format_local(r.on_record_until)[:10]}）"
                            if r.on_record_until else "")
        links = []
        if r.merged_into_id:
            links.append(self.tr("重复，原事件 #") + str(r.merged_into_id))
        if d.duplicates:
            links.append(self.tr("重复事件：") + "、".join(f"#{i}" for i in d.duplicates))
        if d.cancel_reason:
            links.append(self.tr("撤销原因：") + d.cancel_reason)
        if d.satisfaction:
            links.append(self.tr("回访：") + labels.satisfaction(d.satisfaction))
        f["links"].setText("；".join(links))
        f["description"].setText(d.description)
        self.timeline.set_rows(d.steps)
        self.attachments.set_rows(d.attachments)
        for action, b in self.buttons.items():
            if action in codes.TRANSITIONS:
                b.setEnabled(r.status in codes.TRANSITIONS[action][0])
            elif action == "mediate":
                b.setEnabled(r.kind == "dispute" and r.status not in codes.CLOSED_STATUSES)
            elif action == "unclaim":
                b.setEnabled(r.claimed_by is not None)
            else:
                b.setEnabled(r.status not in codes.CLOSED_STATUSES)
        self.buttons["urgent"].setText(labels.action("not_urgent" if r.urgent else "urgent"))

    # --- actions ---
    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text.strip() if ok and text.strip() else None

    def run(self, action: str) -> None:
        if self.detail is None:
            return
        r = self.detail.row
        v = r.version
        kw: dict = {}
        if action in codes.NEEDS_REASON:
            reason = self._ask(labels.action(action), self.tr("原因："))
            if reason is None:
                return
            kw["reason"] = reason
        if action == "dispatch":  # a dispatch is a case for departments: lead, assisting, deadline, routing
            from desk.views.dispatch import open_dispatch_dialog

            open_dispatch_dialog(self.backend, self.event_id, self)
            return
        if action == "merge":
            original, ok = QInputDialog.getInt(self, labels.action(action), self.tr("原事件编号："), 1, 1, 10 ** 9)
            if not ok:
                return
            kw["merged_into"] = original
        if action == "call_back":
            names = list(codes.SATISFACTION)
            text, ok = QInputDialog.getItem(self, labels.action(action), self.tr("满意度："),
                                            [labels.satisfaction(n) for n in names], 0, False)
            if not ok:
                return
            kw["satisfaction"] = names[[labels.satisfaction(n) for n in names].index(text)]
        eid = self.event_id
        if action in codes.TRANSITIONS:
            fn = lambda c: lifecycle.transition(c, eid, action, expected_version=v, **kw)  # noqa: E731
        elif action == "claim":
            fn = lambda c: lifecycle.claim(c, eid, expected_version=v)  # noqa: E731
        elif action == "unclaim":
            fn = lambda c: lifecycle.unclaim(c, eid, expected_version=v)  # noqa: E731
        elif action == "urgent":
            fn = lambda c: lifecycle.set_urgent(c, eid, not r.urgent, expected_version=v)  # noqa: E731
        elif action == "on_record":
            fn = self._on_record_fn(r)
            if fn is None:
                return
        else:
            fn = self._mediate_fn(r)
            if fn is None:
                return
        self.backend.write(fn, self._done, self._error)

    def _on_record_fn(self, r):
        if r.on_record_until is not None:
            return lambda c: lifecycle.put_on_record(c, r.id, "", None, expected_version=r.version)
        reason = self._ask(labels.action("on_record"), self.tr("挂账原因："))
        if reason is None:
            return None
        days, ok = QInputDialog.getInt(self, labels.action("on_record"), self.tr("几天后复核："), 30, 1, 365)
        if not ok:
            return None
        from datetime import timedelta

        return lambda c: lifecycle.put_on_record(c, r.id, reason, c.clock.now() + timedelta(days=days),
                                                 expected_version=r.version)

    def _mediate_fn(self, r):
        names = list(codes.OUTCOMES)
        shown = [labels.outcome(n) for n in names]
        text, ok = QInputDialog.getItem(self, labels.action("mediate"), self.tr("调解结果："), shown, 0, False)
        if not ok:
            return None
        mediator = self._ask(labels.action("mediate"), self.tr("调解人："))
        if mediator is None:
            return None
        outcome = names[shown.index(text)]
        return lambda c: ladder.record_mediation(c, r.id, outcome=outcome, mediator=mediator,
                                                 expected_version=r.version)

    def _done_attach(self) -> None:
        self.changed.emit()
        self.reload()

    def _done(self, _row) -> None:
        self.changed.emit()
        self.reload()

    def _error(self, exc: Exception) -> None:
        title = self.tr("其他席位已先操作") if isinstance(exc, ConflictError) else self.tr("操作未完成")
        QMessageBox.warning(self, title, str(exc))
        self.reload()
