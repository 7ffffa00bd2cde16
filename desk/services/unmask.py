"""Showing a full phone or ID number: only for roles that need it, and always recorded.

Screens show masked values (138****1234, 4104**********1234). ``unmask`` checks the role,
decrypts the one value asked for and writes an audit record in the same transaction.
Other areas register their encrypted columns (reporters' phones, ID numbers) with
``register_field``.
"""
from __future__ import annotations

from dataclasses import dataclass

from desk.models import Staff
from desk.services.context import Context
from desk.services.errors import NotFound, ValidationError
from desk.services.permissions import require
from desk.services.pii import mask_id_number, mask_phone


@dataclass(frozen=True)
class ProtectedField:
    model: type
    column: str          # the encrypted column
    kind: str            # "phone" or "id_number": how it is masked


FIELDS: dict[tuple[str, str], ProtectedField] = {
    ("staff", "phone"): ProtectedField(Staff, "phone_enc", "phone"),
}


def register_field(entity: str, field: str, model: type, column: str, kind: str) -> None:
    FIELDS[(entity, field)] = ProtectedField(model, column, kind)


def _field(entity: str, field: str) -> ProtectedField:
    try:
        return FIELDS[(entity, field)]
    except KeyError:
        raise ValidationError(f"{entity}.{field} 不是受保护字段 (not a protected field)") from None


def mask(kind: str, value: str | None) -> str:
    return mask_id_number(value) if kind == "id_number" else mask_phone(value)


def masked(ctx: Context, entity: str, row_id: int, field: str) -> str:
    """The value as screens show it by default."""
    pf = _field(entity, field)
    with ctx.read() as s:
        row = s.get(pf.model, row_id)
        if row is None:
            raise NotFound(f"没有这条记录 ({entity} {row_id})")
        return mask(pf.kind, ctx.cipher.decrypt(getattr(row, pf.column)))


def unmask(ctx: Context, entity: str, row_id: int, field: str) -> str:
    """The full value, for a role allowed to see it; the unmasking is audited (who, when, which)."""
    require(ctx.actor, "pii.unmask")
    pf = _field(entity, field)
    with ctx.unit() as u:
        row = u.session.get(pf.model, row_id)
        if row is None:
            raise NotFound(f"没有这条记录 ({entity} {row_id})")
        value = ctx.cipher.decrypt(getattr(row, pf.column)) or ""
        u.audit("pii.unmask", entity, row_id, after={"field": field})
    return value
