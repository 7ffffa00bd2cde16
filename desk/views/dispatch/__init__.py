"""The dispatch screens: the page (inbox, supervision list, figures) and the dispatch dialog the
board opens with an event id (``open_dispatch_dialog(backend, event_id, parent)``)."""
from desk.views.dispatch.dialog import DispatchDialog, open_dispatch_dialog
from desk.views.dispatch.page import DispatchPage

__all__ = ["DispatchDialog", "DispatchPage", "open_dispatch_dialog"]
