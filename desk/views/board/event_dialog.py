"""An event with its full timeline, and the actions its state allows (each checked again by the
service; a conflict with another seat is shown plainly and the dialog reloads the current state).

Sized for a 1280x720 screen with a taskbar: the facts on the left, the timeline and attachments in
tabs on the right, the next step as the main button and the other actions in a menu grouped by step.
What the person's role may never do is not offered; what the state does not allow yet is disabled
with the reason as its tooltip. The dialog remembers its size."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMenu, QMessageBox, QPushButton,
    QScrollArea, QSplitter, QTableView, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from desk.clock import format_local
from desk.services.errors import ConflictError
from desk.services.incidents import codes, ladder, lifecycle, reporter_phone, rows
from desk.services.incidents.choices import Choices
from desk.services.permissions import allowed
from desk.views import ui_state
from desk.views.board import actions as rules
from desk.views.board import labels
from desk.views.board.attachments import AttachmentPanel
from desk.views.board.timeline import TimelineModel

DISPUTE_FIELDS = ("ladder", "mediation")


class EventDialog(QDialog):
    changed = Signal()

    def __init__(self, backend, event_id: int, choices: Choices | None, parent=None, now=None):
        super().__init__(parent)
        self.backend, self.event_id, self.choices = backend, event_id, choices
        self.actor = backend.ctx.actor
        self.now = now
        self.detail = None
        self.setWindowTitle(self.tr("事件 #") + str(event_id))
        self.setSizeGripEnabled(True)
        self.setMinimumSize(640, 420)
        self.resize(960, 600)
        ui_state.restore_geometry(self, "event_dialog")
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.RichText)
        self.heading.setWordWrap(True)
        self.info = QFormLayout()
        self.info.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        self.field_rows: dict[str, int] = {}
        names = {"kind": self.tr("类型"), "place": self.tr("地点"), "reporter": self.tr("报告人"),
                 "deadline": self.tr("期限"), "handler": self.tr("认领/承办"), "ladder": self.tr("调解层级"),
                 "mediation": self.tr("调解记录"), "record": self.tr("挂账"), "links": self.tr("关联"),
                 "description": self.tr("内容")}
        for key, text in names.items():
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.PlainText)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.fields[key] = label
            if key == "reporter":
                label = self._reporter_row(label, backend.ctx.actor)
            self.field_rows[key] = self.info.rowCount()
            self.info.addRow(QLabel(text + self.tr("：")), label)
        facts = QWidget()
        facts.setLayout(self.info)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(facts)
        scroll.setFrameShape(QScrollArea.NoFrame)
        self.timeline = TimelineModel(self)
        self.table = QTableView()
        self.table.setModel(self.timeline)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.attachments = AttachmentPanel(backend, event_id, self, can_add=allowed(self.actor, "board.report"))
        self.attachments.changed.connect(self._done_attach)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("处置过程"))
        self.tabs.addTab(self.attachments, self.tr("附件"))
        split = QSplitter(Qt.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([360, 560])
        split.setChildrenCollapsible(False)

        # The next step, then every other action this role may take, grouped by step.
        self.primary = QPushButton()
        self.primary.setDefault(True)
        self.primary.setMinimumWidth(120)
        self.primary.setStyleSheet("QPushButton { font-weight: bold; padding: 4px 14px; }")
        self.primary.clicked.connect(lambda: self._primary_action and self.run(self._primary_action))
        self._primary_action: str | None = None
        self.menu = QMenu(self)
        self.menu.setToolTipsVisible(True)
        self.buttons: dict[str, QAction] = {}
        for group in rules.GROUPS:
            shown = [a for a in group if rules.permitted(self.actor, a)]
            if shown and self.buttons:
                self.menu.addSeparator()
            for action in shown:
                act = self.menu.addAction(labels.action(action))
                act.triggered.connect(lambda _=False, a=action: self.run(a))
                act.setEnabled(False)
                self.buttons[action] = act
        self.more = QToolButton()
        self.more.setText(self.tr("更多操作"))
        self.more.setPopupMode(QToolButton.InstantPopup)
        self.more.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.more.setMenu(self.menu)
        self.more.setVisible(bool(self.buttons))
        self.no_action = QLabel(self.tr("当前角色只能查看此事件"))
        self.no_action.setStyleSheet("color: #666;")
        self.no_action.setVisible(not self.buttons)
        close = QPushButton(self.tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.primary)
        bar.addWidget(self.more)
        bar.addWidget(self.no_action)
        bar.addStretch(1)
        bar.addWidget(close)
        self.primary.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addLayout(bar)
        self.reload()

    def done(self, result: int) -> None:
        ui_state.save_geometry(self, "event_dialog")
        super().done(result)

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
        urgent_word = self.tr("紧急")
        urgent = f" <span style='color:white;background:#d35400'>&nbsp;{urgent_word}&nbsp;</span>" if r.urgent else ""
        parts = [f"<b>{escape(labels.status(r.status))}</b>"]
        if labels.deadline(state):
            parts.append(f"<span style='color:{colour}'>{escape(labels.deadline(state))}</span>")
        reported_word = self.tr("上报")
        parts.append(escape(f"{reported_word} {format_local(r.reported_at)} · {labels.source(r.source)}"))
        self.heading.setText(f"<h3>#{r.id} {escape(r.title)}{urgent}</h3>" + " · ".join(parts))
        f = self.fields
        f["kind"].setText(labels.kind(r.kind, r.sub_kind) + (self.tr("（涉警）") if r.police else self.tr("（非警务）")))
        f["place"].setText(" · ".join(x for x in (r.community_name, r.grid_name, r.address) if x))
        self._show_reporter(d)
        f["deadline"].setText(labels.time_left(r, now) if now and r.red_at else "")
        f["handler"].setText(" / ".join(x for x in (r.claimed_name, r.department_name, r.assignee_name) if x))
        f["ladder"].setText(labels.ladder(r.ladder_level) + (
            (self.tr("，时限 ") + format_local(r.ladder_due_at)) if r.ladder_due_at else ""))
        f["mediation"].setText("；".join(
            f"{labels.ladder(m.level)} {labels.outcome(m.outcome)}"
            + (f"（1+1+N：{'、'.join(n for n, _ in m.participants)}）" if m.joint else "") for m in d.mediations))
        review_word = self.tr("复核")
        f["record"].setText(f"{r.on_record_reason}（{review_word} {format_local(r.on_record_until)[:10]}）"
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
        self.tabs.setTabText(self.tabs.indexOf(self.attachments),  # a department's photo is seen without a click
                             self.tr("附件") + (f" ({len(d.attachments)})" if d.attachments else ""))
        dispute = r.kind == "dispute"
        for key in self.fields:
            empty = not self.fields[key].text() and key != "description"
            self.info.setRowVisible(self.field_rows[key], not empty and (dispute or key not in DISPUTE_FIELDS))
        self._show_actions(r)

    def _show_actions(self, r) -> None:
        for action, state in rules.states(self.actor, r).items():
            act = self.buttons.get(action)
            if act is None:
                continue
            act.setText(rules.title(action, r))
            act.setEnabled(state.enabled)
            act.setToolTip(state.reason)
        self._primary_action = rules.next_step(self.actor, r)
        if self._primary_action is not None:
            self.primary.setText(rules.title(self._primary_action, r))
        self.primary.setVisible(self._primary_action is not None)

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
