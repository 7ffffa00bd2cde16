"""The 报表简报 page (briefing sheets: preview, print, save; the history of issued sheets)."""
from desk.views.reports.page import ReportsPage

__all__ = ["ReportsPage"]
