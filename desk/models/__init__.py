"""SQLAlchemy models, one module per area. Importing this package registers every table."""
from desk.models.audit import AuditHead, AuditRecord, ChangeRecord
from desk.models.base import Base, utcnow
from desk.models.dispatch import Dispatch, DispatchEntry, DispatchParty, Extension, Matter
from desk.models.meetings import (
    ActionItem, ActionItemLink, ActionItemStep, Meeting, MeetingAgendaLine, MeetingAttendee, RoutineRecord,
)
from desk.models.evaluation import EvaluationRating, EvaluationRound, ModelGrid
from desk.models.incidents import BoardNotice, DeadlineLimit, Event, EventAttachment, EventStep, Mediation
from desk.models.org import (
    Community, CommunityKind, Department, Grid, GridKind, JointDefencePoint, PoliceBeat,
    StaffRole, Staff, Street, beat_grid, grid_member,
)
from desk.models.registry import CareLevel, Household, House, OrgUnit, Person, SpecialCare, StdAddress, Visit
from desk.models.reports import ReportIssue
from desk.models.security import AppSetting, PasswordHistory
from desk.models.users import Role, UserAccount

__all__ = [
    "ActionItem", "ActionItemLink", "ActionItemStep", "Meeting", "MeetingAgendaLine", "MeetingAttendee",
    "RoutineRecord",
    "AppSetting", "AuditHead", "AuditRecord", "Base", "BoardNotice", "ChangeRecord", "Community", "CommunityKind",
    "DeadlineLimit", "Department", "EvaluationRating", "EvaluationRound", "ModelGrid", "Dispatch", "DispatchEntry", "DispatchParty", "Event", "EventAttachment",
    "EventStep", "Extension", "Grid", "GridKind", "Household", "JointDefencePoint", "Matter", "Mediation",
    "PasswordHistory", "PoliceBeat", "ReportIssue", "Role", "Staff", "StaffRole",
    "Street", "UserAccount", "CareLevel", "House", "OrgUnit", "Person", "SpecialCare", "StdAddress", "Visit", "beat_grid", "grid_member", "utcnow",
]
