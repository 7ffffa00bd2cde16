"""The event area (issue 3): lifecycle, deadlines, the dispute ladder, search, the WeChat helper.

Split by job: codes (state machine as data), report, lifecycle, deadlines, ladder, bulk, locate,
search/find, wechat, attachments, rows (what screens get)."""
from desk.services.incidents.attachments import (
    add_attachment, add_attachment_file, attachment_data, safe_filename, save_attachment,
)
from desk.services.incidents.choices import Choices, choices
from desk.services.incidents.bulk import RowResult, bulk_accept, bulk_assign, bulk_close_duplicate
from desk.services.incidents.deadlines import list_limits, set_limit
from desk.services.incidents.find import prefill_from_message, search_events
from desk.services.incidents.ladder import escalate_overdue, record_mediation
from desk.services.incidents.lifecycle import (
    IllegalTransition, assign, claim, put_on_record, set_urgent, transition, unclaim,
)
from desk.services.incidents.report import NewEvent, report_event
from desk.services.incidents.reporter import reporter_phone
from desk.services.incidents.rows import (
    EventDetail, EventRow, event_detail, event_row, notices, open_events,
)

BOARD_TABLES = ("event", "event_step", "event_attachment", "mediation", "board_notice", "deadline_limit")

__all__ = [
    "BOARD_TABLES", "Choices", "choices", "EventDetail", "EventRow", "IllegalTransition", "NewEvent", "RowResult", "add_attachment",
    "add_attachment_file", "reporter_phone", "save_attachment",
    "assign", "attachment_data", "bulk_accept", "bulk_assign", "bulk_close_duplicate", "claim",
    "escalate_overdue", "event_detail", "event_row", "list_limits", "notices", "open_events",
    "prefill_from_message", "put_on_record", "record_mediation", "report_event", "safe_filename",
    "search_events", "set_limit", "set_urgent", "transition", "unclaim",
]
