"""The big screen's 事件看板 panel: the live board for a projector, read-only and with nothing
personal on it. Counts of the open events (overdue, warned, urgent, escalated, today's new and
closed) and by status in the board's own words; the events that need attention — overdue, urgent,
escalated — and what falls due next, by number, kind, grid, how late and whose turn it is.

The rows come from the figures layer (``desk.services.figures.wall_board``), which hands over no
title, description, address, caller, phone or person's name; type scales with the panel's size."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desk.clock import format_local, local
from desk.services.figures.wall_board import WallBoard, WallEvent
from desk.services.incidents import codes
from desk.views.board import labels
from desk.views.dashboard.fit_table import fit_table
from desk.views.row_model import RowTableModel

RED, ORANGE, AMBER, BLUE, GREEN, GREY = "#c62828", "#e65100", "#b7791f", "#1a237e", "#2e7d32", "#666666"


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


class CountTile(QFrame):
    """A count on the wall: its name above, the number large below."""

    def __init__(self, name: str, colour: str = BLUE, parent=None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFrameShape(QFrame.StyledPanel)
        self.name = QLabel(name)
        self.value = QLabel("—")
        self.colour = colour
        for w in (self.name, self.value):
            w.setAlignment(Qt.AlignCenter)
        self.value.setStyleSheet(f"color: {colour};")
        layout = QVBoxLayout(self)
        layout.setSpacing(0)
        layout.addWidget(self.name)
        layout.addWidget(self.value)

    def set_value(self, n: int, quiet: bool = False) -> None:
        self.value.setText(str(n))
        self.value.setStyleSheet(f"color: {GREY if quiet else self.colour};")

    def set_scale(self, scale: float, value_px: int) -> None:
        for w, px, bold in ((self.name, 15, True), (self.value, value_px, True)):
            font = QFont(w.font())
            font.setPixelSize(max(10, round(px * scale)))
            font.setBold(bold)
            w.setFont(font)
        m = round(4 * scale)
        self.layout().setContentsMargins(m, m, m, m)


ATTENTION = ("id", "kind", "grid", "community", "status", "late", "next", "flags")
UPCOMING = ("id", "kind", "grid", "community", "status", "due", "next")


class WallEventModel(RowTableModel):
    """Open events as the wall lists them; times read against the moment the board was read."""

    def __init__(self, columns: tuple[str, ...], parent=None):
        heads = {"id": tr("编号"), "kind": tr("类型"), "grid": tr("网格"), "community": tr("社区"),
                 "status": tr("状态"), "late": tr("超时/期限"), "due": tr("到期"), "next": tr("待谁办"),
                 "flags": tr("标记")}
        super().__init__(tuple(heads[c] for c in columns), parent)
        self.columns = columns
        self.now = None

    def set_events(self, events: tuple[WallEvent, ...], now) -> None:
        self.now = now
        self.set_rows(events)

    def text(self, e: WallEvent, key: str) -> str:
        if key == "id":
            return str(e.id)
        if key == "kind":
            return labels.kind(e.kind, e.sub_kind)
        if key == "grid":
            return e.grid_name
        if key == "community":
            return e.community_name
        if key == "status":
            return labels.status(e.status)
        if key == "late":
            return _time_left(e, self.now)
        if key == "due":
            return _clock_time(e.due_at, self.now) + "  " + _time_left(e, self.now) if e.due_at else ""
        if key == "next":
            return labels.next_step(e, short=True)   # the grid is named in its own column
        if key == "flags":
            return "  ".join(f for f in (tr("紧急") if e.urgent else "", _ladder(e)) if f)
        return ""

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        e, key = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.DisplayRole:
            return self.text(e, key)
        if role == Qt.ForegroundRole:
            if key in ("late", "due") and e.overdue:
                return _RED
            if key == "flags" and e.urgent:
                return _ORANGE
        if role == Qt.TextAlignmentRole and key == "id":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


_RED, _ORANGE = QBrush(QColor(RED)), QBrush(QColor(ORANGE))


def _time_left(e: WallEvent, now) -> str:
    if e.on_record and not e.overdue:
        return labels.deadline("on_record")
    if e.due_at is None or now is None:
        return ""
    return labels.due_text(e.due_at, now, late=e.overdue)


def _clock_time(at, now) -> str:
    """17:10 today, 12-02 17:10 on another day."""
    text = format_local(at)
    return text[11:16] if now is not None and local(at).date() == local(now).date() else text[5:16]


def _ladder(e: WallEvent) -> str:
    return tr("升至") + labels.ladder(e.ladder_level) if e.escalated else ""


class WallBoardPanel(QWidget):
    """The panel the big screen rotates to; ``set_board`` with each read of the live board."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.board: WallBoard | None = None
        self.totals = {"open": CountTile(tr("未办结"), BLUE), "red": CountTile(tr("超时"), RED),
                       "yellow": CountTile(tr("黄牌预警"), AMBER), "urgent": CountTile(tr("紧急"), ORANGE),
                       "escalated": CountTile(tr("逐级上升"), RED), "today": CountTile(tr("今日上报"), BLUE),
                       "closed": CountTile(tr("今日办结"), GREEN)}
        self.statuses = {s: CountTile(labels.status(s), BLUE) for s in codes.OPEN_STATUSES}
        counts = QGridLayout()
        counts.setContentsMargins(0, 0, 0, 0)
        for i, tile in enumerate(self.totals.values()):
            counts.addWidget(tile, 0, i)
        self.status_caption = QLabel(tr("未办结事件按状态"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for tile in self.statuses.values():
            row.addWidget(tile, 1)
        self.attention_model = WallEventModel(ATTENTION, self)
        self.upcoming_model = WallEventModel(UPCOMING, self)
        self.attention_view = fit_table(self.attention_model, read_only_wall=True)
        self.upcoming_view = fit_table(self.upcoming_model, read_only_wall=True)
        for view in (self.attention_view, self.upcoming_view):
            view.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # nobody scrolls a wall: the caption says how many
        self.attention_caption = QLabel()
        self.upcoming_caption = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(counts)
        layout.addWidget(self.status_caption)
        layout.addLayout(row)
        # one list above the other, each the panel's width: long grid and department names never
        # push a column off a 1920 px screen; the next few due are enough below the ones late
        for caption, view, stretch in ((self.attention_caption, self.attention_view, 3),
                                       (self.upcoming_caption, self.upcoming_view, 2)):
            layout.addWidget(caption)
            layout.addWidget(view, stretch)
        self.scale = 0.0
        self._captions()

    def set_board(self, board: WallBoard) -> None:
        self.board = board
        c = board.counts
        per = dict(c.per_status)
        for key, n in (("open", c.open), ("red", c.red), ("yellow", c.yellow), ("urgent", c.urgent),
                       ("escalated", board.escalated), ("today", board.reported_today), ("closed", board.closed_today)):
            self.totals[key].set_value(n, quiet=key in ("red", "yellow", "urgent", "escalated") and not n)
        for s, tile in self.statuses.items():
            tile.set_value(per.get(s, 0), quiet=not per.get(s, 0))
        self.attention_model.set_events(board.attention, board.generated_at)
        self.upcoming_model.set_events(board.next_due, board.generated_at)
        self._captions()

    def _captions(self) -> None:
        b = self.board
        self.attention_caption.setText(tr("需关注事件（超时、紧急、逐级上升）") + (
            tr("  共 %1 件").replace("%1", str(b.attention_total)) if b else ""))
        self.upcoming_caption.setText(tr("即将到期") + (
            tr("  共 %1 件").replace("%1", str(b.next_due_total)) if b else ""))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        size = event.size()
        scale = max(0.85, min(size.width() / 1500, size.height() / 820, 4.0))
        if abs(scale - self.scale) > 0.05:
            self.set_scale(scale)

    def set_scale(self, scale: float) -> None:
        """The same steps as the dashboard's panels on the wall (DashboardView.set_scale)."""
        self.scale = scale
        for tile in self.totals.values():
            tile.set_scale(scale * 1.25, 40)
        for tile in self.statuses.values():
            tile.set_scale(scale, 26)
        px = max(12, round(14 * scale * 1.25))
        style = (f"QTableView {{ font-size: {px}px; }} "
                 f"QHeaderView::section {{ font-size: {px}px; font-weight: bold; padding: {round(2 * scale)}px; }}")
        for view in (self.attention_view, self.upcoming_view):
            view.setStyleSheet(style)
            view.verticalHeader().setDefaultSectionSize(round(px * 1.8))
            view.updateGeometry()
        caption = f"font-size: {max(12, round(15 * scale * 1.3))}px; font-weight: bold;"
        for label in (self.status_caption, self.attention_caption, self.upcoming_caption):
            label.setStyleSheet(caption)
