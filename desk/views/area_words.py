"""The code words of the newer areas (meetings, registry, dashboard and evaluation), for Qt's
translation tools, in the contexts their screens translate them in; desk.views.code_words holds the
board's, dispatch's and the audit log's. lupdate reads both; nothing here runs but the word lists."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

# The registry's code words (desk.services.registry.codes) with their English, for the lead's
# `tools/i18n.py fill` into context "Registry" (desk.views.registry.models.rw translates them).
REGISTRY_WORDS = {
    QT_TRANSLATE_NOOP("Registry", "男"): "Male", QT_TRANSLATE_NOOP("Registry", "女"): "Female",
    QT_TRANSLATE_NOOP("Registry", "户籍人口"): "Registered", QT_TRANSLATE_NOOP("Registry", "常住人口"): "Resident",
    QT_TRANSLATE_NOOP("Registry", "流动人口"): "Floating",
    QT_TRANSLATE_NOOP("Registry", "户主"): "Head of household", QT_TRANSLATE_NOOP("Registry", "配偶"): "Spouse",
    QT_TRANSLATE_NOOP("Registry", "子女"): "Child", QT_TRANSLATE_NOOP("Registry", "父母"): "Parent",
    QT_TRANSLATE_NOOP("Registry", "孙子女"): "Grandchild", QT_TRANSLATE_NOOP("Registry", "祖父母"): "Grandparent",
    QT_TRANSLATE_NOOP("Registry", "兄弟姐妹"): "Sibling", QT_TRANSLATE_NOOP("Registry", "租户"): "Tenant",
    QT_TRANSLATE_NOOP("Registry", "其他"): "Other",
    QT_TRANSLATE_NOOP("Registry", "独居老人"): "Elderly living alone",
    QT_TRANSLATE_NOOP("Registry", "困境儿童"): "Child in difficulty", QT_TRANSLATE_NOOP("Registry", "残障人士"): "Disabled",
    QT_TRANSLATE_NOOP("Registry", "低收入家庭"): "Low-income family",
    QT_TRANSLATE_NOOP("Registry", "闲散青少年"): "Idle youth",
    QT_TRANSLATE_NOOP("Registry", "社区矫正人员"): "Community correction",
    QT_TRANSLATE_NOOP("Registry", "优抚对象"): "Entitled group",
    QT_TRANSLATE_NOOP("Registry", "刑满释放人员"): "Released from prison",
    QT_TRANSLATE_NOOP("Registry", "严重精神障碍患者"): "Severe mental disorder",
    QT_TRANSLATE_NOOP("Registry", "六失人员"): "\"Six losses\" at risk",
    QT_TRANSLATE_NOOP("Registry", "红色"): "Red", QT_TRANSLATE_NOOP("Registry", "黄色"): "Yellow",
    QT_TRANSLATE_NOOP("Registry", "绿色"): "Green",
    QT_TRANSLATE_NOOP("Registry", "自住"): "Owner-occupied", QT_TRANSLATE_NOOP("Registry", "出租"): "Rented",
    QT_TRANSLATE_NOOP("Registry", "空置"): "Vacant",
    QT_TRANSLATE_NOOP("Registry", "商铺"): "Shop", QT_TRANSLATE_NOOP("Registry", "企业"): "Enterprise",
    QT_TRANSLATE_NOOP("Registry", "学校"): "School", QT_TRANSLATE_NOOP("Registry", "工地"): "Building site",
    QT_TRANSLATE_NOOP("Registry", "医疗机构"): "Clinic or hospital",
    QT_TRANSLATE_NOOP("Registry", "社会组织"): "Social organisation",
    QT_TRANSLATE_NOOP("Registry", "公共场所"): "Public venue",
    QT_TRANSLATE_NOOP("Registry", "已逾期"): "Overdue", QT_TRANSLATE_NOOP("Registry", "即将到期"): "Due soon",
    QT_TRANSLATE_NOOP("Registry", "正常"): "On schedule", QT_TRANSLATE_NOOP("Registry", "从未走访"): "Never visited",
    # how a person is linked to a department's case (desk.services.registry.linked.HOW)
    QT_TRANSLATE_NOOP("Registry", "走访上报"): "Raised by a visit", QT_TRANSLATE_NOOP("Registry", "来电号码"): "Caller's phone",
    QT_TRANSLATE_NOOP("Registry", "事发地址为其住址"): "Event at their address",
}

# The dashboard's figures, periods and panels, and the evaluation's criteria (desk.services.figures.dashboard,
# desk.services.evaluation.codes), as the 数据总览 page translates them ("Dashboard").
DASHBOARD_WORDS = (
    QT_TRANSLATE_NOOP("Dashboard", "上报事件"), QT_TRANSLATE_NOOP("Dashboard", "事件流转办结率"),
    QT_TRANSLATE_NOOP("Dashboard", "群众求助平均处理时长"), QT_TRANSLATE_NOOP("Dashboard", "派单按时办结率"),
    QT_TRANSLATE_NOOP("Dashboard", "非警务类诉求分流率"), QT_TRANSLATE_NOOP("Dashboard", "网格内化解率"),
    QT_TRANSLATE_NOOP("Dashboard", "矛盾纠纷调解成功率"), QT_TRANSLATE_NOOP("Dashboard", "本期无数据"),
    QT_TRANSLATE_NOOP("Dashboard", "今日"), QT_TRANSLATE_NOOP("Dashboard", "本周"), QT_TRANSLATE_NOOP("Dashboard", "本月"),
    QT_TRANSLATE_NOOP("Dashboard", "上月"), QT_TRANSLATE_NOOP("Dashboard", "近30日"),
    QT_TRANSLATE_NOOP("Dashboard", "关键指标"), QT_TRANSLATE_NOOP("Dashboard", "趋势"),
    QT_TRANSLATE_NOOP("Dashboard", "热点网格与部门"), QT_TRANSLATE_NOOP("Dashboard", "超时事件"),
    QT_TRANSLATE_NOOP("Dashboard", "事件看板"), QT_TRANSLATE_NOOP("Dashboard", "网格地图"),
    QT_TRANSLATE_NOOP("Dashboard", "基础信息采集准确率"), QT_TRANSLATE_NOOP("Dashboard", "治安隐患排查发现率"),
    QT_TRANSLATE_NOOP("Dashboard", "工作配合响应速度"), QT_TRANSLATE_NOOP("Dashboard", "社会融入度"),
    QT_TRANSLATE_NOOP("Dashboard", "问题处置效能"), QT_TRANSLATE_NOOP("Dashboard", "业务指导实效"),
    QT_TRANSLATE_NOOP("Dashboard", "协作配合支持"), QT_TRANSLATE_NOOP("Dashboard", "示范网格"),
    QT_TRANSLATE_NOOP("Dashboard", "网格基础信息采集登记率"), QT_TRANSLATE_NOOP("Dashboard", "规范化服务走访覆盖率"),
)


def _meeting_catalogue() -> None:  # pragma: no cover - read by lupdate, never run
    QCoreApplication.translate("Meetings", "日见面")
    QCoreApplication.translate("Meetings", "周研判")
    QCoreApplication.translate("Meetings", "月讲评")
    QCoreApplication.translate("Meetings", "联席会议")
    QCoreApplication.translate("Meetings", "日见面会议")
    QCoreApplication.translate("Meetings", "周研判会议")
    QCoreApplication.translate("Meetings", "月讲评会议")
    QCoreApplication.translate("Meetings", "联席会议（专题协调会）")
    QCoreApplication.translate("Meetings", "计划召开")
    QCoreApplication.translate("Meetings", "已召开")
    QCoreApplication.translate("Meetings", "出席")
    QCoreApplication.translate("Meetings", "缺席")
    QCoreApplication.translate("Meetings", "代会")
    QCoreApplication.translate("Meetings", "手工")
    QCoreApplication.translate("Meetings", "数据")
    QCoreApplication.translate("Meetings", "事件")
    QCoreApplication.translate("Meetings", "派单")
    QCoreApplication.translate("Meetings", "督办事项")
    QCoreApplication.translate("Meetings", "待办")
    QCoreApplication.translate("Meetings", "办理中")
    QCoreApplication.translate("Meetings", "已完成")
    QCoreApplication.translate("Meetings", "已逾期")
    QCoreApplication.translate("Meetings", "已取消")
    QCoreApplication.translate("Meetings", "网格")
    QCoreApplication.translate("Meetings", "形成")
    QCoreApplication.translate("Meetings", "结转")
    QCoreApplication.translate("Meetings", "开始办理")
    QCoreApplication.translate("Meetings", "完成")
    QCoreApplication.translate("Meetings", "取消")
    QCoreApplication.translate("Meetings", "重新打开")
    QCoreApplication.translate("Meetings", "调整期限或责任")
    QCoreApplication.translate("Meetings", "业务培训")
    QCoreApplication.translate("Meetings", "网格长职业能力测试")
    QCoreApplication.translate("Meetings", "联合巡逻")
    QCoreApplication.translate("Meetings", "应急演练")
    QCoreApplication.translate("Meetings", "民警")
    QCoreApplication.translate("Meetings", "辅警")
    QCoreApplication.translate("Meetings", "网格员")
    QCoreApplication.translate("Meetings", "志愿者")
    QCoreApplication.translate("Meetings", "物业人员")
    QCoreApplication.translate("Meetings", "保安")
    QCoreApplication.translate("Meetings", "其他")
    QCoreApplication.translate("Meetings", "案例讲解")
    QCoreApplication.translate("Meetings", "情景模拟")
    QCoreApplication.translate("Meetings", "业务知识指导")
    QCoreApplication.translate("Meetings", "职业能力测试")
