"""Attachment names from outside are renamed safely: Windows device names, bidi and other invisible
characters, trailing dots and spaces, path separators, over-long names."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.services.filenames import MAX_BYTES, MAX_CHARS, safe_filename

DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$", *(f"COM{i}" for i in "0123456789¹²³"),
           *(f"LPT{i}" for i in "0123456789¹²³")}


@pytest.mark.parametrize("given_name, stored", [
    ("CON.txt", "_CON.txt"), ("nul", "_nul"), ("aux.log", "_aux.log"), ("COM1", "_COM1"),
    ("com1.tar.gz", "_com1.tar.gz"), ("LPT¹.txt", "_LPT¹.txt"), ("CON .txt", "_CON .txt"),
    ("console.txt", "console.txt"), ("COM10.txt", "COM10.txt"),                      # not devices
    ("invoice\u202efdp.exe", "invoicefdp.exe"),                                        # shown as invoiceexe.pdf
    ("\u2067报告\u2069.pdf", "报告.pdf"), ("x\u200b.pdf", "x.pdf"), ("\ufeffbom.txt", "bom.txt"),
    ("a\u2028b.txt", "ab.txt"), ("\ud800broken.jpg", "broken.jpg"),                      # a Linux name's bad bytes
    ("a\nb\tc.txt", "a_b_c.txt"), ("a<b>:c?.png", "a_b_c_.png"), ("file.txt:stream", "file.txt_stream"),
    ("a.txt. . ", "a.txt"), ("  .hidden.jpg", "hidden.jpg"), ("..", "附件"), ("", "附件"), (None, "附件"),
    ("../../etc/passwd", "passwd"), ("..\\..\\windows\\system32\\a.jpg", "a.jpg"), ("C:\\x\\CON.jpg", "_CON.jpg"),
    ("\u3000现场照片\u00a0.jpg", "现场照片 .jpg"), ("my__file.txt", "my__file.txt"), ("现场照片.jpg", "现场照片.jpg"),
])
def test_a_dangerous_attachment_name_is_renamed_safely(given_name, stored):
    assert safe_filename(given_name) == stored


def test_a_long_chinese_name_keeps_its_extension_and_fits_every_file_system():
    name = safe_filename("长" * 300 + ".jpg")
    assert name.endswith(".jpg") and len(name) <= MAX_CHARS and len(name.encode("utf-8")) <= MAX_BYTES


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_whatever_the_name_the_stored_one_is_safe_and_stable(raw):
    name = safe_filename(raw)
    assert name and name == safe_filename(name)  # stored names are kept when saved again
    assert "/" not in name and "\\" not in name and not any(c in name for c in '<>:"|?*')
    assert not any(unicodedata.category(c)[0] == "C" or unicodedata.category(c) in ("Zl", "Zp") for c in name)
    assert name[-1] not in " ." and name[0] not in " ."
    assert name.split(".")[0].rstrip(" ").upper() not in DEVICES
    assert len(name) <= MAX_CHARS and len(name.encode("utf-8")) <= MAX_BYTES
