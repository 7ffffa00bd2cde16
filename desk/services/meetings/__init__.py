"""The meeting routine (issue 12): 日见面、周研判、月讲评 and joint consultations, their minutes and the
action items their decisions produce, trainings, skill tests, patrols and drills.

Split by job: codes, rows (what screens get), minutes (record and edit), items (督办事项, carry-over),
agenda (pre-fill from the figures layer), rhythm (due, missed, compliance), routine (trainings ...),
printing (minutes and sign-in sheet as Sheets for desk.reports)."""
from desk.services.meetings.items import (
    IllegalMove, ItemDraft, Reminder, add_item, item_history, items, items_table, may_update, move_item,
    owner_choices, reassign, reminder,
)
from desk.services.meetings.minutes import (
    EditorChoices, MeetingDraft, StaffChoice, editor_choices, get_meeting, linked_event, list_meetings, save_meeting,
    staff_choices,
)
from desk.services.meetings.rows import AgendaLine, AttendeeRow, ItemRow, MeetingDetail, MeetingRow

__all__ = [
    "AgendaLine", "AttendeeRow", "EditorChoices", "IllegalMove", "editor_choices", "linked_event", "ItemDraft", "ItemRow", "MeetingDetail", "MeetingDraft", "MeetingRow",
    "Reminder", "StaffChoice", "add_item", "get_meeting", "item_history", "items", "items_table", "list_meetings",
    "may_update", "move_item", "owner_choices", "reassign", "reminder", "save_meeting", "staff_choices",
]
