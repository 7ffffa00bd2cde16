"""The "paste a WeChat message" helper: guesses time, community/grid, kind, urgency, police or not
and the source from a grid worker's message, for the duty officer to confirm. Pure text rules,
no database (the gazetteer of names is passed in)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from desk.clock import LOCAL_TZ
from desk.services.incidents.locate import Gazetteer

# (kind, sub-kind, keywords): the first rule with a keyword in the text wins.
RULES: list[tuple[str, str, tuple[str, ...]]] = [
    ("fire_hazard", "exit_blocked", ("消防通道", "安全出口", "疏散通道", "消防栓")),
    ("fire_hazard", "ebike", ("飞线充电", "电动车充电", "楼道充电", "电瓶车充电")),
    ("fire_hazard", "wiring", ("私拉电线", "私拉乱接", "乱拉电线")),
    ("fire_hazard", "", ("着火", "起火", "失火", "火灾", "冒烟", "消防")),
    ("public_order", "", ("打架", "斗殴", "持刀", "盗窃", "被盗", "小偷", "偷了", "抢劫", "诈骗", "吸毒", "赌博",
                          "可疑人员", "传销", "醉酒闹事")),
    ("petition", "", ("上访", "信访", "聚集", "维权", "拉横幅", "堵门", "讨薪")),
    ("dispute", "family", ("夫妻", "婚姻", "离婚", "家暴", "婆媳", "赡养", "家庭矛盾")),
    ("dispute", "neighbour", ("邻居", "邻里", "楼上楼下", "隔壁", "院墙", "围墙")),
    ("dispute", "labour", ("工资", "欠薪", "工钱", "劳务费")),
    ("dispute", "economic", ("欠款", "借钱", "债务", "工程款", "货款")),
    ("dispute", "land", ("宅基地", "土地", "承包地", "地界")),
    ("dispute", "property", ("物业费", "物业纠纷")),
    ("dispute", "", ("纠纷", "矛盾", "吵架", "争吵", "吵起来", "闹事")),
    ("special_population", "", ("独居老人", "精神病", "精神障碍", "社区矫正", "刑满释放", "困境儿童", "走失",
                                "低保户")),
    ("safety_hazard", "gas", ("燃气", "煤气", "漏气", "天然气")),
    ("safety_hazard", "building", ("危房", "坍塌", "墙体开裂", "倒塌", "脚手架", "高空坠物")),
    ("safety_hazard", "road", ("井盖", "塌陷", "护栏", "路面破损", "坑洼")),
    ("safety_hazard", "electric", ("漏电", "电线杆", "变压器", "电线裸露")),
    ("safety_hazard", "", ("隐患", "安全", "危险")),
    ("request", "water", ("停水", "水管", "漏水", "水压", "自来水", "供水")),
    ("request", "lighting", ("路灯",)),
    ("request", "sanitation", ("垃圾", "脏乱", "污水", "臭味", "卫生", "污染", "排污")),
    ("request", "noise", ("噪音", "噪声", "扰民")),
    ("request", "stall", ("占道", "摆摊", "流动摊贩", "违章建筑", "违建", "违章搭建", "私搭乱建")),
    ("request", "", ("反映", "请求", "希望", "诉求", "停电", "公交", "道路", "修路", "规费", "公积金", "学校",
                     "小区", "建议", "咨询", "请问", "规划", "下水", "供暖", "房产证", "廉租房", "保障房", "收费",
                     "出租车", "快递", "邮政", "社保", "生态", "环境", "政策", "补贴", "整治", "何时", "什么时候",
                     "为何", "问题")),
]
URGENT_WORDS = ("紧急", "马上", "立即", "赶紧", "着火", "起火", "打起来", "打架", "持刀", "受伤", "流血", "跳楼",
                "轻生", "漏气", "坍塌", "有人被困", "快来")
POLICE_WORDS = ("打架", "斗殴", "持刀", "盗窃", "被盗", "小偷", "抢劫", "诈骗", "吸毒", "赌博", "伤人", "可疑人员",
                "报警", "110")
_DATE = re.compile(r"(?:(\d{4})[年/\-.])?(\d{1,2})[月/\-.](\d{1,2})[日号]?")
_TIME = re.compile(r"(凌晨|早上|上午|中午|下午|傍晚|晚上|夜里)?\s*(\d{1,2})\s*(?:[点时:：])\s*(半|\d{1,2})?")
_DAY_WORDS = (("前天", -2), ("昨天", -1), ("昨晚", -1), ("昨夜", -1), ("今天", 0), ("今早", 0), ("今晚", 0))


@dataclass(frozen=True)
class Prefill:
    """What the helper proposes; every field stays editable in the form."""

    reported_at: datetime
    source: str
    kind: str
    sub_kind: str
    urgent: bool
    police: bool
    community_id: int | None
    community_name: str
    grid_id: int | None
    grid_name: str
    address: str
    title: str
    description: str
    found: tuple[str, ...]  # what was recognised, in words, to show the person


_COMPILED: list[tuple[str, str, re.Pattern]] = []


def classify(text: str) -> tuple[str, str]:
    """The first rule with any of its words in ``text`` (one compiled search per rule: imports
    classify 100,000s of rows)."""
    if len(_COMPILED) != len(RULES):
        _COMPILED[:] = [(k, sub, re.compile("|".join(map(re.escape, words)))) for k, sub, words in RULES]
    for kind, sub, pattern in _COMPILED:
        if pattern.search(text):
            return kind, sub
    return "other", ""


def guess_time(text: str, now: datetime) -> tuple[datetime, bool]:
    """The time the message speaks of (local wall time), never later than ``now``; (now, False) if none."""
    local_now = now.astimezone(LOCAL_TZ)
    day = local_now.date()
    found = False
    m = _DATE.search(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        try:
            day = day.replace(year=int(m.group(1) or day.year), month=int(m.group(2)), day=int(m.group(3)))
            found = True
        except ValueError:
            pass
    else:
        for word, delta in _DAY_WORDS:
            if word in text:
                day, found = day + timedelta(days=delta), True
                break
    hour, minute = None, 0
    for t in _TIME.finditer(text):
        h = int(t.group(2))
        if h > 24 or (t.end() < len(text) and text[t.end():t.end() + 1] in "号楼栋个"):
            continue
        part = t.group(1) or ("晚上" if "晚" in text[:t.start()][-3:] else "")
        if part in ("下午", "傍晚", "晚上", "夜里") and h < 12:
            h += 12
        if part == "中午" and h < 11:
            h += 12
        minute = 30 if t.group(3) == "半" else int(t.group(3) or 0)
        if h < 24 and minute < 60:
            hour, found = h, True
            break
    if hour is None:
        if day == local_now.date():
            return now, found
        hour = 12
    at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL_TZ)
    if at > local_now:
        at = at - timedelta(days=1) if not _DATE.search(text) else local_now
    return at.astimezone(now.tzinfo), found


def parse_message(text: str, now: datetime, gaz: Gazetteer | None = None) -> Prefill:
    raw = (text or "").strip()
    flat = re.sub(r"\s+", " ", raw)
    found: list[str] = []
    kind, sub = classify(flat)
    if kind != "other":
        found.append("类型")
    source = "wechat"
    if "12345" in flat:
        source = "hotline_12345"
    elif "110" in flat and "转" in flat:
        source = "transfer_110"
    at, time_found = guess_time(flat, now)
    if time_found:
        found.append("时间")
    community_id, community_name, grid_id, grid_name = None, "", None, ""
    if gaz is not None:
        for gid, cid, name in sorted(gaz.grids, key=lambda g: -len(g[2])):
            if name in flat:
                grid_id, grid_name, community_id = gid, name, cid
                community_name = dict(gaz.communities).get(cid, "")
                break
        if community_id is None:
            hit = gaz.community_in(flat)
            if hit:
                community_id, community_name = hit
        if community_id is not None:
            found.append("社区")
    first = re.split(r"[，。！？!?,;；\n]", flat, maxsplit=1)[0].strip()
    title = first[:40] if first else flat[:40]
    address = ""
    m = re.search(r"[\u4e00-\u9fa5]{2,8}(?:社区|村)[\u4e00-\u9fa5\d]{0,12}?(?:\d+号楼|\d+栋|\d+号院|\d+单元|\d+号)?",
                  flat)
    if m:
        address = m.group(0)
    return Prefill(at, source, kind, sub, any(w in flat for w in URGENT_WORDS),
                   any(w in flat for w in POLICE_WORDS) or kind == "public_order",
                   community_id, community_name, grid_id, grid_name, address, title, raw, tuple(found))
