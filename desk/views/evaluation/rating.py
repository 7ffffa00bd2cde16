"""The rating form of one person (a community officer, an auxiliary officer or a grid leader): whom
they may rate this month (decided by the service), a score 0–100 on each of the four criteria, a comment."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from desk.services.evaluation.codes import CRITERIA


def tr(text: str) -> str:
    return QCoreApplication.translate("Evaluation", text)


class RatingForm(QWidget):
    save_requested = Signal(int, dict, str)   # subject staff id, {criterion: score}, comment

    def __init__(self, parent=None):
        super().__init__(parent)
        self.subjects = []
        self.subject = QComboBox()
        self.scores: dict[str, QSpinBox] = {}
        self.labels: list[QLabel] = [QLabel() for _ in range(4)]
        self.spins = [QSpinBox() for _ in range(4)]
        for spin in self.spins:
            spin.setRange(0, 100)
            spin.setValue(80)
            spin.setSuffix(tr(" 分"))
        self.comment = QLineEdit()
        self.comment.setMaxLength(2000)
        self.comment.setPlaceholderText(tr("评语（可选）：具体事例、改进建议"))
        self.save = QPushButton(tr("提交评价"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("评价对象"), self.subject)
        for label, spin in zip(self.labels, self.spins):
            form.addRow(label, spin)
        form.addRow(tr("评语"), self.comment)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.save)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.save.clicked.connect(self._save)
        self.set_subjects([])

    def set_subjects(self, subjects) -> None:
        self.subjects = list(subjects)
        self.subject.blockSignals(True)
        self.subject.clear()
        for x in self.subjects:
            kind = tr("网格长") if x.kind == "grid_leader" else tr("民辅警")
            self.subject.addItem(f"{x.name}（{kind}，{'、'.join(x.grids)}）", x.staff_id)
        self.subject.blockSignals(False)
        has = bool(self.subjects)
        self.hint.setText(tr("民警、辅警评价本警格网格长；网格长评价联系本网格的民警、辅警。每月一次，可修改。")
                          if has else tr("当前账户没有可评价的对象（仅社区民警、辅警与网格长参与互评）。"))
        for w in (self.subject, self.comment, self.save, *self.spins):
            w.setEnabled(has)
        self._subject_changed()

    def _subject_changed(self, *_args) -> None:
        i = self.subject.currentIndex()
        kind = self.subjects[i].kind if 0 <= i < len(self.subjects) else "grid_leader"
        self.criteria = list(CRITERIA[kind])
        for label, code in zip(self.labels, self.criteria):
            label.setText(tr(CRITERIA[kind][code]))

    def _save(self) -> None:
        sid = self.subject.currentData()
        if sid is None:
            return
        scores = {code: spin.value() for code, spin in zip(self.criteria, self.spins)}
        self.save_requested.emit(int(sid), scores, self.comment.text())
