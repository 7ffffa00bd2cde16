"""A word translated with ``self.tr()`` inside a class that is not a Qt class (a mixin of a page) is filed by
lupdate under the mixin's name but looked up at run time under the page's class: it would stay Chinese in
English. Such classes use their module's ``tr()`` helper instead."""
from __future__ import annotations

import ast
from pathlib import Path

VIEWS = Path(__file__).resolve().parents[2] / "desk" / "views"


def test_no_mixin_translates_with_self_tr():
    found = []
    for path in sorted(VIEWS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or node.bases:
                continue
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
                        and isinstance(call.func.value, ast.Name) and call.func.value.id == "self"):
                    found.append(f"{path.relative_to(VIEWS)}:{call.lineno} {node.name}")
    assert found == []
