"""The codes of the dispatch area, as plain data (Chinese names for screens, CLI and reports)."""
from __future__ import annotations

DOMAINS = {
    "party": "党的建设", "public_order": "社会治安综合治理", "self_gov": "居（村）民自治",
    "petition": "信访维稳", "employment": "劳动就业服务", "disaster_fire": "防灾减灾和消防安全",
    "epidemic": "疫情防控",
}
MATTER_STATUSES = {"proposed": "待准入", "approved": "已准入", "rejected": "未准入", "retired": "已停用"}

# A dispatch's own state (the event's status is the board's).
STATES = {
    "sent": "待签收", "accepted": "办理中", "feedback": "待核查", "verified": "已核查", "closed": "已办结",
    "returned": "已退单", "rerouted": "已改派", "withdrawn": "已撤回",
}
# withdrawn: the event was taken away from the department (cancelled, merged as a duplicate) before
# the case was done. Only the event's current dispatch (``Dispatch.active``) can be acted on; an
# ended one keeps the state it ended in (rerouted, returned, withdrawn, closed).
OPEN_STATES = ("sent", "accepted", "feedback", "verified", "returned")

ENTRY_KINDS = {
    "dispatch": "派单", "accept": "签收", "assist_accept": "联办签收", "return": "退单", "reroute": "改派",
    "reroute_notice": "改派通知", "feedback": "反馈", "verify": "核查", "close": "办结", "call_back": "回访",
    "reopen": "重新办理", "urge": "催办", "supervise": "督办", "instruct": "领导批示", "expedite": "加急",
    "extension": "申请延期", "extension_decision": "延期审批", "override": "改变建议部门",
    "withdraw": "派单结束",
}
VERIFY_OUTCOMES = {
    "passed": "核查通过", "staged": "阶段性闭环", "thin": "过简闭环", "wrong": "错误办理",
}
SATISFACTION = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}
SUPERVISION = {1: "一般督办", 2: "黄牌督办", 3: "红牌督办"}
EXTENSION_STATES = {"requested": "待审批", "approved": "已批准", "refused": "未批准", "lapsed": "已失效"}

ACCEPT_MINUTES = 30          # 签收时限: respond within 30 minutes (seed 004)
URGENT_ACCEPT_MINUTES = 10
# How sure a routing proposal is, in words (the dispatch dialog, the stored routing reason).
CONFIDENCE = {"likely": "较有把握", "tentative": "仅供参考"}


def state_name(code: str) -> str:
    return STATES.get(code, code)
