"""Attachment names are renamed safely when stored (the board's attachments and a department's
feedback) and when saved back to disk, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from desk.services import dispatch as dsp
from desk.services import incidents as inc
from desk.services.errors import ValidationError
from desk.services.incidents.attachments import insert_attachment
from tests.board_support import WANG, new, small_street
from tests.dispatch_support import accepted_event, street


def test_a_device_name_or_a_bidi_trick_is_stored_under_a_safe_name(ctx):
    small_street(ctx)
    duty = ctx.as_actor(WANG)
    e = new(duty)
    inc.add_attachment(duty, e.id, "CON.txt", b"con")
    inc.add_attachment(duty, e.id, "..\\..\\nul.pdf. . ", b"%PDF")
    inc.add_attachment(duty, e.id, "\u2067现场\u200b照片\u2069.jpg", b"\xff\xd8")
    names = sorted(a.filename for a in inc.event_detail(duty, e.id).attachments)
    assert names == ["_CON.txt", "_nul.pdf", "现场照片.jpg"]
    with pytest.raises(ValidationError, match="类型"):  # the override hid the real extension: .exe
        inc.add_attachment(duty, e.id, "invoice\u202efdp.exe", b"MZ")
    assert len(inc.event_detail(duty, e.id).attachments) == 3


def test_a_departments_feedback_attachment_is_renamed_the_same_way(ctx):
    st = street(ctx)
    duty, fire = ctx.as_actor(WANG), ctx.as_actor(st.liaison("消防"))
    eid = accepted_event(ctx, st, "消防通道堵塞", kind="fire_hazard")
    did = dsp.dispatch_event(duty, eid, st.dept["消防"], instructions="今天之内清理")
    dsp.accept(fire, did)
    dsp.feedback(fire, did, "已清理", [("AUX.jpg", b"\xff\xd8"), ("../照片\u202e.jpg", b"\xff\xd8")])
    names = sorted(a.filename for a in inc.event_detail(duty, eid).attachments)
    assert names == ["_AUX.jpg", "照片.jpg"]


@pytest.mark.parametrize("asked, written", [("nul", "_nul"), ("CON.txt", "_CON.txt"), ("copy.jpg. ", "copy.jpg"),
                                            ("re\u202eport.txt", "report.txt")])
def test_saving_to_a_dangerous_name_writes_a_safe_one_in_the_chosen_folder(ctx, tmp_path, asked, written):
    small_street(ctx)
    duty = ctx.as_actor(WANG)
    att = inc.add_attachment(duty, new(duty).id, "a.txt", b"hello")
    folder = tmp_path / "saved"
    folder.mkdir()
    assert inc.save_attachment(duty, att, folder / asked) == written
    assert sorted(p.name for p in folder.iterdir()) == [written]
    assert (folder / written).read_bytes() == b"hello"


def test_an_unsafe_name_stored_before_is_saved_under_a_safe_one(ctx, tmp_path):
    small_street(ctx)
    duty = ctx.as_actor(WANG)
    e = new(duty)
    with ctx.unit() as u:  # e.g. a row from an older version, restored from a backup
        att = insert_attachment(u, e.id, "LPT1.\u202etxt.", "text/plain", b"old")
    [a] = inc.event_detail(duty, e.id).attachments
    assert inc.safe_filename(a.filename) == "_LPT1.txt"  # what the save dialog proposes
    assert inc.save_attachment(duty, att, tmp_path / a.filename) == "_LPT1.txt"
    assert (tmp_path / "_LPT1.txt").read_bytes() == b"old"
