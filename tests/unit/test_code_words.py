"""Every word the services hand the screens as a code's name has its English in desk_en.ts, and
every audited action is shown in words (auth.signin → 登录), so the English UI has no Chinese
status, kind, source or action and the audit log reads as sentences, not codes."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from desk.services.dispatch import codes as dc
from desk.services.incidents import codes as ic
from desk.views.code_words import audit_action

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "desk" / "resources" / "translations" / "desk_en.ts"


def translated(context: str) -> dict[str, str]:
    out = {}
    for ctx in ET.parse(TS).getroot():
        if ctx.findtext("name") != context:
            continue
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete") and tr.text:
                out[m.findtext("source")] = tr.text
    return out


def test_every_event_word_has_its_english():
    board = translated("Board")
    words = [*ic.SOURCES.values(), *ic.KINDS.values(), *ic.STATUSES.values(), *ic.ACTION_NAMES.values(),
             *ic.LADDER.values(), *ic.OUTCOMES.values(), *ic.SATISFACTION.values(), *ic.URGENCIES.values()]
    words += [w for sub in ic.SUB_KINDS.values() for w in sub.values()]
    missing = sorted({w for w in words if w not in board})
    assert not missing, f"add to desk/views/code_words.py and translate: {missing}"
    assert not re.search(r"[\u4e00-\u9fff]", "".join(board[w] for w in words))


def test_every_dispatch_word_has_its_english():
    words = translated("DispatchModels")
    codes = [*dc.DOMAINS.values(), *dc.MATTER_STATUSES.values(), *dc.STATES.values(), *dc.ENTRY_KINDS.values(),
             *dc.VERIFY_OUTCOMES.values(), *dc.SATISFACTION.values(), *dc.SUPERVISION.values(),
             *dc.EXTENSION_STATES.values()]
    missing = sorted({w for w in codes if w not in words})
    assert not missing, f"add to desk/views/code_words.py and translate: {missing}"


def test_every_audited_action_is_shown_in_words():
    found = set()
    for path in (ROOT / "desk" / "services").rglob("*.py"):
        found |= set(re.findall(r'audit\("([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert found and not sorted(code for code in found if audit_action(code) == code)
    assert audit_action("auth.signin") == "登录"
    assert audit_action("event.accept") == "事件 · 受理"
    assert audit_action("no.such_thing") == "no.such_thing"
