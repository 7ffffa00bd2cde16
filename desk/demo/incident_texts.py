"""What the demo's events say: titles and descriptions by kind and sub-kind, with the shares
and the departments they usually go to (plausible for a small-town street, not real cases)."""
from __future__ import annotations

# (kind, sub_kind, share, department short name or '' for the grid, [(title, description)])
TEMPLATES: list[tuple[str, str, float, str, list[tuple[str, str]]]] = [
    ("request", "water", 0.08, "供水", [
        ("{b}水管漏水", "{b}楼下水管漏水，地面积水，居民出行不便。"),
        ("{b}停水两天", "{b}已停水两天，未见通知，老人做饭困难。")]),
    ("request", "sanitation", 0.09, "城管", [
        ("{b}垃圾清运不及时", "{b}旁垃圾桶满溢，气味大，请求清运。"),
        ("{p}污水外溢", "{p}附近下水道堵塞，污水外溢。")]),
    ("request", "lighting", 0.05, "城管", [("{p}路灯不亮", "{p}一段路灯连续多日不亮，夜间出行不安全。")]),
    ("request", "noise", 0.05, "环保", [("{b}夜间施工噪音扰民", "{b}附近工地夜间施工，噪音很大，影响休息。")]),
    ("request", "stall", 0.05, "市场监管", [("{p}流动摊贩占道经营", "{p}早市摊贩占道经营，堵塞交通。")]),
    ("request", "", 0.06, "", [("{b}楼道堆放杂物", "{b}楼道内堆放杂物，请求物业清理。"),
                               ("{p}健身器材损坏", "{p}小广场健身器材损坏，存在安全隐患。")]),
    ("dispute", "neighbour", 0.08, "", [("{b}邻里因噪音发生纠纷", "{b}上下楼因噪音问题多次争吵。"),
                                        ("{p}两户因院墙界址纠纷", "{p}两户村民因院墙界址发生争执。")]),
    ("dispute", "family", 0.05, "", [("{b}夫妻矛盾", "{b}一对夫妻因家庭琐事争吵，邻居反映。"),
                                     ("{b}赡养老人纠纷", "{b}兄弟姐妹因赡养老人问题发生矛盾。")]),
    ("dispute", "economic", 0.03, "司法", [("{p}借款纠纷", "{p}村民之间借款未还发生纠纷。")]),
    ("dispute", "labour", 0.02, "人社", [("{p}农民工讨要工资", "{p}工地拖欠农民工工资，十余人讨薪。")]),
    ("dispute", "land", 0.02, "自然资源", [("{p}宅基地纠纷", "{p}两户因宅基地边界发生纠纷。")]),
    ("safety_hazard", "gas", 0.03, "应急", [("{b}燃气管道老化", "{b}燃气管道老化锈蚀，有轻微气味。")]),
    ("safety_hazard", "road", 0.04, "城管", [("{p}井盖缺失", "{p}路口井盖缺失，已临时摆放警示物。")]),
    ("safety_hazard", "building", 0.03, "应急", [("{b}外墙瓷砖脱落", "{b}外墙瓷砖脱落，有高空坠物危险。")]),
    ("fire_hazard", "exit_blocked", 0.04, "消防", [("{b}消防通道被堵", "{b}消防通道被电动车和杂物堵塞。")]),
    ("fire_hazard", "ebike", 0.04, "消防", [("{b}楼道飞线充电", "{b}有住户从楼上拉线给电动车充电。")]),
    ("public_order", "", 0.06, "公安", [("{p}电动车被盗", "{p}一辆电动车夜间被盗。"),
                                        ("{p}可疑人员推销", "{p}有陌生人挨家推销保健品，疑似诈骗。")]),
    ("special_population", "", 0.05, "民政", [("{b}独居老人需要帮扶", "{b}独居老人行动不便，需要上门帮扶。"),
                                              ("{p}精神障碍患者情绪不稳", "{p}一名精神障碍患者近日情绪不稳，家属求助。")]),
    ("petition", "", 0.02, "信访", [("{p}群众反映拆迁补偿", "{p}多名群众反映拆迁补偿标准问题，欲集体上访。")]),
    ("other", "", 0.06, "", [("{p}群众咨询政策", "{p}群众来电咨询医保缴费政策。")]),
]

# Sources and their shares; transfers from 110 are the non-police calls diverted to the street.
SOURCES = [("grid_worker", 0.34), ("hotline_12345", 0.2), ("phone", 0.14), ("wechat", 0.15), ("patrol", 0.06),
           ("transfer_110", 0.08), ("walk_in", 0.03)]

# Month (1..12) → how busy it is compared with the year's average: disputes rise around the
# Spring Festival, requests and noise in summer, fire hazards in winter.
MONTH_FACTOR = {1: 1.15, 2: 1.2, 3: 0.95, 4: 0.9, 5: 0.95, 6: 1.05, 7: 1.15, 8: 1.15, 9: 0.95, 10: 0.9,
                11: 0.95, 12: 1.05}
KIND_MONTH = {("dispute", 1): 1.4, ("dispute", 2): 1.5, ("fire_hazard", 12): 1.6, ("fire_hazard", 1): 1.6,
              ("fire_hazard", 2): 1.4, ("request", 7): 1.3, ("request", 8): 1.3}

SURNAMES_FOR_TITLES = "王李张刘陈杨赵黄周吴"
