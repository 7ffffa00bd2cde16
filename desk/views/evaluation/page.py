"""The 评价奖惩 page: each month police and grid leaders rate each other (the rating form, for those who
take part), and leaders see the ranking of grids and officers that combines the ratings with the data,
open the month, choose the model grids; the system administrator sets the weight. What is offered
follows the permission table; the services check it again and audit every change."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMessageBox, QPushButton,
                               QTableView, QTabWidget, QVBoxLayout)

from desk.clock import LOCAL_TZ
from desk.services import evaluation as ev
from desk.services.evaluation.months import default_month, offered_months
from desk.services.permissions import allowed
from desk.services.topics import concerns
from desk.views.dashboard.table_model import FigureTableModel
from desk.views.evaluation.rating import RatingForm
from desk.views.pages import Page
from desk.views.table_export import install_table_export


def tr(text: str) -> str:
    return QCoreApplication.translate("Evaluation", text)


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.setSelectionMode(QTableView.SingleSelection)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setStretchLastSection(False)  # columns fit their values; the short 评选 mark is not stretched
    return view


class EvaluationPage(Page):
    key = "evaluation"

    def __init__(self, backend, parent=None):
        super().__init__(parent)
        self.backend = backend
        actor = backend.ctx.actor
        self.can = {p: allowed(actor, f"evaluation.{p}") for p in ("read", "open", "rate", "weights", "award")}
        self.ranking = None
        self.loaded = False
        today = backend.ctx.clock.now().astimezone(LOCAL_TZ).date()
        self.month = QComboBox()
        for m in offered_months(today):
            self.month.addItem(m, m)
        self.month_chosen = False  # until the first read: the month with ratings or data (default_month)
        self.state = QLabel()
        self.open_button = QPushButton(tr("开启该月互评"))
        self.weights_button = QPushButton(tr("设置权重…"))
        self.award_button = QPushButton(tr("评选示范网格…"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("月份")))
        bar.addWidget(self.month)
        bar.addWidget(self.state, 1)
        for b, p in ((self.open_button, "open"), (self.weights_button, "weights"), (self.award_button, "award")):
            b.setVisible(self.can[p])
            bar.addWidget(b)
        self.tabs = QTabWidget()
        self.grid_model = FigureTableModel(self)
        self.officer_model = FigureTableModel(self)
        self.grid_view = _table(self.grid_model)
        self.officer_view = _table(self.officer_model)
        self.form = RatingForm()
        if self.can["rate"]:
            self.tabs.addTab(self.form, tr("我的互评"))
        if self.can["read"]:
            self.tabs.addTab(self.grid_view, tr("网格排名"))
            self.tabs.addTab(self.officer_view, tr("民辅警排名"))
            install_table_export(self.grid_view, backend, tr("网格评价排名"))
            install_table_export(self.officer_view, backend, tr("民辅警评价排名"))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notes)
        self.month.currentIndexChanged.connect(self._month_chosen)
        self.open_button.clicked.connect(self.open_month)
        self.weights_button.clicked.connect(self.set_weights)
        self.award_button.clicked.connect(self.choose_model_grid)
        self.form.save_requested.connect(self.save_rating)

    def title(self) -> str:
        return QCoreApplication.translate("Navigation", "评价奖惩")

    def activate(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.reload()

    def on_changes(self, changes) -> None:
        if self.loaded and concerns(changes, "evaluation"):
            self.reload()

    def _month_chosen(self, _index: int) -> None:
        self.month_chosen = True
        self.reload()

    def current_month(self) -> str:
        return self.month.currentData()

    def reload(self) -> None:
        month, can = (self.current_month() if self.month_chosen else None), dict(self.can)

        def read(c):
            m = month or default_month(c)
            return (m, ev.round_of(c, m) if can["read"] else None, ev.ranking(c, m) if can["read"] else None,
                    ev.my_subjects(c) if can["rate"] else [])

        self.read_once("evaluation", read, self.show_data)

    def show_data(self, data) -> None:
        month, rnd, ranking, subjects = data
        if not self.month_chosen:
            self.month_chosen = True
            at = self.month.findData(month)
            if at >= 0 and at != self.month.currentIndex():
                self.month.blockSignals(True)
                self.month.setCurrentIndex(at)
                self.month.blockSignals(False)
        elif month != self.current_month():
            return  # another month was chosen meanwhile: its own read follows
        self.open_button.setText(tr("开启 {month} 互评").format(month=month))
        self.ranking = ranking
        if ranking is not None:
            self.grid_model.set_table(ranking.grids)
            self.officer_model.set_table(ranking.officers)
            self.notes.setText("\n".join((*ranking.grids.notes, *ranking.officers.notes[1:])))
        if self.can["rate"]:
            self.form.set_subjects(subjects)
        if self.can["read"]:
            self.state.setText(tr("未开启互评") if rnd is None else
                               f"{tr(rnd.state_name)}　{tr('互评')} {rnd.peer_weight}% + {tr('数据')} "
                               f"{100 - rnd.peer_weight}%　{tr('已评')} {rnd.ratings} {tr('项')}")
            self.open_button.setEnabled(rnd is None)
            self.weights_button.setEnabled(rnd is not None)
            self.award_button.setEnabled(rnd is not None)

    # --- actions (each checked and audited in the service) ---
    def _write(self, fn, done_text: str) -> None:
        def ok(_value):
            self.form.message.setText(done_text)
            win = self.window()  # the rating form is not there for every role: the status bar says it too
            if hasattr(win, "statusBar"):
                win.statusBar().showMessage(done_text, 10000)
            self.reload()

        def failed(exc):
            QMessageBox.warning(self, tr("评价奖惩"), str(exc))
            self.form.message.setText(str(exc).splitlines()[0])

        self.backend.write(fn, ok, failed)

    def open_month(self) -> None:
        month = self.current_month()
        self._write(lambda c: ev.open_round(c, month), tr("已开启互评。"))

    def set_weights(self) -> None:
        month = self.current_month()
        value, ok = QInputDialog.getInt(self, tr("设置权重"), tr("互评得分所占百分比（其余为数据得分）："), 60, 0, 100)
        if ok:
            self._write(lambda c: ev.set_weights(c, month, value), tr("权重已设置。"))

    def choose_model_grid(self) -> None:
        rows = self.grid_view.selectionModel().selectedRows() if self.grid_view.selectionModel() else []
        if not rows or self.ranking is None:
            QMessageBox.information(self, tr("评选示范网格"), tr("请先在网格排名中选中一个网格。"))
            return
        row = rows[0].row()
        grid_id, name, month = self.ranking.grid_ids[row], self.ranking.grids.rows[row][1], self.current_month()
        reason, ok = QInputDialog.getText(self, tr("评选示范网格"), tr("评选 {name} 为示范网格的理由：").format(name=name))
        if ok:
            self._write(lambda c: ev.choose_model_grid(c, month, grid_id, reason), tr("已评选示范网格。"))

    def save_rating(self, subject_id: int, scores: dict, comment: str) -> None:
        month = self.current_month()
        self._write(lambda c: ev.rate(c, month, subject_id, scores, comment), tr("评价已保存。"))
