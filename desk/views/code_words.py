"""The words of the services' codes, for Qt's translation tools: statuses, kinds, sources,
actions and the like come from the services as Chinese text; lupdate only sees literal strings, so
every such word is listed here once, in the context the screens translate it in ("Board" for the
event area, "DispatchModels" for dispatch, "AuditWords" for the audit log's actions and entities).

Regenerate when a code table gains a word: the test tests/unit/test_code_words.py says which is missing.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

AUDIT_ACTIONS = {
    "auth.signin": QT_TRANSLATE_NOOP("AuditWords", "登录"),
    "auth.signout": QT_TRANSLATE_NOOP("AuditWords", "退出登录"),
    "auth.signin_failed": QT_TRANSLATE_NOOP("AuditWords", "登录失败"),
    "auth.signin_refused": QT_TRANSLATE_NOOP("AuditWords", "拒绝登录"),
    "auth.lockout": QT_TRANSLATE_NOOP("AuditWords", "账户锁定"),
    "auth.password_change": QT_TRANSLATE_NOOP("AuditWords", "修改密码"),
    "auth.denied": QT_TRANSLATE_NOOP("AuditWords", "无权操作被拒绝"),
    "auth.unlock": QT_TRANSLATE_NOOP("AuditWords", "解除锁屏"),
    "backup.create": QT_TRANSLATE_NOOP("AuditWords", "备份数据库"),
    "backup.restore": QT_TRANSLATE_NOOP("AuditWords", "恢复数据库"),
    "beat.create": QT_TRANSLATE_NOOP("AuditWords", "新建警务区"),
    "beat.link_grids": QT_TRANSLATE_NOOP("AuditWords", "警务区关联网格"),
    "beat.update_geometry": QT_TRANSLATE_NOOP("AuditWords", "修改警务区边界"),
    "data.export": QT_TRANSLATE_NOOP("AuditWords", "导出数据"),
    "data.print": QT_TRANSLATE_NOOP("AuditWords", "打印"),
    "deadline.set": QT_TRANSLATE_NOOP("AuditWords", "修改时限"),
    "event.report": QT_TRANSLATE_NOOP("AuditWords", "上报事件"),
    "event.attach": QT_TRANSLATE_NOOP("AuditWords", "添加附件"),
    "event.escalate": QT_TRANSLATE_NOOP("AuditWords", "逐级上升"),
    "event.import": QT_TRANSLATE_NOOP("AuditWords", "导入事件"),
    "grid.create": QT_TRANSLATE_NOOP("AuditWords", "新建网格"),
    "grid.recount_households": QT_TRANSLATE_NOOP("AuditWords", "重算网格户数"),
    "grid.update_geometry": QT_TRANSLATE_NOOP("AuditWords", "修改网格边界"),
    "import.departments": QT_TRANSLATE_NOOP("AuditWords", "导入职能部门"),
    "import.divisions": QT_TRANSLATE_NOOP("AuditWords", "导入区划"),
    "import.staff": QT_TRANSLATE_NOOP("AuditWords", "导入工作人员"),
    "matter.admit": QT_TRANSLATE_NOOP("AuditWords", "事项准入"),
    "matter.edit": QT_TRANSLATE_NOOP("AuditWords", "修改事项"),
    "matter.propose": QT_TRANSLATE_NOOP("AuditWords", "申请事项准入"),
    "meeting.create": QT_TRANSLATE_NOOP("AuditWords", "记录会议"),
    "meeting.update": QT_TRANSLATE_NOOP("AuditWords", "修改会议纪要"),
    "action_item.create": QT_TRANSLATE_NOOP("AuditWords", "形成督办事项"),
    "action_item.carry": QT_TRANSLATE_NOOP("AuditWords", "结转督办事项"),
    "action_item.start": QT_TRANSLATE_NOOP("AuditWords", "督办事项开始办理"),
    "action_item.finish": QT_TRANSLATE_NOOP("AuditWords", "督办事项完成"),
    "action_item.cancel": QT_TRANSLATE_NOOP("AuditWords", "取消督办事项"),
    "action_item.reopen": QT_TRANSLATE_NOOP("AuditWords", "重新打开督办事项"),
    "action_item.reassign": QT_TRANSLATE_NOOP("AuditWords", "调整督办事项期限或责任"),
    "routine.record": QT_TRANSLATE_NOOP("AuditWords", "记录培训巡逻演练"),
    "routine.finding_to_event": QT_TRANSLATE_NOOP("AuditWords", "巡逻发现上报事件"),
    "pii.unmask": QT_TRANSLATE_NOOP("AuditWords", "查看完整号码"),
    "settings.change": QT_TRANSLATE_NOOP("AuditWords", "修改设置"),
    "user.add": QT_TRANSLATE_NOOP("AuditWords", "新建账户"),
    "user.disable": QT_TRANSLATE_NOOP("AuditWords", "停用账户"),
    "user.enable": QT_TRANSLATE_NOOP("AuditWords", "启用账户"),
    "user.password_reset": QT_TRANSLATE_NOOP("AuditWords", "重置密码"),
    "user.role_change": QT_TRANSLATE_NOOP("AuditWords", "变更角色"),
    "user.unlock": QT_TRANSLATE_NOOP("AuditWords", "解锁账户"),
    "geo.assign": QT_TRANSLATE_NOOP("AuditWords", "指定网格位置"),
    "geo.import_grids": QT_TRANSLATE_NOOP("AuditWords", "导入网格边界"),
    "geo.import_beats": QT_TRANSLATE_NOOP("AuditWords", "导入警务区边界"),
    "geo.import_communitys": QT_TRANSLATE_NOOP("AuditWords", "导入社区边界"),
    "audit.export": QT_TRANSLATE_NOOP("AuditWords", "导出审计日志"),
    "audit.verify": QT_TRANSLATE_NOOP("AuditWords", "校验审计日志"),
    "audit.anchor": QT_TRANSLATE_NOOP("AuditWords", "写出审计锚点"),
    "datakey.register": QT_TRANSLATE_NOOP("AuditWords", "登记数据密钥"),
    "datakey.merge": QT_TRANSLATE_NOOP("AuditWords", "合并数据密钥"),
    "evaluation.open": QT_TRANSLATE_NOOP("AuditWords", "开启月度互评"),
    "evaluation.close": QT_TRANSLATE_NOOP("AuditWords", "结束月度互评"),
    "evaluation.weights": QT_TRANSLATE_NOOP("AuditWords", "设置互评权重"),
    "evaluation.rate": QT_TRANSLATE_NOOP("AuditWords", "互评打分"),
    "evaluation.model_grid": QT_TRANSLATE_NOOP("AuditWords", "评选示范网格"),
    "person.add": QT_TRANSLATE_NOOP("AuditWords", "登记人员"),
    "person.update": QT_TRANSLATE_NOOP("AuditWords", "修改人员信息"),
    "person.remove": QT_TRANSLATE_NOOP("AuditWords", "删除人员"),
    "person.merge": QT_TRANSLATE_NOOP("AuditWords", "合并重复人员"),
    "person.import": QT_TRANSLATE_NOOP("AuditWords", "导入人员"),
    "person.lookup": QT_TRANSLATE_NOOP("AuditWords", "按号码查找人员"),
    "person.correct_id": QT_TRANSLATE_NOOP("AuditWords", "更正身份证号"),
    "person.linked_list": QT_TRANSLATE_NOOP("AuditWords", "查看本部门案件关联人员"),
    "person.linked_view": QT_TRANSLATE_NOOP("AuditWords", "查看案件关联人员详情"),
    "house.import": QT_TRANSLATE_NOOP("AuditWords", "导入房屋"),
    "org_unit.import": QT_TRANSLATE_NOOP("AuditWords", "导入单位"),
    "care.set": QT_TRANSLATE_NOOP("AuditWords", "设定特殊人群管理等级"),
    "care.set_interval": QT_TRANSLATE_NOOP("AuditWords", "修改走访周期"),
    "visit.record": QT_TRANSLATE_NOOP("AuditWords", "登记走访"),
    "visit.to_board": QT_TRANSLATE_NOOP("AuditWords", "走访发现上报为事件"),
}
AUDIT_ENTITIES = {
    "user_account": QT_TRANSLATE_NOOP("AuditWords", "账户"),
    "event": QT_TRANSLATE_NOOP("AuditWords", "事件"),
    "dispatch": QT_TRANSLATE_NOOP("AuditWords", "派单"),
    "grid": QT_TRANSLATE_NOOP("AuditWords", "网格"),
    "community": QT_TRANSLATE_NOOP("AuditWords", "社区"),
    "police_beat": QT_TRANSLATE_NOOP("AuditWords", "警务区"),
    "staff": QT_TRANSLATE_NOOP("AuditWords", "人员"),
    "department": QT_TRANSLATE_NOOP("AuditWords", "部门"),
    "matter": QT_TRANSLATE_NOOP("AuditWords", "事项"),
    "meeting": QT_TRANSLATE_NOOP("AuditWords", "会议"),
    "action_item": QT_TRANSLATE_NOOP("AuditWords", "督办事项"),
    "routine_record": QT_TRANSLATE_NOOP("AuditWords", "培训巡逻演练"),
    "app_setting": QT_TRANSLATE_NOOP("AuditWords", "设置"),
    "deadline_limit": QT_TRANSLATE_NOOP("AuditWords", "时限"),
    "street": QT_TRANSLATE_NOOP("AuditWords", "街道"),
    "audit_log": QT_TRANSLATE_NOOP("AuditWords", "审计日志"),
    "backup": QT_TRANSLATE_NOOP("AuditWords", "备份"),
    "event_attachment": QT_TRANSLATE_NOOP("AuditWords", "附件"),
    "household": QT_TRANSLATE_NOOP("AuditWords", "住户"),
    "evaluation_round": QT_TRANSLATE_NOOP("AuditWords", "月度互评"),
    "person": QT_TRANSLATE_NOOP("AuditWords", "人员"),
    "visit": QT_TRANSLATE_NOOP("AuditWords", "走访"),
    "care_level": QT_TRANSLATE_NOOP("AuditWords", "管理等级"),
}


def audit_action(code: str) -> str:
    """auth.signin -> 登录 (or Sign-in in English); an unknown code is shown as it is."""
    if code.startswith("dispatch.") and code not in AUDIT_ACTIONS:
        return QCoreApplication.translate("AuditWords", "派单") + " · " + dispatch_word(_DISPATCH_ACTION.get(code[9:], code[9:]))
    if code.startswith("event.") and code not in AUDIT_ACTIONS:
        return QCoreApplication.translate("AuditWords", "事件") + " · " + board_word(_EVENT_ACTION.get(code[6:], code[6:]))
    word = AUDIT_ACTIONS.get(code)
    return QCoreApplication.translate("AuditWords", word) if word else code


def audit_entity(code: str | None) -> str:
    word = AUDIT_ENTITIES.get(code or "")
    return QCoreApplication.translate("AuditWords", word) if word else (code or "")


def board_word(text: str) -> str:
    return QCoreApplication.translate("Board", text)


def dispatch_word(text: str) -> str:
    return QCoreApplication.translate("DispatchModels", text)


def meeting_word(text: str) -> str:
    """A word of the meeting routine's codes (desk.services.meetings.codes), translated."""
    return QCoreApplication.translate("Meetings", text)


def kind_text(text: str) -> str:
    """A kind as the services spell it (民生诉求/环境卫生), word by word."""
    return "/".join(board_word(part) for part in text.split("/"))


def _event_actions() -> dict[str, str]:
    from desk.services.incidents.codes import ACTION_NAMES

    return dict(ACTION_NAMES)


def _dispatch_actions() -> dict[str, str]:
    from desk.services.dispatch.codes import ENTRY_KINDS

    return dict(ENTRY_KINDS) | {"send": "派单"}


_EVENT_ACTION = _event_actions()
_DISPATCH_ACTION = _dispatch_actions()


def _catalogue() -> None:  # pragma: no cover - read by lupdate, never run
    QCoreApplication.translate("Board", "网格员上报")
    QCoreApplication.translate("Board", "电话")
    QCoreApplication.translate("Board", "12345热线")
    QCoreApplication.translate("Board", "微信群")
    QCoreApplication.translate("Board", "巡查")
    QCoreApplication.translate("Board", "110非警务转办")
    QCoreApplication.translate("Board", "来访")
    QCoreApplication.translate("Board", "网上留言板")  # English: Online message board
    QCoreApplication.translate("Board", "其他系统导入")  # English: Imported from another system
    QCoreApplication.translate("Board", "矛盾纠纷")
    QCoreApplication.translate("Board", "安全隐患")
    QCoreApplication.translate("Board", "消防隐患")
    QCoreApplication.translate("Board", "治安线索")
    QCoreApplication.translate("Board", "民生诉求")
    QCoreApplication.translate("Board", "特殊人群事项")
    QCoreApplication.translate("Board", "信访维稳")
    QCoreApplication.translate("Board", "其他")
    QCoreApplication.translate("Board", "一般")
    QCoreApplication.translate("Board", "紧急")
    QCoreApplication.translate("Board", "待受理")
    QCoreApplication.translate("Board", "已受理")
    QCoreApplication.translate("Board", "网格处置")
    QCoreApplication.translate("Board", "已派单")
    QCoreApplication.translate("Board", "处置中")
    QCoreApplication.translate("Board", "已退单")
    QCoreApplication.translate("Board", "重新办理")
    QCoreApplication.translate("Board", "已反馈")
    QCoreApplication.translate("Board", "已核查")
    QCoreApplication.translate("Board", "已办结")
    QCoreApplication.translate("Board", "已回访")
    QCoreApplication.translate("Board", "已合并")
    QCoreApplication.translate("Board", "已撤销")
    QCoreApplication.translate("Board", "受理")
    QCoreApplication.translate("Board", "交网格处置")
    QCoreApplication.translate("Board", "派单")
    QCoreApplication.translate("Board", "签收处置")
    QCoreApplication.translate("Board", "退单")
    QCoreApplication.translate("Board", "反馈")
    QCoreApplication.translate("Board", "核查")
    QCoreApplication.translate("Board", "办结")
    QCoreApplication.translate("Board", "回访")
    QCoreApplication.translate("Board", "合并为重复")
    QCoreApplication.translate("Board", "撤销")
    QCoreApplication.translate("Board", "上报")
    QCoreApplication.translate("Board", "认领")
    QCoreApplication.translate("Board", "取消认领")
    QCoreApplication.translate("Board", "指派")
    QCoreApplication.translate("Board", "挂账")
    QCoreApplication.translate("Board", "取消挂账")
    QCoreApplication.translate("Board", "标记紧急")
    QCoreApplication.translate("Board", "取消紧急")
    QCoreApplication.translate("Board", "逐级上升")
    QCoreApplication.translate("Board", "调解")
    QCoreApplication.translate("Board", "添加附件")
    QCoreApplication.translate("Board", "修改")
    QCoreApplication.translate("Board", "网格员首接")
    QCoreApplication.translate("Board", "网格长调解")
    QCoreApplication.translate("Board", "社区民警介入")
    QCoreApplication.translate("Board", "派出所兜底")
    QCoreApplication.translate("Board", "调解成功")
    QCoreApplication.translate("Board", "部分化解")
    QCoreApplication.translate("Board", "调解未成")
    QCoreApplication.translate("Board", "转诉讼/仲裁")
    QCoreApplication.translate("Board", "满意")
    QCoreApplication.translate("Board", "基本满意")
    QCoreApplication.translate("Board", "不满意")
    QCoreApplication.translate("Board", "未联系上")
    QCoreApplication.translate("Board", "婚姻家庭")
    QCoreApplication.translate("Board", "邻里纠纷")
    QCoreApplication.translate("Board", "经济纠纷")
    QCoreApplication.translate("Board", "土地纠纷")
    QCoreApplication.translate("Board", "劳资纠纷")
    QCoreApplication.translate("Board", "物业纠纷")
    QCoreApplication.translate("Board", "燃气")
    QCoreApplication.translate("Board", "房屋建筑")
    QCoreApplication.translate("Board", "道路设施")
    QCoreApplication.translate("Board", "用电")
    QCoreApplication.translate("Board", "消防通道堵塞")
    QCoreApplication.translate("Board", "电动车违规充电")
    QCoreApplication.translate("Board", "私拉电线")
    QCoreApplication.translate("Board", "供水")
    QCoreApplication.translate("Board", "环境卫生")
    QCoreApplication.translate("Board", "路灯")
    QCoreApplication.translate("Board", "噪声")
    QCoreApplication.translate("Board", "占道经营")
    QCoreApplication.translate("Board", "签收")
    QCoreApplication.translate("Board", "办理反馈")
    QCoreApplication.translate("Board", "改派")
    QCoreApplication.translate("Board", "重新派单")
    QCoreApplication.translate("Board", "值班席")
    QCoreApplication.translate("DispatchModels", "党的建设")
    QCoreApplication.translate("DispatchModels", "社会治安综合治理")
    QCoreApplication.translate("DispatchModels", "居（村）民自治")
    QCoreApplication.translate("DispatchModels", "信访维稳")
    QCoreApplication.translate("DispatchModels", "劳动就业服务")
    QCoreApplication.translate("DispatchModels", "防灾减灾和消防安全")
    QCoreApplication.translate("DispatchModels", "疫情防控")
    QCoreApplication.translate("DispatchModels", "待准入")
    QCoreApplication.translate("DispatchModels", "已准入")
    QCoreApplication.translate("DispatchModels", "未准入")
    QCoreApplication.translate("DispatchModels", "已停用")
    QCoreApplication.translate("DispatchModels", "待签收")
    QCoreApplication.translate("DispatchModels", "办理中")
    QCoreApplication.translate("DispatchModels", "待核查")
    QCoreApplication.translate("DispatchModels", "已核查")
    QCoreApplication.translate("DispatchModels", "已办结")
    QCoreApplication.translate("DispatchModels", "已退单")
    QCoreApplication.translate("DispatchModels", "已改派")
    QCoreApplication.translate("DispatchModels", "已撤回")
    QCoreApplication.translate("DispatchModels", "派单结束")
    QCoreApplication.translate("DispatchModels", "已失效")
    QCoreApplication.translate("DispatchModels", "派单")
    QCoreApplication.translate("DispatchModels", "签收")
    QCoreApplication.translate("DispatchModels", "联办签收")
    QCoreApplication.translate("DispatchModels", "退单")
    QCoreApplication.translate("DispatchModels", "改派")
    QCoreApplication.translate("DispatchModels", "改派通知")
    QCoreApplication.translate("DispatchModels", "反馈")
    QCoreApplication.translate("DispatchModels", "核查")
    QCoreApplication.translate("DispatchModels", "办结")
    QCoreApplication.translate("DispatchModels", "回访")
    QCoreApplication.translate("DispatchModels", "重新办理")
    QCoreApplication.translate("DispatchModels", "催办")
    QCoreApplication.translate("DispatchModels", "督办")
    QCoreApplication.translate("DispatchModels", "领导批示")
    QCoreApplication.translate("DispatchModels", "加急")
    QCoreApplication.translate("DispatchModels", "申请延期")
    QCoreApplication.translate("DispatchModels", "延期审批")
    QCoreApplication.translate("DispatchModels", "改变建议部门")
    QCoreApplication.translate("DispatchModels", "核查通过")
    QCoreApplication.translate("DispatchModels", "阶段性闭环")
    QCoreApplication.translate("DispatchModels", "过简闭环")
    QCoreApplication.translate("DispatchModels", "错误办理")
    QCoreApplication.translate("DispatchModels", "满意")
    QCoreApplication.translate("DispatchModels", "基本满意")
    QCoreApplication.translate("DispatchModels", "不满意")
    QCoreApplication.translate("DispatchModels", "一般督办")
    QCoreApplication.translate("DispatchModels", "黄牌督办")
    QCoreApplication.translate("DispatchModels", "红牌督办")
    QCoreApplication.translate("DispatchModels", "待审批")
    QCoreApplication.translate("DispatchModels", "已批准")
    QCoreApplication.translate("DispatchModels", "未批准")
    QCoreApplication.translate("Board", "当前角色无权执行此操作")
    QCoreApplication.translate("Board", "事件当前为「%1」，可在以下状态%2：%3")
    QCoreApplication.translate("Board", "事件已结束")
    QCoreApplication.translate("Board", "只有矛盾纠纷需要调解")
    QCoreApplication.translate("Board", "事件尚未被认领")
    QCoreApplication.translate("Board", "事件已由 %1 认领")
    QCoreApplication.translate("Board", "正常")
    QCoreApplication.translate("Board", "黄牌预警")
    QCoreApplication.translate("Board", "超时")
    QCoreApplication.translate("Board", "%1天")
    QCoreApplication.translate("Board", "%1天%2小时")
    QCoreApplication.translate("Board", "%1小时%2分")
    QCoreApplication.translate("Board", "%1分")
    QCoreApplication.translate("Board", "超时 %1")
    QCoreApplication.translate("Board", "剩 %1")
    QCoreApplication.translate("Board", "网格员")
    QCoreApplication.translate("Board", "承办部门")
    QCoreApplication.translate("Board", "编号")
    QCoreApplication.translate("Board", "上报时间")
    QCoreApplication.translate("Board", "状态")
    QCoreApplication.translate("Board", "期限")
    QCoreApplication.translate("Board", "待谁办")
    QCoreApplication.translate("Board", "类型")
    QCoreApplication.translate("Board", "标题")
    QCoreApplication.translate("Board", "社区")
    QCoreApplication.translate("Board", "网格")
    QCoreApplication.translate("Board", "来源")
    QCoreApplication.translate("Board", "承办")
    QCoreApplication.translate("Board", "调解层级")
    QCoreApplication.translate("DispatchModels", "事件号")
    QCoreApplication.translate("DispatchModels", "标题")
    QCoreApplication.translate("DispatchModels", "类型")
    QCoreApplication.translate("DispatchModels", "网格")
    QCoreApplication.translate("DispatchModels", "承办部门")
    QCoreApplication.translate("DispatchModels", "协办部门")
    QCoreApplication.translate("DispatchModels", "状态")
    QCoreApplication.translate("DispatchModels", "派单时间")
    QCoreApplication.translate("DispatchModels", "签收时限")
    QCoreApplication.translate("DispatchModels", "办理时限")
    QCoreApplication.translate("DispatchModels", "督办/加急")
    QCoreApplication.translate("DispatchModels", "延期待批")
    QCoreApplication.translate("DispatchModels", "重办")
    QCoreApplication.translate("DispatchModels", "（签收超时）")
    QCoreApplication.translate("DispatchModels", "（办理超时）")
    QCoreApplication.translate("DispatchModels", "名称")
    QCoreApplication.translate("DispatchModels", "派单数")
    QCoreApplication.translate("DispatchModels", "按时签收率")
    QCoreApplication.translate("DispatchModels", "退单数")
    QCoreApplication.translate("DispatchModels", "办结数")
    QCoreApplication.translate("DispatchModels", "按时办结率")
    QCoreApplication.translate("DispatchModels", "平均办理时长(小时)")
    QCoreApplication.translate("DispatchModels", "满意率")
    QCoreApplication.translate("DispatchModels", "重办率")
    QCoreApplication.translate("DispatchModels", "非警务分流率")
    QCoreApplication.translate("DispatchModels", "网格内化解率")
    QCoreApplication.translate("DispatchModels", "较有把握")
    QCoreApplication.translate("DispatchModels", "仅供参考")
    QCoreApplication.translate("Roles", "值班员")
    QCoreApplication.translate("Roles", "领导")
    QCoreApplication.translate("Roles", "职能部门联络员")
    QCoreApplication.translate("Roles", "网格员")
    QCoreApplication.translate("Roles", "系统管理员")
    QCoreApplication.translate("Roles", "安全管理员")
    QCoreApplication.translate("Roles", "审计管理员")

