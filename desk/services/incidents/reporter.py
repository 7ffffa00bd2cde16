"""The reporter's phone number in full: registered with the shared unmask service, so only roles
with ``pii.unmask`` see it and every look is written to the audit log. Screens show it masked."""
from __future__ import annotations

from desk.models import Event
from desk.services.context import Context
from desk.services.unmask import register_field, unmask

register_field("event", "phone", Event, "phone_enc", "phone")


def reporter_phone(ctx: Context, event_id: int) -> str:
    """The full number ('' when none was given); PermissionDenied for roles that may not see it."""
    return unmask(ctx, "event", event_id, "phone")
