"""The routing proposal as the dispatch dialog shows it: the proposed department with its confidence
in words, the ranked departments (each a link that chooses it), and why: the matter of the list, the
nearest past cases and the words they share."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from desk.views.code_words import dispatch_word


RETURN_NAMED = "退单原因指明"  # how the routing service begins a proposal taken from a return's reason


def proposal_html(p) -> str:
    if p.department_id is None or not p.candidates:
        return escape(QCoreApplication.translate("RouteProposal", "建议：（无）")) + " — " + escape(QCoreApplication.translate("RouteProposal", "事项清单和以往案件都没有可参考的部门，请值班员选择"))
    top = p.candidates[0]
    t_proposal = QCoreApplication.translate("RouteProposal", "建议：")
    t_matter = QCoreApplication.translate("RouteProposal", "事项清单")
    t_words = QCoreApplication.translate("RouteProposal", "关键词")
    t_similar = QCoreApplication.translate("RouteProposal", "%n件相似的以往案件")
    t_ranked = QCoreApplication.translate("RouteProposal", "排序（点击选择）")
    sure = dispatch_word(p.confidence) if p.confidence else ""
    colour = "#2e7d32" if p.confidence == "较有把握" else "#b26a00"
    lines = [f"{escape(t_proposal)}<b>{escape(top.department)}</b> "
             f"<span style='color:{colour}'>（{escape(sure)}，{top.share:.0%}）</span>"]
    why = []
    if p.reason.startswith(RETURN_NAMED):  # the department the return reason names, with the reason
        why.append(f"<b style='color:#c0392b'>{escape(p.reason.split('；', 1)[0])}</b>")
    if top.matter:
        why.append(f"{escape(t_matter)}：{escape(top.matter)}")
    if top.cases:
        cases = "、".join(f"#{c.event_id}「{escape(c.title[:24])}」" for c in top.cases[:3])
        why.append(escape(QCoreApplication.translate("RouteProposal", "%n件相似的以往案件派给了该部门").replace("%n", str(top.similar))) + f"：{cases}")
    if top.words:
        why.append(f"{escape(t_words)}：{escape('、'.join(top.words))}")
    if why:
        lines.append("<br>".join(why))
    if len(p.candidates) > 1:
        ranked = " · ".join(f"<a href='dept:{c.department_id}'>{escape(c.department)}</a> {c.share:.0%}"
                            + (f"（{escape(t_similar.replace('%n', str(c.similar)))}）" if c.similar else "")
                            for c in p.candidates[:5] if c is top or c.share >= 0.01)
        lines.append(f"{escape(t_ranked)}：{ranked}")
    return "<br>".join(lines)
