"""The grid's profile beside the map: who looks after it, how big it is against the standard,
its joint-defence points; and its open/overdue events and last visits, which the board and
registry areas fill (``set_events_html``, ``set_visits_html``)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desk.views import labels
from desk.views.map.style import SIZE_COLOURS

RUN_BY = {"volunteers": "志愿者", "property": "物业", "security": "保安"}


class GridProfilePanel(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(280)
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.head = QLabel()
        self.head.setTextFormat(Qt.RichText)
        self.head.setWordWrap(True)
        self.details = QLabel()
        self.details.setTextFormat(Qt.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.events_title = QLabel("<b>" + self.tr("未办结 / 超时事件") + "</b>")
        self.events_box = QLabel("—")
        self.events_box.setObjectName("open_events")
        self.visits_title = QLabel("<b>" + self.tr("最近走访") + "</b>")
        self.visits_box = QLabel("—")
        self.visits_box.setObjectName("last_visits")
        for w in (self.events_box, self.visits_box):
            w.setWordWrap(True)
            w.setTextFormat(Qt.RichText)
            w.setStyleSheet("color: #666;")
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        for w in (self.head, self.details, line, self.events_title, self.events_box, self.visits_title,
                  self.visits_box):
            self.layout_.addWidget(w)
        self.layout_.addStretch(1)
        self.setWidget(body)
        self.grid_id: int | None = None
        self.show_hint()

    def show_hint(self) -> None:
        self.grid_id = None
        self.head.setText("<h3>" + self.tr("网格档案") + "</h3>")
        self.details.setText(self.tr("点击地图上的网格，或在组织架构中选择网格，查看其档案。"))

    def show_loading(self, grid_id: int) -> None:
        self.grid_id = grid_id
        self.details.setText(self.tr("正在读取…"))

    def show_error(self, message: str) -> None:
        self.details.setText(f'<span style="color:#b71c1c">{escape(message)}</span>')

    def show_profile(self, p) -> None:
        self.grid_id = p.id
        colour = SIZE_COLOURS.get(p.size_status, "#999")
        status = labels.size_name(p.size_status)
        kind = labels.kind_name(p.kind) + (f" · {escape(labels.dedicated_type_name(p.dedicated_type))}" if p.dedicated_type else "")
        self.head.setText(f"<h3 style='margin-bottom:2px'>{escape(p.name)}</h3>"
                          f"<span style='color:#555'>{escape(p.community_name)} · {kind} · {escape(p.code)}</span>")
        t = self.tr
        rows = [
            (t("网格长"), escape(p.leader) or "—"),
            (t("网格员"), "<br>".join(f"{escape(w.name)} <span style='color:#777'>{labels.role_name(w.role)}</span>"
                                      for w in p.workers) or "—"),
            (t("民警/辅警"), "<br>".join(f"{escape(w.name)} <span style='color:#777'>{labels.role_name(w.role)}</span>"
                                       for w in p.police) or "—"),
            (t("警务区"), "<br>".join(escape(b) for b in p.beats) or "—"),
            (t("户数"), f"<b>{p.households}</b> <span style='color:#777'>({t('标准')} "
                        f"{p.standard_households[0]}–{p.standard_households[1]})</span>"),
            (t("人口"), f"<b>{p.population}</b> <span style='color:#777'>({t('约')} 1000)</span>"),
            (t("规模"), f"<span style='background:{colour};padding:1px 8px;border-radius:3px'>{status}</span>"),
            (t("登记住户"), str(p.registered_households)),
            (t("联防点"), "<br>".join(f"{escape(d.name)} <span style='color:#777'>{RUN_BY.get(d.run_by, d.run_by)}"
                                      f"{' · ' + escape(d.contact_name) if d.contact_name else ''}</span>"
                                      for d in p.defence_points) or "—"),
        ]
        self.details.setText("<table cellspacing='0' cellpadding='3'>" + "".join(
            f"<tr><td style='color:#555;white-space:nowrap' valign='top'>{k}</td><td>{v}</td></tr>" for k, v in rows)
            + "</table>")

    def show_marker(self, marker) -> None:
        self.grid_id = None
        self.head.setText("<h3>" + self.tr("事件") + f" {escape(str(marker.id))}</h3>")
        self.details.setText(escape(marker.label) + ("<br><b style='color:#8e0000'>" + self.tr("超时") + "</b>"
                                                     if marker.overdue else ""))

    def set_events_html(self, html: str) -> None:
        self.events_box.setText(html)

    def set_visits_html(self, html: str) -> None:
        self.visits_box.setText(html)
