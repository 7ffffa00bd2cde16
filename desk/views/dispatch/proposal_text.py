"""The routing proposal as the dispatch dialog shows it: the proposed department with its confidence
in words, the ranked departments (each a link that chooses it), and why: the matter of the list, the
nearest past cases and the words they share."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from desk.views.code_words import dispatch_word


def _t(text: str) -> str:
    return QCoreApplication.translate("RouteProposal", text)


def proposal_html(p) -> str:
    if p.department_id is None or not p.candidates:
        return escape(_t("建议：（无）")) + " — " + escape(_t("事项清单和以往案件都没有可参考的部门，请值班员选择"))
    top = p.candidates[0]
    sure = dispatch_word(p.confidence) if p.confidence else ""
    colour = "#2e7d32" if p.confidence == "较有把握" else "#b26a00"
    lines = [f"{escape(_t('建议：'))}<b>{escape(top.department)}</b> "
             f"<span style='color:{colour}'>（{escape(sure)}，{top.share:.0%}）</span>"]
    why = []
    if top.matter:
        why.append(f"{escape(_t('事项清单'))}：{escape(top.matter)}")
    if top.cases:
        cases = "、".join(f"#{c.event_id}「{escape(c.title[:24])}」" for c in top.cases[:3])
        why.append(escape(_t("%n件相似的以往案件派给了该部门").replace("%n", str(top.similar))) + f"：{cases}")
    if top.words:
        why.append(f"{escape(_t('关键词'))}：{escape('、'.join(top.words))}")
    if why:
        lines.append("<br>".join(why))
    if len(p.candidates) > 1:
        ranked = " · ".join(f"<a href='dept:{c.department_id}'>{escape(c.department)}</a> {c.share:.0%}"
                            + (f"（{escape(_t('%n件相似的以往案件').replace('%n', str(c.similar)))}）" if c.similar else "")
                            for c in p.candidates[:5] if c is top or c.share >= 0.01)
        lines.append(f"{escape(_t('排序（点击选择）'))}：{ranked}")
    return "<br>".join(lines)
