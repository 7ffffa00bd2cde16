"""The dispatch page (派单处置): a department's inbox (what a liaison sees: only their department's
cases, with accept / return / feedback), the supervision list for leaders (overdue and returned
cases: urge, supervise, instruct, expedite, re-route, decide extensions) and the figures."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QInputDialog, QLabel, QMessageBox, QTabWidget, QVBoxLayout,
)

from desk.clock import format_local
from desk.services import dispatch as dsp
from desk.services.dispatch.codes import OPEN_STATES, SATISFACTION, STATES, SUPERVISION, VERIFY_OUTCOMES
from desk.services.errors import DeskError
from desk.services.permissions import allowed
from desk.services.topics import concerns
from desk.views.code_words import dispatch_word, kind_text
from desk.views.dispatch.dialog import open_dispatch_dialog
from desk.views.dispatch.matters import MattersTab
from desk.views.dispatch.case_list import STATE_NEEDED, CaseList, fit_columns
from desk.views.dispatch.figures_tab import FiguresTab
from desk.views.pages import Page

class DispatchPage(Page):
    key = "dispatch"

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.actor = backend.ctx.actor
        self._loaded = False
        can = lambda p: allowed(self.actor, p)  # noqa: E731
        self.inbox = CaseList(self, [
            ("accept", self.tr("签收"), self.accept), ("return", self.tr("退单"), self.return_case),
            ("feedback", self.tr("反馈"), self.feedback), ("extend", self.tr("申请延期"), self.ask_extension),
            ("verify", self.tr("核查"), self.verify), ("close", self.tr("办结"), self.close_case),
            ("call_back", self.tr("回访"), self.call_back)])
        self.department = QComboBox()
        self.include_done = QCheckBox(self.tr("含已办结"))
        self.include_done.toggled.connect(self.reload)
        self.inbox.top.addWidget(QLabel(self.tr("部门")))
        self.inbox.top.addWidget(self.department)
        self.inbox.top.addWidget(self.include_done)
        self.inbox.top.addStretch(1)
        self.department.currentIndexChanged.connect(self._department_changed)
        self.watch = CaseList(self, [
            ("urge", self.tr("催办"), self.urge), ("supervise", self.tr("督办"), self.supervise),
            ("instruct", self.tr("领导批示"), self.instruct), ("expedite", self.tr("加急"), self.expedite),
            ("reroute", self.tr("改派"), self.reroute), ("decide", self.tr("审批延期"), self.decide_extension)])
        self.watch.top.addWidget(QLabel(self.tr("超时未签收、超过办理时限和已退单待改派的案件")))
        self.watch.top.addStretch(1)
        self.figures_view = FiguresTab(backend)
        self.figure_model = self.figures_view.model
        self.tabs = QTabWidget()
        # What a person sees follows the permission table: the supervision list for those who urge,
        # supervise, re-route or decide extensions; the figures for those allowed them.
        self.can_watch = any(can(p) for p in ("dispatch.urge", "dispatch.supervise", "dispatch.expedite",
                                                   "dispatch.extend", "dispatch.send"))
        self.can_figures = can("dispatch.figures")
        self.tabs.addTab(self.inbox, self.tr("部门收件箱"))
        if self.can_watch:
            self.tabs.addTab(self.watch, self.tr("督办清单"))
        if self.can_figures:
            self.tabs.addTab(self.figures_view, self.tr("指标"))
        self.matters = MattersTab(backend)
        self.tabs.addTab(self.matters, self.tr("事项清单"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for key, perm in (("accept", "dispatch.handle"), ("return", "dispatch.handle"), ("feedback", "dispatch.handle"),
                          ("extend", "dispatch.handle"), ("verify", "dispatch.verify"), ("close", "dispatch.send"),
                          ("call_back", "dispatch.send")):
            self.inbox.buttons[key].setVisible(can(perm))
        for key, perm in (("urge", "dispatch.urge"), ("supervise", "dispatch.supervise"),
                          ("instruct", "dispatch.supervise"), ("expedite", "dispatch.expedite"),
                          ("reroute", "dispatch.send"), ("decide", "dispatch.extend")):
            self.watch.buttons[key].setVisible(can(perm))
        if self.can_watch and not can("dispatch.handle"):
            self.tabs.setCurrentWidget(self.watch)  # leaders work in the supervision list

    def title(self) -> str:
        return self.tr("派单处置")

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.backend.read(lambda c: dsp.dispatch_choices_departments(c), self._fill_departments, self._failed)
            self.reload()
            if self.can_figures:
                self.load_figures()
            self.matters.reload()

    def on_changes(self, changes) -> None:
        if self._loaded and concerns(changes, "dispatch"):
            self.reload()
        if self._loaded and concerns(changes, "matters"):
            self.matters.reload()

    # --- loading ---
    def _fill_departments(self, deps) -> None:
        self.department.blockSignals(True)
        self.department.clear()
        if self.actor.department_id is not None and not allowed(self.actor, "dispatch.send"):
            name = next((s for i, s in deps if i == self.actor.department_id), "")
            self.department.addItem(name, self.actor.department_id)
            self.department.setEnabled(False)
        else:
            self.department.addItem(self.tr("全部部门"), None)
            for i, short in deps:
                self.department.addItem(short, i)
        self.department.blockSignals(False)

    def _department_changed(self) -> None:
        self.reload()

    def reload(self) -> None:
        dep, done = self.department.currentData(), self.include_done.isChecked()
        # 含已办结 unticked: the cases still open only; ticked: the department's closed and re-routed ones too.
        self.read_once("inbox", lambda c: dsp.inbox(c, dep, include_done=done),
                          lambda rows: self._set(self.inbox, rows if done else
                                                 tuple(r for r in rows if r.state in OPEN_STATES)),
                          self._failed)
        if self.can_watch:
            self.read_once("watch", dsp.supervision_list, lambda rows: self._set(self.watch, rows), self._failed)

    def _set(self, lst: CaseList, rows) -> None:
        keep = lst.current()
        lst.model.set_rows(rows)
        fit_columns(lst.table, 1)
        if keep is not None:
            for r, c in enumerate(rows):
                if c.dispatch_id == keep.dispatch_id:
                    lst.table.selectRow(r)
                    break
        elif rows:
            lst.table.selectRow(0)
        self.show_detail(lst)

    def load_figures(self) -> None:
        self.figures_view.load()

    def _failed(self, exc: Exception) -> None:
        self.inbox.detail.setPlainText(self.tr("无法读取：") + str(exc))

    def _enable_for(self, lst: CaseList, c) -> None:
        for key, button in lst.buttons.items():
            states = STATE_NEEDED.get(key)
            if key == "decide":
                ok = c is not None and bool(c.pending_extension)
                button.setEnabled(ok)
                button.setToolTip("" if ok else self.tr("所选案件没有待审批的延期申请"))
                continue
            ok = c is not None and (states is None or c.state in states)
            button.setEnabled(ok)
            if c is None:
                button.setToolTip(self.tr("请先选择一个案件"))
            elif not ok:
                button.setToolTip(self.tr("案件当前为「%1」，可在以下状态操作：%2")
                                  .replace("%1", dispatch_word(c.state_text))
                                  .replace("%2", "、".join(dispatch_word(STATES[s]) for s in states)))
            else:
                button.setToolTip("")

    def show_detail(self, lst: CaseList) -> None:
        c = lst.current()
        self._enable_for(lst, c)
        if c is None:
            lst.detail.setHtml("")
            return
        key = "detail-inbox" if lst is self.inbox else "detail-watch"
        self.read_once(key, lambda ctx: dsp.case_detail(ctx, c.dispatch_id), lambda d: self._detail(lst, d),
                       lambda exc: lst.detail.setPlainText(str(exc)))

    def _detail(self, lst: CaseList, d) -> None:
        """The case's record as rich text; everything people typed is escaped."""
        c = d.case
        e_ = escape
        where = " · ".join(e_(x) for x in (kind_text(c.kind_text), c.grid_name, d.address) if x)
        lead, assist, due = self.tr("承办"), self.tr("协办"), self.tr("办理时限")
        basis, asked = self.tr("派单依据"), self.tr("办理要求")
        with_files = self.tr("（附件 %1 个，见事件的「附件」）")
        head = (f"<h3>#{c.event_id} {e_(c.title)}</h3><p>{where}<br>"
                f"{e_(lead)}：<b>{e_(c.department)}</b>"
                + (f" · {e_(assist)}：{e_('、'.join(c.assist))}" if c.assist else "")
                + f" · {e_(due)}：{format_local(c.deadline_at)}</p>")
        if d.routing_reason:
            head += f"<p style='color:#2e6da4'>{e_(basis)}：{e_(d.routing_reason)}</p>"
        if d.instructions:
            head += f"<p>{e_(asked)}：{e_(d.instructions)}</p>"
        rows = "".join(f"<tr><td>{format_local(x.at)}</td><td>{e_(dispatch_word(x.kind_text))}"
                       + (e_(self.tr("（第%1次）").replace("%1", str(x.round))) if x.kind == "feedback" and x.round else "")
                       + f"</td><td>{e_(x.department)}</td><td>{e_(x.actor_name)}</td><td>{e_(x.text)}"
                       + (f" <b>{e_(with_files.replace('%1', str(len(x.attachments))))}</b>" if x.attachments else "")
                       + "</td></tr>"
                       for x in d.entries)
        lst.detail.setHtml(head + f"<table cellspacing=4>{rows}</table>")

    # --- actions ---
    def _run(self, fn) -> None:
        """The write's change records reload the lists through the bus (once), not here too."""
        self.backend.write(fn, None, self._refused)

    def _refused(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("未完成"), str(exc) if isinstance(exc, DeskError) else repr(exc))

    def _case(self, lst: CaseList):
        c = lst.current()
        if c is None:
            QMessageBox.information(self, self.tr("派单处置"), self.tr("请先选择一个案件"))
        return c

    def _ask(self, title: str, label: str, required: bool = True) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, title, label)
        if not ok or (required and not text.strip()):
            return None
        return text.strip()

    def accept(self) -> None:
        if c := self._case(self.inbox):
            self._run(lambda ctx: dsp.accept(ctx, c.dispatch_id))

    def return_case(self, reason: str | None = None) -> None:
        if (c := self._case(self.inbox)) and (reason := reason or self._ask(self.tr("退单"), self.tr("退单原因（必填）"))):
            self._run(lambda ctx: dsp.return_case(ctx, c.dispatch_id, reason))

    def feedback(self, text: str | None = None, files: list | None = None) -> None:
        c = self._case(self.inbox)
        if c is None:
            return
        if text is None:
            text = self._ask(self.tr("反馈"), self.tr("办理情况"))
            if text is None:
                return
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("附件（可选）"))
            files = []
            for p in paths:
                with open(p, "rb") as fh:
                    files.append((p.replace("\\", "/").rsplit("/", 1)[-1], fh.read()))
        self._run(lambda ctx: dsp.feedback(ctx, c.dispatch_id, text, files or []))

    def ask_extension(self) -> None:
        c = self._case(self.inbox)
        if c is None:
            return
        hours, ok = QInputDialog.getInt(self, self.tr("申请延期"), self.tr("延长小时数"), 24, 1, 720)
        if ok and (reason := self._ask(self.tr("申请延期"), self.tr("延期理由"))):
            self._run(lambda ctx: dsp.request_extension(ctx, c.dispatch_id, hours, reason))

    def verify(self) -> None:
        c = self._case(self.inbox)
        if c is None:
            return
        names = [dispatch_word(v) for v in VERIFY_OUTCOMES.values()]
        choice, ok = QInputDialog.getItem(self, self.tr("核查"), self.tr("核查结果"), names, 0, False)
        if not ok:
            return
        outcome = list(VERIFY_OUTCOMES)[names.index(choice)]
        note = self._ask(self.tr("核查"), self.tr("现场情况"), required=outcome != "passed")
        if outcome == "passed" or note:
            self._run(lambda ctx: dsp.verify(ctx, c.dispatch_id, outcome, note or ""))

    def close_case(self) -> None:
        if c := self._case(self.inbox):
            self._run(lambda ctx: dsp.close(ctx, c.dispatch_id))

    def call_back(self) -> None:
        c = self._case(self.inbox)
        if c is None:
            return
        names = [dispatch_word(v) for v in SATISFACTION.values()]
        choice, ok = QInputDialog.getItem(self, self.tr("回访"), self.tr("群众满意度"), names, 0, False)
        if not ok:
            return
        sat = list(SATISFACTION)[names.index(choice)]
        reopen = sat == "unsatisfied" and QMessageBox.question(
            self, self.tr("回访"), self.tr("群众不满意：是否退回部门重新办理？")) == QMessageBox.Yes
        note = self._ask(self.tr("回访"), self.tr("回访记录"), required=reopen) or ""
        self._run(lambda ctx: dsp.call_back(ctx, c.dispatch_id, sat, note, reopen=reopen))

    def urge(self) -> None:
        if c := self._case(self.watch):
            self._run(lambda ctx: dsp.urge(ctx, c.dispatch_id))

    def supervise(self) -> None:
        c = self._case(self.watch)
        if c is None:
            return
        names = [dispatch_word(v) for v in SUPERVISION.values()]
        choice, ok = QInputDialog.getItem(self, self.tr("督办"), self.tr("督办级别"), names, 0, False)
        if ok and (text := self._ask(self.tr("督办"), self.tr("督办要求"))):
            level = names.index(choice) + 1
            self._run(lambda ctx: dsp.supervise(ctx, c.dispatch_id, level, text))

    def instruct(self) -> None:
        if (c := self._case(self.watch)) and (text := self._ask(self.tr("领导批示"), self.tr("批示内容"))):
            self._run(lambda ctx: dsp.instruct(ctx, c.dispatch_id, text))

    def expedite(self) -> None:
        if c := self._case(self.watch):
            self._run(lambda ctx: dsp.expedite(ctx, c.dispatch_id))

    def reroute(self) -> None:
        if c := self._case(self.watch):
            open_dispatch_dialog(self.backend, c.event_id, self, reroute_id=c.dispatch_id)

    def decide_extension(self) -> None:
        c = self._case(self.watch)
        if c is None:
            return
        if not c.pending_extension:
            QMessageBox.information(self, self.tr("审批延期"), self.tr("该案件没有待审批的延期申请"))
            return
        approve = self.ask_approval(self.tr("审批延期"), self.tr("是否批准该延期申请？"))
        if approve is not None:
            xid = c.pending_extension
            self._run(lambda ctx: dsp.decide_extension(ctx, xid, approve))

    def ask_approval(self, title: str, question: str) -> bool | None:
        """批准 / 不批准 / 取消 in words, not Yes/No: True, False, or None when cancelled."""
        box = QMessageBox(QMessageBox.Question, title, question, QMessageBox.NoButton, self)
        yes = box.addButton(self.tr("批准"), QMessageBox.AcceptRole)
        no = box.addButton(self.tr("不批准"), QMessageBox.RejectRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(yes)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is yes else False if clicked is no else None
