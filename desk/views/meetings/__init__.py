"""The meeting routine screens: the page (meetings, due and missed, action items, trainings/patrols/drills,
compliance), the minutes editor, and the status-bar reminder of items falling due."""
from desk.views.meetings.editor import MinutesDialog
from desk.views.meetings.page import MeetingsPage
from desk.views.meetings.reminder import ItemReminder, install_item_reminder

__all__ = ["ItemReminder", "MeetingsPage", "MinutesDialog", "install_item_reminder"]
