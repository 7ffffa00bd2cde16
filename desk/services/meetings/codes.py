"""The codes of the meeting routine as plain data (stored as short English words)."""
from __future__ import annotations

KINDS = {"daily": "日见面", "weekly": "周研判", "monthly": "月讲评", "joint": "联席会议"}
KIND_TITLES = {"daily": "日见面会议", "weekly": "周研判会议", "monthly": "月讲评会议", "joint": "联席会议（专题协调会）"}
MEETING_STATES = {"planned": "计划召开", "held": "已召开"}
PRESENCE = {"present": "出席", "absent": "缺席", "substitute": "代会"}
SOURCES = {"manual": "手工", "figure": "数据", "event": "事件", "dispatch": "派单", "item": "督办事项"}

# action items: stored states; "overdue" is what an open or started item is once its due date has passed
ITEM_STATES = {"open": "待办", "in_progress": "办理中", "done": "已完成", "overdue": "已逾期", "cancelled": "已取消"}
STORED_ITEM_STATES = ("open", "in_progress", "done", "cancelled")
UNFINISHED = ("open", "in_progress")
# action: (allowed from, to, Chinese name)
ITEM_MOVES = {
    "start": (frozenset({"open"}), "in_progress", "开始办理"),
    "finish": (frozenset({"open", "in_progress"}), "done", "完成"),
    "cancel": (frozenset({"open", "in_progress"}), "cancelled", "取消"),
    "reopen": (frozenset({"done", "cancelled"}), "open", "重新打开"),
}
LINK_KINDS = {"event": "事件", "dispatch": "派单", "grid": "网格"}
STEP_NAMES = {"create": "形成", "carry": "结转", "start": "开始办理", "finish": "完成", "cancel": "取消",
              "reopen": "重新打开", "reassign": "调整期限或责任"}

# the rest of the routine
ROUTINE_KINDS = {"training": "业务培训", "skill_test": "网格长职业能力测试", "patrol": "联合巡逻", "drill": "应急演练"}
ROUTINE_SUB_KINDS = {
    "training": {"case_study": "案例讲解", "simulation": "情景模拟", "guidance": "业务知识指导"},
    "skill_test": {"": "职业能力测试"},
    "patrol": {"joint": "联合巡逻"},
    "drill": {"emergency": "应急演练"},
}
PARTICIPANT_ROLES = {"police": "民警", "auxiliary": "辅警", "grid": "网格员", "volunteer": "志愿者",
                     "property": "物业人员", "guard": "保安", "other": "其他"}


def kind_name(code: str) -> str:
    return KINDS.get(code, code)


def item_state_name(code: str) -> str:
    return ITEM_STATES.get(code, code)


def routine_name(kind: str, sub: str = "") -> str:
    name = ROUTINE_KINDS.get(kind, kind)
    sub_name = ROUTINE_SUB_KINDS.get(kind, {}).get(sub, "")
    return f"{name}（{sub_name}）" if sub_name and sub_name != name and kind == "training" else name
