"""The registry's code tables: short English codes stored, Chinese names shown (English in
desk.views.code_words, context "Registry")."""
from __future__ import annotations

SEXES = {"male": "男", "female": "女"}
RESIDENCES = {"registered": "户籍人口", "resident": "常住人口", "floating": "流动人口"}
RELATIONS = {
    "head": "户主", "spouse": "配偶", "child": "子女", "parent": "父母", "grandchild": "孙子女",
    "grandparent": "祖父母", "sibling": "兄弟姐妹", "tenant": "租户", "other": "其他",
}
# DOMAIN.md, "Basic data": the special populations under graded care.
CATEGORIES = {
    "elderly_alone": "独居老人", "child_difficulty": "困境儿童", "disabled": "残障人士",
    "low_income": "低收入家庭", "idle_youth": "闲散青少年", "correction": "社区矫正人员",
    "entitled": "优抚对象", "released": "刑满释放人员", "mental": "严重精神障碍患者", "six_losses": "六失人员",
}
# Categories police monitor and grade (分级管控): their visits go with the community police officer.
POLICE_CATEGORIES = frozenset({"correction", "released", "mental", "six_losses"})
LEVEL_NAMES = {1: "红色", 2: "黄色", 3: "绿色"}
HOUSE_USES = {"owner": "自住", "rented": "出租", "vacant": "空置"}
UNIT_KINDS = {
    "shop": "商铺", "enterprise": "企业", "school": "学校", "site": "工地", "hospital": "医疗机构",
    "organisation": "社会组织", "venue": "公共场所", "other": "其他",
}
VISIT_STATES = {"overdue": "已逾期", "due": "即将到期", "ok": "正常", "never": "从未走访"}
DUE_SOON_DAYS = 3

# Names (Chinese or English) as people write them in a sheet → code.
SEX_WORDS = {"男": "male", "女": "female", "male": "male", "female": "female", "m": "male", "f": "female",
             "1": "male", "2": "female"}
RESIDENCE_WORDS = {**{v: k for k, v in RESIDENCES.items()}, **{k: k for k in RESIDENCES},
                   "户籍": "registered", "常住": "resident", "流动": "floating", "暂住": "floating",
                   "人户一致": "registered", "户在人不在": "registered", "人在户不在": "resident", "外来人口": "floating",
                   "流动人员": "floating", "暂住人口": "floating", "寄住人口": "resident", "境外人员": "floating"}
RELATION_WORDS = {**{v: k for k, v in RELATIONS.items()}, **{k: k for k in RELATIONS},
                  "本人": "head", "妻": "spouse", "夫": "spouse", "妻子": "spouse", "丈夫": "spouse",
                  "子": "child", "女": "child", "儿子": "child", "女儿": "child", "父亲": "parent", "母亲": "parent",
                  "孙子": "grandchild", "孙女": "grandchild", "兄弟": "sibling", "姐妹": "sibling", "承租人": "tenant"}
HOUSE_USE_WORDS = {**{v: k for k, v in HOUSE_USES.items()}, **{k: k for k in HOUSE_USES},
                   "自住房": "owner", "出租房": "rented", "空置房": "vacant", "闲置": "vacant"}
UNIT_KIND_WORDS = {**{v: k for k, v in UNIT_KINDS.items()}, **{k: k for k in UNIT_KINDS},
                   "门店": "shop", "个体工商户": "shop", "公司": "enterprise", "学校/幼儿园": "school", "幼儿园": "school",
                   "建筑工地": "site", "医院": "hospital", "诊所": "hospital"}
