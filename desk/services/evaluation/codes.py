"""The criteria of the mutual evaluation (seed 002, DOMAIN.md "Mutual evaluation")."""
from __future__ import annotations

# Police rate grid leaders on:
GRID_LEADER_CRITERIA = {
    "data_accuracy": "基础信息采集准确率",
    "hazard_discovery": "治安隐患排查发现率",
    "mediation_success": "矛盾纠纷调解成功率",
    "response_speed": "工作配合响应速度",
}
# Grid leaders rate police on:
POLICE_CRITERIA = {
    "integration": "社会融入度",
    "handling": "问题处置效能",
    "guidance": "业务指导实效",
    "cooperation": "协作配合支持",
}
CRITERIA = {"grid_leader": GRID_LEADER_CRITERIA, "police": POLICE_CRITERIA}
SUBJECT_KINDS = {"grid_leader": "网格长", "police": "民辅警"}
ROUND_STATES = {"open": "评价中", "closed": "已结束"}
DEFAULT_PEER_WEIGHT = 60   # percent of the ranking from ratings; the rest from the data
MODEL_GRID = "示范网格"


def criterion_name(code: str) -> str:
    return GRID_LEADER_CRITERIA.get(code) or POLICE_CRITERIA.get(code) or code
