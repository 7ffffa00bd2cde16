"""The live incident board (issue 3): page, table model and filters, event dialog, quick entry."""
from desk.views.board.page import BoardPage

__all__ = ["BoardPage"]
