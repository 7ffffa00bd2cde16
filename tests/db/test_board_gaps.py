"""The board's remaining pieces on both engines: attachments from and to files (export audited),
the reporter's phone masked by default and shown in full only to allowed roles (audited), and the
administrator's deadline table (validated, audited, conflicts reported)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import ADMIN, GRIDMAN, LIAISON, WANG, new, small_street  # noqa: E402

from desk.models import AuditRecord, Event  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services.errors import PermissionDenied, ValidationError  # noqa: E402


@pytest.fixture
def street(ctx):
    return small_street(ctx)


@pytest.fixture
def duty(ctx):
    return ctx.as_actor(WANG)


def audit_rows(ctx, action):
    with ctx.read() as s:
        return [(r.actor, r.entity, r.entity_id, json.loads(r.after or "null"))
                for r in s.scalars(select(AuditRecord).where(AuditRecord.action == action).order_by(AuditRecord.id))]


def test_a_photo_attached_from_a_file_can_be_saved_again_and_the_copy_is_recorded(ctx, street, duty, tmp_path):
    e = new(duty)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8photo-bytes")
    inc.add_attachment_file(duty, e.id, photo)
    [a] = inc.event_detail(duty, e.id).attachments
    assert (a.filename, a.size, a.added_by) == ("现场照片.jpg", len(b"\xff\xd8photo-bytes"), "wangli")
    out = tmp_path / "out" / "copy.jpg"
    out.parent.mkdir()
    assert inc.save_attachment(duty, a.id, out) == "copy.jpg"
    assert out.read_bytes() == b"\xff\xd8photo-bytes"
    assert not list(out.parent.glob("*.part"))
    [(who, what, _id, after)] = audit_rows(ctx, "data.export")
    assert who == "wangli" and what == "event_attachment" and after["file"] == "copy.jpg"
    assert after["attachment"] == a.id


def test_an_oversized_or_wrong_type_file_is_refused_with_the_reason_and_nothing_is_stored(ctx, street, duty,
                                                                                           tmp_path):
    e = new(duty)
    big = tmp_path / "big.pdf"
    with big.open("wb") as f:
        f.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(ValidationError, match="MB"):
        inc.add_attachment_file(duty, e.id, big)
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(ValidationError, match="类型"):
        inc.add_attachment_file(duty, e.id, exe)
    with pytest.raises(ValidationError, match="无法读取"):
        inc.add_attachment_file(duty, e.id, tmp_path / "gone.jpg")
    assert inc.event_detail(duty, e.id).attachments == ()


def test_saving_to_a_folder_that_does_not_exist_says_so_and_records_no_export(ctx, street, duty, tmp_path):
    e = new(duty)
    att = inc.add_attachment(duty, e.id, "a.txt", b"hello")
    with pytest.raises(ValidationError, match="无法保存"):
        inc.save_attachment(duty, att, tmp_path / "missing" / "a.txt")
    assert audit_rows(ctx, "data.export") == []


def test_a_department_liaison_may_save_but_not_add_attachments(ctx, street, duty, tmp_path):
    e = new(duty)
    att = inc.add_attachment(duty, e.id, "a.txt", b"hello")
    liaison = ctx.as_actor(LIAISON)
    inc.save_attachment(liaison, att, tmp_path / "a.txt")
    f = tmp_path / "b.txt"
    f.write_text("x")
    with pytest.raises(PermissionDenied):
        inc.add_attachment_file(liaison, e.id, f)


def test_the_reporter_phone_is_masked_and_a_duty_officer_may_see_it_in_full_which_is_audited(ctx, street, duty):
    e = new(duty, reporter_name="刘芳", phone="138-1234-5678")
    assert inc.event_detail(duty, e.id).phone == "138****5678"
    with ctx.read() as s:
        stored = s.get(Event, e.id).phone_enc
    assert "5678" not in stored and ctx.cipher.decrypt(stored) == "13812345678"
    assert inc.reporter_phone(duty, e.id) == "13812345678"
    assert audit_rows(ctx, "pii.unmask") == [("wangli", "event", str(e.id), {"field": "phone"})]


@pytest.mark.parametrize("who", [GRIDMAN, LIAISON, ADMIN], ids=["grid", "liaison", "sysadmin"])
def test_roles_without_the_permission_are_refused_the_full_phone_and_nothing_is_revealed(ctx, street, duty, who):
    e = new(duty, phone="13812345678")
    with pytest.raises(PermissionDenied):
        inc.reporter_phone(ctx.as_actor(who), e.id)
    assert audit_rows(ctx, "pii.unmask") == []


def test_a_changed_limit_is_in_the_audit_log_with_before_and_after(ctx, duty):
    admin = ctx.as_actor(ADMIN)
    row = next(r for r in inc.list_limits(admin) if (r.kind, r.urgency) == ("fire_hazard", "ordinary"))
    minutes = {f"{s}_{c}": getattr(row, f"{s}_{c}") for s in ("accept", "handle", "verify") for c in ("yellow", "red")}
    minutes["handle_red"] = 600
    new = inc.set_limit(admin, kind="fire_hazard", urgency="ordinary", minutes=minutes, expected_version=row.version)
    assert new.version == row.version + 1 and new.handle_red == 600
    [(who, entity, entity_id, after)] = audit_rows(ctx, "deadline.set")
    assert (who, entity, entity_id, after["handle_red"]) == ("admin", "deadline_limit", str(row.id), 600)
