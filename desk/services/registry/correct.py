"""Correcting an ID number in place (a typo at registration): the new number is checked by GB 11643,
sex and birth date are taken from it again, the cipher text and the blind index are rewritten, and the
audit record keeps both numbers masked only. A number another record holds is refused: two records of one
person are brought together only by the deliberate merge (``people.merge_preview`` / ``people.merge``)."""
from __future__ import annotations

from sqlalchemy import select

from desk.models import Person
from desk.services.context import Context
from desk.services.errors import ConflictError, ValidationError
from desk.services.figures.periods import local_today
from desk.services.permissions import require
from desk.services.pii import mask_id_number
from desk.services.registry.idcard import IdNumber, IdNumberError, parse
from desk.services.registry.rows import PersonRow, person_rows
from desk.services.scope import require_grid
from desk.services.unit import Unit


class NumberHeldByAnother(ConflictError):
    """The corrected number is already another person's record: nothing was changed."""

    def __init__(self, other_id: int, name: str):
        super().__init__(f"身份证号已登记在另一人员（{name}，#{other_id}）名下，未更正。若两条记录是同一人，"
                         f"请用“登记人员”按该号码录入，在提示的比对中合并 "
                         f"(this number is another record's; if both are one person, merge them deliberately)")
        self.other_id = other_id


def checked_number(ctx: Context, text: str) -> IdNumber:
    """A typed number (15 or 18 digits) checked by GB 11643, or ValidationError with the reason."""
    try:
        return parse(text, local_today(ctx.clock.now()))
    except IdNumberError as exc:
        raise ValidationError("身份证号有误，未更正 (the ID number was not corrected)", [f"身份证号：{exc}"]) from None


def apply_correction(ctx: Context, u: Unit, p: Person, text: str) -> None:
    """Inside the caller's unit: rewrite the person's number (and what it says) and audit it."""
    number = checked_number(ctx, text)
    cipher = ctx.cipher
    blind = cipher.blind(number.number)
    if blind == p.id_idx:
        raise ValidationError("新号码与原号码相同，无需更正 (the number is unchanged)")
    other = u.session.execute(select(Person.id, Person.name).where(Person.id_idx == blind, Person.id != p.id)).first()
    if other is not None:
        raise NumberHeldByAnother(other.id, other.name)
    before = {"id_number": mask_id_number(cipher.decrypt(p.id_enc)), "sex": p.sex}
    birth_changed = p.birth != number.birth
    p.id_enc, p.id_idx = cipher.encrypt(number.number), blind
    p.sex, p.birth = number.sex, number.birth
    p.updated_at = u.now
    u.session.flush()
    u.changed("person", p.id)
    u.audit("person.correct_id", "person", p.id, before=before,
            after={"id_number": mask_id_number(number.number), "sex": p.sex, "birth_changed": birth_changed})


def correct_id_number(ctx: Context, person_id: int, version: int | None, text: str) -> PersonRow:
    """Correct one person's ID number; ``version`` is the one the screen showed (a change meanwhile is refused)."""
    require(ctx.actor, "registry.write")
    checked_number(ctx, text)   # a wrong number is said before anything is opened
    with ctx.unit() as u:
        p = u.get_current(Person, person_id, version, "人员")
        require_grid(u.session, ctx.actor, p.grid_id)
        apply_correction(ctx, u, p, text)
        return person_rows(u.session, ctx.cipher, [p.id], local_today(u.now))[0]
