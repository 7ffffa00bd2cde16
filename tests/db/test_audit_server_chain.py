"""The server's chain and the program's check of it agree on any text a record may hold
(PostgreSQL computes the hash in PL/pgSQL, `desk audit verify` recomputes it in Python)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desk.models import AuditRecord
from desk.services import audit, audit_log

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entity_id=st.one_of(st.none(), TEXT), note=TEXT, actor=TEXT.filter(bool))
def test_any_text_in_a_record_verifies_on_either_engine(ctx, entity_id, note, actor):
    with ctx.unit() as u:
        u.actor = u.actor.__class__(actor)
        u.audit("test.fuzz", "thing|~:", entity_id, before={"note": note}, after=note or None)
    report = audit_log.verify(ctx)
    assert report.ok, report
    with ctx.read() as s:
        alg = s.scalar(select(AuditRecord.alg).order_by(AuditRecord.id.desc()).limit(1))
    assert alg == (audit.HASH_NAME if ctx.db.sqlite else audit.SERVER_ALG)
