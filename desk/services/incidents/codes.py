"""The codes of the event area and the lifecycle's state machine, as plain data.

Statuses: reported → accepted → in_grid (handled in the grid) | dispatched → handling → feedback
→ verified → closed → called_back; plus returned (a department sent it back), reopened,
merged (duplicate of another event) and cancelled (with a reason)."""
from __future__ import annotations

SOURCES = {
    "grid_worker": "网格员上报", "phone": "电话", "hotline_12345": "12345热线", "wechat": "微信群",
    "patrol": "巡查", "transfer_110": "110非警务转办", "walk_in": "来访",
    "message_board": "网上留言板", "other_system": "其他系统导入",  # imports of other systems' exports
}
KINDS = {
    "dispute": "矛盾纠纷", "safety_hazard": "安全隐患", "fire_hazard": "消防隐患", "public_order": "治安线索",
    "request": "民生诉求", "special_population": "特殊人群事项", "petition": "信访维稳", "other": "其他",
}
SUB_KINDS = {
    "dispute": {"family": "婚姻家庭", "neighbour": "邻里纠纷", "economic": "经济纠纷", "land": "土地纠纷",
                "labour": "劳资纠纷", "property": "物业纠纷"},
    "safety_hazard": {"gas": "燃气", "building": "房屋建筑", "road": "道路设施", "electric": "用电"},
    "fire_hazard": {"exit_blocked": "消防通道堵塞", "ebike": "电动车违规充电", "wiring": "私拉电线"},
    "request": {"water": "供水", "sanitation": "环境卫生", "lighting": "路灯", "noise": "噪声", "stall": "占道经营"},
}
URGENCIES = {"ordinary": "一般", "urgent": "紧急"}
STATUSES = {
    "reported": "待受理", "accepted": "已受理", "in_grid": "网格处置", "dispatched": "已派单",
    "handling": "处置中", "returned": "已退单", "reopened": "重新办理", "feedback": "已反馈",
    "verified": "已核查", "closed": "已办结", "called_back": "已回访", "merged": "已合并",
    "cancelled": "已撤销",
}
CLOSED_STATUSES = frozenset({"closed", "called_back", "merged", "cancelled"})
OPEN_STATUSES = tuple(s for s in STATUSES if s not in CLOSED_STATUSES)
ACTIVE = ("accepted", "in_grid", "dispatched", "handling", "returned", "reopened")

# action: (allowed from, to, Chinese name)
TRANSITIONS: dict[str, tuple[frozenset[str], str, str]] = {
    "accept": (frozenset({"reported"}), "accepted", "受理"),
    "handle_in_grid": (frozenset({"accepted", "reopened", "returned"}), "in_grid", "交网格处置"),
    "dispatch": (frozenset({"accepted", "reopened", "returned", "in_grid"}), "dispatched", "派单"),
    "start": (frozenset({"dispatched"}), "handling", "签收处置"),
    "return": (frozenset({"dispatched", "handling"}), "returned", "退单"),
    "feedback": (frozenset({"in_grid", "handling"}), "feedback", "反馈"),
    "verify": (frozenset({"feedback"}), "verified", "核查"),
    "close": (frozenset({"verified"}), "closed", "办结"),
    "call_back": (frozenset({"closed"}), "called_back", "回访"),
    "reopen": (frozenset({"feedback", "verified", "closed", "called_back"}), "reopened", "重新办理"),
    "merge": (frozenset({"reported", "accepted", "in_grid", "dispatched", "handling", "returned", "reopened"}),
              "merged", "合并为重复"),
    "cancel": (frozenset(OPEN_STATUSES), "cancelled", "撤销"),
}
NEEDS_REASON = frozenset({"return", "reopen", "cancel"})
ACTION_NAMES = {a: t[2] for a, t in TRANSITIONS.items()} | {
    "report": "上报", "claim": "认领", "unclaim": "取消认领", "assign": "指派", "on_record": "挂账",
    "off_record": "取消挂账", "urgent": "标记紧急", "not_urgent": "取消紧急", "escalate": "逐级上升",
    "mediate": "调解", "attach": "添加附件", "edit": "修改",
}

LADDER = {1: "网格员首接", 2: "网格长调解", 3: "社区民警介入", 4: "派出所兜底"}
LADDER_HOURS = {1: 4, 2: 4, 3: 8, 4: 24}  # how long each level has before the dispute rises
OUTCOMES = {"resolved": "调解成功", "partly": "部分化解", "failed": "调解未成", "referred": "转诉讼/仲裁"}
SATISFACTION = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意", "unreachable": "未联系上"}


def status_name(code: str) -> str:
    return STATUSES.get(code, code)


def kind_name(code: str, sub: str = "") -> str:
    name = KINDS.get(code, code)
    if sub:
        name += "/" + SUB_KINDS.get(code, {}).get(sub, sub)
    return name
