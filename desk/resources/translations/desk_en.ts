<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../views/dispatch/models.py" line="34" />
        <source>事件号</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="34" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="68" />
        <location filename="../../views/dispatch/models.py" line="34" />
        <location filename="../../views/meetings/models.py" line="81" />
        <location filename="../../views/registry/models.py" line="82" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="68" />
        <location filename="../../views/dispatch/models.py" line="34" />
        <location filename="../../views/registry/models.py" line="39" />
        <location filename="../../views/registry/models.py" line="53" />
        <location filename="../../views/registry/models.py" line="82" />
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="69" />
        <source>超时/期限</source>
        <translation>Overdue / due</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="69" />
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="69" />
        <source>待谁办</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="70" />
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="97" />
        <location filename="../../views/dashboard/wall_board.py" line="144" />
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="134" />
        <source>升至</source>
        <translation>Risen to </translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="143" />
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="143" />
        <source>超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="144" />
        <source>黄牌预警</source>
        <translation>Yellow warning</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="145" />
        <source>逐级上升</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="145" />
        <source>今日上报</source>
        <translation>Reported today</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="146" />
        <source>今日办结</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="152" />
        <source>未办结事件按状态</source>
        <translation>Open events by status</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="194" />
        <source>需关注事件（超时、紧急、逐级上升）</source>
        <translation>Events needing attention (overdue, urgent, escalated)</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="195" />
        <location filename="../../views/dashboard/wall_board.py" line="197" />
        <source>  共 %1 件</source>
        <translation>  %1 in all</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="196" />
        <source>即将到期</source>
        <translation>Falling due next</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="34" />
        <source>承办部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="34" />
        <source>协办部门</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="69" />
        <location filename="../../views/dispatch/models.py" line="34" />
        <location filename="../../views/meetings/models.py" line="82" />
        <location filename="../../views/meetings/models.py" line="108" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="35" />
        <source>派单时间</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="35" />
        <source>签收时限</source>
        <translation>Accept by</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="35" />
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="35" />
        <source>督办/加急</source>
        <translation>Supervision/urgent</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="42" />
        <source>加急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="44" />
        <source>延期待批</source>
        <translation>Extension pending</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="46" />
        <source>重办</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="61" />
        <source>（签收超时）</source>
        <translation> (acceptance overdue)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/models.py" line="63" />
        <source>（办理超时）</source>
        <translation> (handling overdue)</translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="vanished">Name</translation>
    </message>
    <message>
        <source>派单数</source>
        <translation type="vanished">Dispatched</translation>
    </message>
    <message>
        <source>按时签收率</source>
        <translation type="vanished">Accepted on time</translation>
    </message>
    <message>
        <source>退单数</source>
        <translation type="vanished">Returned</translation>
    </message>
    <message>
        <source>办结数</source>
        <translation type="vanished">Closed</translation>
    </message>
    <message>
        <source>按时办结率</source>
        <translation type="vanished">Closed on time</translation>
    </message>
    <message>
        <source>平均办理时长(小时)</source>
        <translation type="vanished">Avg. handling (h)</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation type="vanished">Satisfaction</translation>
    </message>
    <message>
        <source>重办率</source>
        <translation type="vanished">Reopen rate</translation>
    </message>
    <message>
        <source>非警务分流率</source>
        <translation type="vanished">Non-police diversion</translation>
    </message>
    <message>
        <source>网格内化解率</source>
        <translation type="vanished">Resolved in grid</translation>
    </message>
    <message>
        <location filename="../../views/reports/history.py" line="21" />
        <source>期号</source>
        <translation>Issue no.</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="38" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="38" />
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="38" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="38" />
        <location filename="../../views/registry/models.py" line="82" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="38" />
        <source>人口类型</source>
        <translation>Residence type</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="39" />
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="39" />
        <source>现住址</source>
        <translation>Current address</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="39" />
        <source>特殊人群</source>
        <translation>Special population</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="52" />
        <location filename="../../views/reports/history.py" line="21" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="52" />
        <source>走访状态</source>
        <translation>Visit status</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="52" />
        <source>管理等级</source>
        <translation>Care level</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="52" />
        <source>走访周期(天)</source>
        <translation>Visit interval (days)</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="52" />
        <source>上次走访</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="53" />
        <source>应走访日期</source>
        <translation>Visit due</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="53" />
        <source>逾期(天)</source>
        <translation>Overdue (days)</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="53" />
        <source>包联人（网格员、民警）</source>
        <translation>Carers (grid worker, officer)</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="70" />
        <source>对象</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="70" />
        <source>走访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="70" />
        <source>走访情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="70" />
        <source>后续事项</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="70" />
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="82" />
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="82" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="82" />
        <location filename="../../views/registry/units.py" line="42" />
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../views/registry/models.py" line="82" />
        <location filename="../../views/registry/units.py" line="42" />
        <source>从业人数</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../views/reports/history.py" line="21" />
        <source>简报</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../views/reports/history.py" line="21" />
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="81" />
        <location filename="../../views/reports/history.py" line="21" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="68" />
        <location filename="../../views/meetings/models.py" line="81" />
        <location filename="../../views/meetings/models.py" line="107" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="81" />
        <location filename="../../views/registry/models.py" line="70" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="81" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="81" />
        <source>议题/地点</source>
        <translation>Matter/place</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="81" />
        <source>主持人</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="82" />
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="82" />
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="82" />
        <location filename="../../views/meetings/models.py" line="107" />
        <location filename="../../views/meetings/models.py" line="182" />
        <source>督办事项</source>
        <translation>Action items</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="107" />
        <location filename="../../views/meetings/models.py" line="182" />
        <source>责任人/部门</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_board.py" line="68" />
        <location filename="../../views/meetings/models.py" line="107" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="107" />
        <source>来源会议</source>
        <translation>From meeting</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="107" />
        <location filename="../../views/meetings/models.py" line="182" />
        <source>完成期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="108" />
        <source>结转次数</source>
        <translation>Carried</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="111" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="139" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="139" />
        <source>议程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="147" />
        <source>手工</source>
        <translation>Typed</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="150" />
        <source>双击打开</source>
        <translation>Double-click to open</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="163" />
        <location filename="../../views/registry/models.py" line="38" />
        <location filename="../../views/registry/models.py" line="52" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="163" />
        <source>单位/职务</source>
        <translation>Unit/post</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="163" />
        <source>出席情况</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="172" />
        <source>（代%1）</source>
        <translation> (for %1)</translation>
    </message>
    <message>
        <location filename="../../views/meetings/models.py" line="182" />
        <source>关联</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../views/reports/history.py" line="21" />
        <source>经办人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../views/reports/history.py" line="21" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="160" />
        <location filename="../../views/dispatch/figures_tab.py" line="172" />
        <location filename="../../views/table_export.py" line="39" />
        <location filename="../../views/table_export.py" line="58" />
        <location filename="../../views/table_export.py" line="74" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../views/table_export.py" line="39" />
        <source>当前角色无权导出数据。</source>
        <translation>Your role may not export data.</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="68" />
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="68" />
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="68" />
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="71" />
        <source>按部门</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="71" />
        <source>按网格</source>
        <translation>By grid</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="71" />
        <source>按社区</source>
        <translation>By community</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="74" />
        <source>最弱在前</source>
        <translation>Weakest first</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="77" />
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="80" />
        <source>排序</source>
        <translation>Sort by</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="115" />
        <source>读取派单指标</source>
        <translation>Reading the dispatch figures</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="167" />
        <location filename="../../views/table_export.py" line="52" />
        <source>记录导出</source>
        <translation>Recording the export</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/figures_tab.py" line="172" />
        <location filename="../../views/table_export.py" line="58" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../views/table_export.py" line="80" />
        <source>导出为 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../views/table_export.py" line="84" />
        <source>导出为 CSV…</source>
        <translation>Export to CSV…</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/drill.py" line="29" />
        <source>共 {n} 条</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="66" />
        <source>默认（本月，月初为上月）</source>
        <translation>Default (this month; last month on the 1st)</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="72" />
        <source>大屏模式 (F11)</source>
        <translation>Big screen (F11)</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="73" />
        <source>网格地图</source>
        <translation>Grid map</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="74" />
        <source>在网格地图上查看未办结和超时事件</source>
        <translation>See open and overdue events on the grid map</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="77" />
        <source> 秒轮播</source>
        <translation> s per page</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="91" />
        <source>轮播内容</source>
        <translation>Rotate through</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="96" />
        <source>时期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="183" />
        <source>更新于 </source>
        <translation>Updated </translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="215" />
        <source>读取指标清单</source>
        <translation>Reading the figure's list</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="227" />
        <source>读取事件清单</source>
        <translation>Reading the events</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="234" />
        <source>读取派单清单</source>
        <translation>Reading the dispatches</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="41" />
        <location filename="../../views/dashboard/tiles.py" line="67" />
        <source>点击查看此指标背后的事件清单</source>
        <translation>Click to list the records behind this figure</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="80" />
        <source>较上期 </source>
        <translation>vs previous </translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="33" />
        <source>本期无上报、派单或调解</source>
        <translation>Nothing reported, dispatched or mediated</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="30" />
        <source>本期无在管特殊人群</source>
        <translation>No one in special care this period</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="32" />
        <source>尚未录入基础信息</source>
        <translation>No registry data yet</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="38" />
        <source>点击查看在管特殊人群及走访情况（姓名已遮蔽）</source>
        <translation>Click for the people in special care and their visits (names masked)</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="40" />
        <source>点击查看各住户的登记情况</source>
        <translation>Click for each household's registration</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="82" />
        <source>达标</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="82" />
        <source>未达标</source>
        <translation>not met</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="83" />
        <source>目标 </source>
        <translation>Target </translation>
    </message>
    <message>
        <location filename="../../views/dashboard/tiles.py" line="84" />
        <source>本期合计</source>
        <translation>Total of the period</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/view.py" line="66" />
        <source>近12个月上报事件（件）</source>
        <translation>Events, last 12 months</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/view.py" line="67" />
        <source>近12个月办结率（%）</source>
        <translation>Completion, last 12 months (%)</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/view.py" line="68" />
        <source>近30日上报与办结（件）</source>
        <translation>Reported and closed, last 30 days</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/view.py" line="74" />
        <source>超时未办结事件</source>
        <translation>Overdue open events</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/view.py" line="75" />
        <source>网格评价排名（上月）</source>
        <translation>Grids' ranking (last month)</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/view.py" line="97" />
        <source>矛盾纠纷各层级化解情况</source>
        <translation>Disputes resolved at each rung</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/view.py" line="161" />
        <source>未办结、超时较多的网格</source>
        <translation>Grids with most open and overdue events</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/view.py" line="162" />
        <source>各社区未办结、超时</source>
        <translation>Open and overdue by community</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/view.py" line="171" />
        <source>各部门按时办结与退单</source>
        <translation>Departments: on time and returned</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall.py" line="42" />
        <source>数据总览（大屏）</source>
        <translation>Dashboard (big screen)</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall.py" line="63" />
        <source>按 Esc 或 F11 退出大屏</source>
        <translation>Press Esc or F11 to leave the big screen</translation>
    </message>
    <message>
        <source>开启本月互评</source>
        <translation type="vanished">Open this month's evaluation</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="54" />
        <source>开启该月互评</source>
        <translation>Open this month's evaluation</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="55" />
        <source>设置权重…</source>
        <translation>Set weights…</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="56" />
        <source>评选示范网格…</source>
        <translation>Choose a model grid…</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="58" />
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="71" />
        <source>我的互评</source>
        <translation>My ratings</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="73" />
        <source>网格排名</source>
        <translation>Grids' ranking</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="74" />
        <source>民辅警排名</source>
        <translation>Officers' ranking</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="75" />
        <source>网格评价排名</source>
        <translation>Grids' evaluation ranking</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="76" />
        <source>民辅警评价排名</source>
        <translation>Officers' evaluation ranking</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="130" />
        <source>开启 {month} 互评</source>
        <translation>Open the {month} evaluation</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="139" />
        <source>未开启互评</source>
        <translation>Evaluation not opened</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="156" />
        <source>评价奖惩</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="163" />
        <source>已开启互评。</source>
        <translation>The evaluation is open.</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="167" />
        <source>设置权重</source>
        <translation>Set weights</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="167" />
        <source>互评得分所占百分比（其余为数据得分）：</source>
        <translation>Share of the peer ratings in percent (the rest from the data):</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="169" />
        <source>权重已设置。</source>
        <translation>Weights set.</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="174" />
        <location filename="../../views/evaluation/page.py" line="178" />
        <source>评选示范网格</source>
        <translation>Choose a model grid</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="174" />
        <source>请先在网格排名中选中一个网格。</source>
        <translation>Select a grid in the grids' ranking first.</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="178" />
        <source>评选 {name} 为示范网格的理由：</source>
        <translation>Why {name} is a model grid:</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="180" />
        <source>已评选示范网格。</source>
        <translation>Model grid chosen.</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="184" />
        <source>评价已保存。</source>
        <translation>Rating saved.</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/rating.py" line="29" />
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/rating.py" line="32" />
        <source>评语（可选）：具体事例、改进建议</source>
        <translation>Comment (optional): examples, suggestions</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/rating.py" line="33" />
        <source>提交评价</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/rating.py" line="39" />
        <source>评价对象</source>
        <translation>Whom</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/rating.py" line="42" />
        <source>评语</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/rating.py" line="58" />
        <source>网格长</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/rating.py" line="58" />
        <source>民辅警</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/rating.py" line="62" />
        <source>民警、辅警评价本警格网格长；网格长评价联系本网格的民警、辅警。每月一次，可修改。</source>
        <translation>Officers rate the grid leaders of their beat; grid leaders rate the officers of their grid. Monthly; you may revise.</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/rating.py" line="63" />
        <source>当前账户没有可评价的对象（仅社区民警、辅警与网格长参与互评）。</source>
        <translation>This account has no one to rate (only community officers, auxiliary officers and grid leaders take part).</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/charts.py" line="99" />
        <source>未满一周
不计比率</source>
        <translation>Under a week:
no rate</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/charts.py" line="162" />
        <source>本月至今</source>
        <translation>Month to date</translation>
    </message>
    <message>
        <location filename="../../views/registry/actions.py" line="26" />
        <source>%1 身份证号：%2　电话：%3（已记录查看）</source>
        <translation>%1 ID number: %2　Phone: %3 (this view is recorded)</translation>
    </message>
    <message>
        <location filename="../../views/registry/actions.py" line="61" />
        <source>走访已记录</source>
        <translation>Visit recorded</translation>
    </message>
    <message>
        <location filename="../../views/registry/actions.py" line="61" />
        <source>，已上报为事件 #%1</source>
        <translation>, reported as event #%1</translation>
    </message>
    <message>
        <location filename="../../views/registry/actions.py" line="75" />
        <source>已列为特殊人群：%1</source>
        <translation>Taken into special care: %1</translation>
    </message>
    <message>
        <location filename="../../views/registry/actions.py" line="97" />
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../views/registry/actions.py" line="120" />
        <source>已登记 %1</source>
        <translation>Registered %1</translation>
    </message>
    <message>
        <location filename="../../views/registry/actions.py" line="126" />
        <source>未合并，已登记的记录保持不变</source>
        <translation>Not merged; the registered record is unchanged</translation>
    </message>
    <message>
        <location filename="../../views/registry/actions.py" line="133" />
        <source>已合并到 %1 的记录</source>
        <translation>Merged into the record of %1</translation>
    </message>
    <message>
        <location filename="../../views/registry/units.py" line="33" />
        <source>选择一个单位查看详情、走访记录和相关事件</source>
        <translation>Choose a unit to see its details, visits and related events</translation>
    </message>
    <message>
        <location filename="../../views/registry/units.py" line="42" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../views/registry/units.py" line="56" />
        <source>相关事件</source>
        <translation>Related events</translation>
    </message>
    <message>
        <location filename="../../views/registry/units.py" line="56" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_map.py" line="63" />
        <source>正在生成网格地图…</source>
        <translation>Building the grid map…</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_map.py" line="91" />
        <source>网格地图生成失败：</source>
        <translation>The grid map could not be built: </translation>
    </message>
    <message>
        <location filename="../../views/dashboard/wall_map.py" line="96" />
        <source>页面加载失败</source>
        <translation>The page did not load</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../views/help.py" line="101" />
        <source>关于 desk</source>
        <translation>About desk</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <location filename="../../views/accounts_page.py" line="32" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="32" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="32" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="32" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="32" />
        <source>所属部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="40" />
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="42" />
        <source>锁定至 </source>
        <translation>Locked until </translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="44" />
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="44" />
        <source>（须改密码）</source>
        <translation> (must change password)</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../views/accounts_page.py" line="138" />
        <source>新建账户…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="139" />
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="140" />
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="141" />
        <source>解除锁定</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="142" />
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="143" />
        <source>变更角色…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="150" />
        <source>无操作自动锁屏（分钟）</source>
        <translation>Lock after inactivity (minutes)</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="154" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="160" />
        <location filename="../../views/accounts_page.py" line="166" />
        <source>用户账户</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="213" />
        <location filename="../../views/accounts_page.py" line="242" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="218" />
        <source>已新建账户 {0}，首次登录须修改密码</source>
        <translation>Account {0} created; the password must be changed at first sign-in</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="224" />
        <source>已停用 {0}</source>
        <translation>Disabled {0}</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="224" />
        <source>已启用 {0}</source>
        <translation>Enabled {0}</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="231" />
        <source>已解除 {0} 的锁定</source>
        <translation>Unlocked {0}</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="246" />
        <source>已重置 {0} 的密码，下次登录须修改</source>
        <translation>{0}'s password was reset; they must change it at sign-in</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="259" />
        <source>{0} 的角色已改为 {1}</source>
        <translation>{0} is now {1}</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="265" />
        <source>锁屏时间已设为 {0} 分钟，各席位下次登录时生效</source>
        <translation>Lock time set to {0} minutes; takes effect at each seat's next sign-in</translation>
    </message>
</context>
<context>
    <name>AttachmentModel</name>
    <message>
        <location filename="../../views/board/attachments.py" line="31" />
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="31" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="31" />
        <source>添加人</source>
        <translation>Added by</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="31" />
        <source>添加时间</source>
        <translation>Added at</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <location filename="../../views/board/attachments.py" line="63" />
        <source>添加附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="66" />
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="93" />
        <source>选择附件</source>
        <translation>Choose an attachment</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="94" />
        <source>照片和文档 (*.jpg *.jpeg *.png *.gif *.webp *.pdf *.doc *.docx *.xls *.xlsx *.txt *.mp3 *.m4a *.amr *.mp4);;所有文件 (*)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.pdf *.doc *.docx *.xls *.xlsx *.txt *.mp3 *.m4a *.amr *.mp4);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="102" />
        <source>正在上传…</source>
        <translation>Uploading…</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="107" />
        <source>附件已添加</source>
        <translation>Attachment added</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="115" />
        <source>保存附件</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="120" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="124" />
        <source>已保存：</source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../views/board/attachments.py" line="129" />
        <source>附件操作未完成</source>
        <translation>Attachment not processed</translation>
    </message>
</context>
<context>
    <name>AuditBrowser</name>
    <message>
        <location filename="../../views/audit_browser.py" line="65" />
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="70" />
        <source>对象编号或内容包含…</source>
        <translation>Record no. or text contains…</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="72" />
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="74" />
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="76" />
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="79" />
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="79" />
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="80" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="105" />
        <location filename="../../views/audit_browser.py" line="111" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="135" />
        <source>共 {0} 条记录（最新在前）</source>
        <translation>{0} records (newest first)</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="140" />
        <source>无法读取审计日志：</source>
        <translation>Cannot read the audit log: </translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="146" />
        <source>修改前：</source>
        <translation>Before:</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="146" />
        <source>修改后：</source>
        <translation>After:</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="152" />
        <source>审计链完整：{0} 条记录校验通过</source>
        <translation>Audit chain intact: {0} records verified</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="155" />
        <source>审计日志被篡改或缺失：第一条有问题的记录编号 {0}（{1}）</source>
        <translation>Audit log altered or incomplete: first bad record no. {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="162" />
        <source>导出审计记录</source>
        <translation>Export Audit Records</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="169" />
        <source>已导出 {0} 条记录到 {1}</source>
        <translation>Exported {0} records to {1}</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../views/audit_browser.py" line="28" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="28" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="28" />
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="28" />
        <source>席位</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="28" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="29" />
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../views/audit_browser.py" line="29" />
        <source>对象编号</source>
        <translation>Object ID</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="../../views/code_words.py" line="13" />
        <source>登录</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="14" />
        <source>退出登录</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="15" />
        <source>登录失败</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="16" />
        <source>拒绝登录</source>
        <translation>Sign-in refused</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="17" />
        <source>账户锁定</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="18" />
        <source>修改密码</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="19" />
        <source>无权操作被拒绝</source>
        <translation>Refused: not permitted</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="20" />
        <source>解除锁屏</source>
        <translation>Screen unlocked</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="21" />
        <source>备份数据库</source>
        <translation>Database backed up</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="22" />
        <source>恢复数据库</source>
        <translation>Database restored</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="23" />
        <source>新建警务区</source>
        <translation>Police beat created</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="24" />
        <source>警务区关联网格</source>
        <translation>Beat linked to grids</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="25" />
        <source>修改警务区边界</source>
        <translation>Beat boundary changed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="26" />
        <source>导出数据</source>
        <translation>Data exported</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="27" />
        <source>打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="28" />
        <source>修改时限</source>
        <translation>Time limit changed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="29" />
        <source>上报事件</source>
        <translation>Event reported</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="30" />
        <source>添加附件</source>
        <translation>Attachment added</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="31" />
        <source>逐级上升</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="32" />
        <source>导入事件</source>
        <translation>Events imported</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="33" />
        <source>新建网格</source>
        <translation>Grid created</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="34" />
        <source>重算网格户数</source>
        <translation>Grid households recounted</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="35" />
        <source>修改网格边界</source>
        <translation>Grid boundary changed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="36" />
        <source>导入职能部门</source>
        <translation>Import departments</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="37" />
        <source>导入区划</source>
        <translation>Divisions imported</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="38" />
        <source>导入工作人员</source>
        <translation>Import staff</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="39" />
        <source>事项准入</source>
        <translation>Matter admitted</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="40" />
        <source>修改事项</source>
        <translation>Matter edited</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="41" />
        <source>申请事项准入</source>
        <translation>Matter proposed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="42" />
        <source>记录会议</source>
        <translation>Record a meeting</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="43" />
        <source>修改会议纪要</source>
        <translation>Edit minutes</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="44" />
        <source>形成督办事项</source>
        <translation>Create action item</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="45" />
        <source>结转督办事项</source>
        <translation>Carry over action items</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="46" />
        <source>督办事项开始办理</source>
        <translation>Action item started</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="47" />
        <source>督办事项完成</source>
        <translation>Action item done</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="48" />
        <source>取消督办事项</source>
        <translation>Cancel action item</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="49" />
        <source>重新打开督办事项</source>
        <translation>Reopen action item</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="50" />
        <source>调整督办事项期限或责任</source>
        <translation>Change an action item's due date or owner</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="51" />
        <source>记录培训巡逻演练</source>
        <translation>Record training/patrol/drill</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="52" />
        <source>巡逻发现上报事件</source>
        <translation>Patrol finding reported as event</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="53" />
        <source>查看完整号码</source>
        <translation>Full number viewed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="54" />
        <source>修改设置</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="55" />
        <source>新建账户</source>
        <translation>Account created</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="56" />
        <source>停用账户</source>
        <translation>Account disabled</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="57" />
        <source>启用账户</source>
        <translation>Account enabled</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="58" />
        <source>重置密码</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="59" />
        <source>变更角色</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="60" />
        <source>解锁账户</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="61" />
        <source>指定网格位置</source>
        <translation>Grid location assigned</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="62" />
        <source>导入网格边界</source>
        <translation>Grid boundaries imported</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="63" />
        <source>导入警务区边界</source>
        <translation>Beat boundaries imported</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="64" />
        <source>导入社区边界</source>
        <translation>Community boundaries imported</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="65" />
        <source>导出审计日志</source>
        <translation>Audit log exported</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="66" />
        <source>校验审计日志</source>
        <translation>Audit log verified</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="67" />
        <source>写出审计锚点</source>
        <translation>Audit anchor written</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="68" />
        <source>登记数据密钥</source>
        <translation>Data key registered</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="69" />
        <source>合并数据密钥</source>
        <translation>Data key merged</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="70" />
        <source>开启月度互评</source>
        <translation>Open the monthly mutual evaluation</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="71" />
        <source>结束月度互评</source>
        <translation>Close the monthly mutual evaluation</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="72" />
        <source>设置互评权重</source>
        <translation>Set the evaluation weights</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="73" />
        <source>互评打分</source>
        <translation>Mutual evaluation score</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="74" />
        <source>评选示范网格</source>
        <translation>Choose a model grid</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="75" />
        <source>登记人员</source>
        <translation>Register a person</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="76" />
        <source>修改人员信息</source>
        <translation>Change a person's details</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="77" />
        <source>删除人员</source>
        <translation>Remove a person</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="78" />
        <source>合并重复人员</source>
        <translation>Merge duplicate people</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="79" />
        <source>导入人员</source>
        <translation>Import people</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="80" />
        <source>按号码查找人员</source>
        <translation>Look up a person by number</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="81" />
        <source>更正身份证号</source>
        <translation>Correct an ID number</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="82" />
        <source>查看本部门案件关联人员</source>
        <translation>View the people linked to the department's cases</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="83" />
        <source>查看案件关联人员详情</source>
        <translation>View a person linked to a case</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="84" />
        <source>导入房屋</source>
        <translation>Import houses</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="85" />
        <source>导入单位</source>
        <translation>Import units</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="86" />
        <source>设定特殊人群管理等级</source>
        <translation>Set a special-care level</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="87" />
        <source>修改走访周期</source>
        <translation>Change a visit interval</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="88" />
        <source>登记走访</source>
        <translation>Record a visit</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="89" />
        <source>走访发现上报为事件</source>
        <translation>Report a visit finding as an event</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="92" />
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="93" />
        <location filename="../../views/code_words.py" line="123" />
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="94" />
        <location filename="../../views/code_words.py" line="121" />
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="95" />
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="96" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="97" />
        <source>警务区</source>
        <translation>Police beat</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="98" />
        <location filename="../../views/code_words.py" line="112" />
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="99" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="100" />
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="101" />
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="102" />
        <source>督办事项</source>
        <translation>Action items</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="103" />
        <source>培训巡逻演练</source>
        <translation>Trainings, patrols, drills</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="104" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="105" />
        <source>时限</source>
        <translation>Time limits</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="106" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="107" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="108" />
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="109" />
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="110" />
        <source>住户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="111" />
        <source>月度互评</source>
        <translation>Monthly mutual evaluation</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="113" />
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="114" />
        <source>管理等级</source>
        <translation>Care level</translation>
    </message>
</context>
<context>
    <name>Balance</name>
    <message>
        <location filename="../../views/map/balance_view.py" line="18" />
        <source>达标</source>
        <translation>Within standard</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="19" />
        <source>偏小</source>
        <translation>Too small</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="20" />
        <source>偏大</source>
        <translation>Too large</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="21" />
        <source>专属网格</source>
        <translation>Dedicated grid</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="22" />
        <source>专属网格无专人</source>
        <translation>Dedicated grid without staff</translation>
    </message>
</context>
<context>
    <name>BalanceModel</name>
    <message>
        <location filename="../../views/map/balance_view.py" line="32" />
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="32" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="32" />
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="32" />
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="32" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="33" />
        <source>建议</source>
        <translation>Suggestion</translation>
    </message>
</context>
<context>
    <name>BalancePanel</name>
    <message>
        <location filename="../../views/map/balance_view.py" line="61" />
        <source>也显示达标网格</source>
        <translation>Also show grids within standard</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="82" />
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../views/map/balance_view.py" line="102" />
        <source>共 {0} 个网格：偏大 {1}，偏小 {2}，达标 {3}；调整建议 {4} 条</source>
        <translation>{0} grids: {1} too large, {2} too small, {3} within standard; {4} suggested adjustments</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <location filename="../../views/code_words.py" line="168" />
        <source>网格员上报</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="169" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="170" />
        <source>12345热线</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="171" />
        <source>微信群</source>
        <translation>WeChat group</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="172" />
        <source>巡查</source>
        <translation>Patrol</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="173" />
        <source>110非警务转办</source>
        <translation>110 non-police transfer</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="174" />
        <source>来访</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="175" />
        <source>网上留言板</source>
        <translation>Online message board</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="176" />
        <source>其他系统导入</source>
        <translation>Imported from another system</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="177" />
        <source>矛盾纠纷</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="178" />
        <source>安全隐患</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="179" />
        <source>消防隐患</source>
        <translation>Fire hazard</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="180" />
        <source>治安线索</source>
        <translation>Public-order lead</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="181" />
        <source>民生诉求</source>
        <translation>Public request</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="182" />
        <source>特殊人群事项</source>
        <translation>Special population</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="183" />
        <source>信访维稳</source>
        <translation>Petition / stability</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="184" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="185" />
        <source>一般</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="186" />
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="187" />
        <source>待受理</source>
        <translation>To accept</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="188" />
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="189" />
        <source>网格处置</source>
        <translation>In the grid</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="190" />
        <source>已派单</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="191" />
        <source>处置中</source>
        <translation>Being handled</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="192" />
        <source>已退单</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="193" />
        <source>重新办理</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="194" />
        <source>已反馈</source>
        <translation>Feedback given</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="195" />
        <source>已核查</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="196" />
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="197" />
        <source>已回访</source>
        <translation>Called back</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="198" />
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="199" />
        <source>已撤销</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="200" />
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="201" />
        <source>交网格处置</source>
        <translation>Hand to the grid</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="202" />
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="203" />
        <source>签收处置</source>
        <translation>Take on</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="204" />
        <source>退单</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="205" />
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="206" />
        <source>核查</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="207" />
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="208" />
        <source>回访</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="209" />
        <source>合并为重复</source>
        <translation>Merge as duplicate</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="210" />
        <source>撤销</source>
        <translation>Cancel event</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="211" />
        <source>上报</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="212" />
        <source>认领</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="213" />
        <source>取消认领</source>
        <translation>Unclaim</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="214" />
        <source>指派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="215" />
        <source>挂账</source>
        <translation>On record</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="216" />
        <source>取消挂账</source>
        <translation>Off record</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="217" />
        <source>标记紧急</source>
        <translation>Mark urgent</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="218" />
        <source>取消紧急</source>
        <translation>Not urgent</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="219" />
        <source>逐级上升</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="220" />
        <source>调解</source>
        <translation>Mediate</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="221" />
        <source>添加附件</source>
        <translation>Attachment added</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="222" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="223" />
        <source>网格员首接</source>
        <translation>Grid worker first</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="224" />
        <source>网格长调解</source>
        <translation>Grid leader mediates</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="225" />
        <source>社区民警介入</source>
        <translation>Community police step in</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="226" />
        <source>派出所兜底</source>
        <translation>Police station backstop</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="227" />
        <source>调解成功</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="228" />
        <source>部分化解</source>
        <translation>Partly resolved</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="229" />
        <source>调解未成</source>
        <translation>Not resolved</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="230" />
        <source>转诉讼/仲裁</source>
        <translation>Referred to court/arbitration</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="231" />
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="232" />
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="233" />
        <source>不满意</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="234" />
        <source>未联系上</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="235" />
        <source>婚姻家庭</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="236" />
        <source>邻里纠纷</source>
        <translation>Neighbours</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="237" />
        <source>经济纠纷</source>
        <translation>Money</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="238" />
        <source>土地纠纷</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="239" />
        <source>劳资纠纷</source>
        <translation>Wages</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="240" />
        <source>物业纠纷</source>
        <translation>Property management</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="241" />
        <source>燃气</source>
        <translation>Gas</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="242" />
        <source>房屋建筑</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="243" />
        <source>道路设施</source>
        <translation>Roads</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="244" />
        <source>用电</source>
        <translation>Electricity</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="245" />
        <source>消防通道堵塞</source>
        <translation>Fire lane blocked</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="246" />
        <source>电动车违规充电</source>
        <translation>E-bike charging</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="247" />
        <source>私拉电线</source>
        <translation>Illegal wiring</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="248" />
        <source>供水</source>
        <translation>Water supply</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="249" />
        <source>环境卫生</source>
        <translation>Sanitation</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="250" />
        <source>路灯</source>
        <translation>Street lights</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="251" />
        <source>噪声</source>
        <translation>Noise</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="252" />
        <source>占道经营</source>
        <translation>Street stalls</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="253" />
        <source>签收</source>
        <translation>Take on</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="254" />
        <source>办理反馈</source>
        <translation>Report back</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="255" />
        <source>改派</source>
        <translation>Re-route</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="256" />
        <source>重新派单</source>
        <translation>Dispatch again</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="257" />
        <source>值班席</source>
        <translation>Duty seat</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="310" />
        <source>当前角色无权执行此操作</source>
        <translation>Your role may not do this</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="311" />
        <source>事件当前为「%1」，可在以下状态%2：%3</source>
        <translation>The event is “%1”; %2 is possible when it is: %3</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="312" />
        <source>事件已结束</source>
        <translation>The event is finished</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="313" />
        <source>只有矛盾纠纷需要调解</source>
        <translation>Only disputes are mediated</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="314" />
        <source>事件尚未被认领</source>
        <translation>Nobody has claimed the event</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="315" />
        <source>事件已由 %1 认领</source>
        <translation>Claimed by %1</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="316" />
        <source>正常</source>
        <translation>In time</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="317" />
        <source>黄牌预警</source>
        <translation>Yellow warning</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="318" />
        <source>超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="319" />
        <source>%1天</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="320" />
        <source>%1天%2小时</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="321" />
        <source>%1小时%2分</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="322" />
        <source>%1分</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="323" />
        <source>超时 %1</source>
        <translation>Overdue %1</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="324" />
        <source>剩 %1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="325" />
        <source>网格员</source>
        <translation>grid worker</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="326" />
        <source>承办部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="327" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="328" />
        <source>上报时间</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="329" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="330" />
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="331" />
        <source>待谁办</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="332" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="333" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="334" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="335" />
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="336" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="337" />
        <source>承办</source>
        <translation>Handler</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="338" />
        <source>调解层级</source>
        <translation>Mediation level</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../views/board/page.py" line="81" />
        <source>新建事件 (Ctrl+N)</source>
        <translation>New event (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="83" />
        <location filename="../../views/board/page.py" line="337" />
        <source>认领</source>
        <translation>Claim</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="85" />
        <location filename="../../views/board/page.py" line="342" />
        <source>批量受理</source>
        <translation>Accept selected</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="87" />
        <location filename="../../views/board/page.py" line="351" />
        <source>合并为重复</source>
        <translation>Merge as duplicate</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="89" />
        <location filename="../../views/board/page.py" line="360" />
        <location filename="../../views/board/page.py" line="363" />
        <source>批量指派</source>
        <translation>Assign selected</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="91" />
        <source>时限设置</source>
        <translation>Deadline limits</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="121" />
        <source>事件看板</source>
        <translation>Incident board</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="160" />
        <source>读取事件</source>
        <translation>Reading events</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="161" />
        <source>无法读取事件：</source>
        <translation>Cannot read events: </translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="237" />
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="237" />
        <source>超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="237" />
        <source>黄牌</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="238" />
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="247" />
        <source>当前显示 </source>
        <translation>Showing </translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="292" />
        <source>已登记事件 #</source>
        <translation>Registered event #</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="299" />
        <source>时限已保存</source>
        <translation>Limits saved</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="312" />
        <source>操作未完成</source>
        <translation>Action not completed</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="347" />
        <source>请选择至少两条：最早的一条作为原事件</source>
        <translation>Select at least two: the earliest one becomes the original</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="360" />
        <source>指派给：</source>
        <translation>Assign to:</translation>
    </message>
    <message>
        <location filename="../../views/board/page.py" line="366" />
        <source>逐级上升检查</source>
        <translation>Escalation check</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="177" />
        <source>列为特殊人群</source>
        <translation>Take into special care</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="186" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="187" />
        <source>管理等级</source>
        <translation>Care level</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../views/area_words.py" line="47" />
        <source>上报事件</source>
        <translation>Report event</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="47" />
        <source>事件流转办结率</source>
        <translation>Event flow completion rate</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="48" />
        <source>群众求助平均处理时长</source>
        <translation>Average handling time of requests</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="48" />
        <source>派单按时办结率</source>
        <translation>Dispatches closed on time</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="49" />
        <source>非警务类诉求分流率</source>
        <translation>Non-police request diversion rate</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="49" />
        <source>网格内化解率</source>
        <translation>Resolved inside the grid</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="50" />
        <source>矛盾纠纷调解成功率</source>
        <translation>Dispute mediation success rate</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="50" />
        <source>本期无数据</source>
        <translation>No data in this period</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="51" />
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="51" />
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="51" />
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="52" />
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="52" />
        <source>近30日</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="53" />
        <source>关键指标</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="53" />
        <source>趋势</source>
        <translation>Trends</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="54" />
        <source>热点网格与部门</source>
        <translation>Hotspot grids and departments</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="54" />
        <source>超时事件</source>
        <translation>Overdue events</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="55" />
        <source>事件看板</source>
        <translation>Incident board</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="55" />
        <source>网格地图</source>
        <translation>Grid map</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="56" />
        <source>基础信息采集准确率</source>
        <translation>Basic-data accuracy</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="56" />
        <source>治安隐患排查发现率</source>
        <translation>Hazard discovery rate</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="57" />
        <source>工作配合响应速度</source>
        <translation>Response speed</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="57" />
        <source>社会融入度</source>
        <translation>Integration into the community</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="58" />
        <source>问题处置效能</source>
        <translation>Problem-handling effectiveness</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="58" />
        <source>业务指导实效</source>
        <translation>Guidance given</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="59" />
        <source>协作配合支持</source>
        <translation>Cooperation and support</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="59" />
        <source>示范网格</source>
        <translation>Model grid</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="60" />
        <source>网格基础信息采集登记率</source>
        <translation>Grid registration rate</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="60" />
        <source>规范化服务走访覆盖率</source>
        <translation>Visit coverage</translation>
    </message>
    <message>
        <source>数据总览（大屏）</source>
        <translation type="vanished">Dashboard (big screen)</translation>
    </message>
    <message>
        <source>按 Esc 或 F11 退出大屏</source>
        <translation type="vanished">Press Esc or F11 to leave the big screen</translation>
    </message>
    <message>
        <source>警网融合中心 · 数据总览</source>
        <translation type="vanished"> Police–Grid Fusion Centre · Dashboard</translation>
    </message>
    <message>
        <source>编号</source>
        <translation type="vanished">No.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="vanished">Kind</translation>
    </message>
    <message>
        <source>网格</source>
        <translation type="vanished">Grid</translation>
    </message>
    <message>
        <source>社区</source>
        <translation type="vanished">Community</translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="vanished">Status</translation>
    </message>
    <message>
        <source>超时/期限</source>
        <translation type="vanished">Overdue / due</translation>
    </message>
    <message>
        <source>到期</source>
        <translation type="vanished">Due</translation>
    </message>
    <message>
        <source>待谁办</source>
        <translation type="vanished">Next step</translation>
    </message>
    <message>
        <source>标记</source>
        <translation type="vanished">Flags</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation type="vanished">Urgent</translation>
    </message>
    <message>
        <source>升至</source>
        <translation type="vanished">Risen to </translation>
    </message>
    <message>
        <source>未办结</source>
        <translation type="vanished">Open</translation>
    </message>
    <message>
        <source>超时</source>
        <translation type="vanished">Overdue</translation>
    </message>
    <message>
        <source>黄牌预警</source>
        <translation type="vanished">Yellow warning</translation>
    </message>
    <message>
        <source>逐级上升</source>
        <translation type="vanished">Escalated</translation>
    </message>
    <message>
        <source>今日上报</source>
        <translation type="vanished">Reported today</translation>
    </message>
    <message>
        <source>今日办结</source>
        <translation type="vanished">Closed today</translation>
    </message>
    <message>
        <source>未办结事件按状态</source>
        <translation type="vanished">Open events by status</translation>
    </message>
    <message>
        <source>需关注事件（超时、紧急、逐级上升）</source>
        <translation type="vanished">Events needing attention (overdue, urgent, escalated)</translation>
    </message>
    <message>
        <source>  共 %1 件</source>
        <translation type="vanished">  %1 in all</translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation type="vanished">Falling due next</translation>
    </message>
    <message>
        <source>正在生成网格地图…</source>
        <translation type="vanished">Building the grid map…</translation>
    </message>
    <message>
        <source>网格地图生成失败：</source>
        <translation type="vanished">The grid map could not be built: </translation>
    </message>
    <message>
        <source>页面加载失败</source>
        <translation type="vanished">The page did not load</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="35" />
        <location filename="../../views/dispatch/dialog.py" line="77" />
        <source>改派</source>
        <translation>Reroute</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="35" />
        <location filename="../../views/dispatch/dialog.py" line="77" />
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="37" />
        <source>正在读取事件…</source>
        <translation>Loading event…</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="59" />
        <source>办理要求（可选）</source>
        <translation>Instructions (optional)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="62" />
        <source>与建议部门不同：请说明原因</source>
        <translation>Differs from the suggested department: give a reason</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="64" />
        <source>改派原因（必填）</source>
        <translation>Reason for rerouting (required)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="66" />
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="67" />
        <source>承办部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="68" />
        <source>协办部门</source>
        <translation>Assisting departments</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="69" />
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="70" />
        <source>办理要求</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="71" />
        <source>改派理由</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>改变建议</source>
        <translation type="vanished">Override</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="73" />
        <source>改派原因</source>
        <translation>Reason for rerouting</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="91" />
        <source>无法读取：</source>
        <translation>Cannot read: </translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="97" />
        <source>当前状态</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="102" />
        <source>（未选择事项）</source>
        <translation>(no matter selected)</translation>
    </message>
    <message>
        <source>建议：</source>
        <translation type="vanished">Suggested: </translation>
    </message>
    <message>
        <source>（无）</source>
        <translation type="vanished">(none)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="190" />
        <source>已被处理</source>
        <translation>Already handled</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/dialog.py" line="193" />
        <source>未派单</source>
        <translation>Not dispatched</translation>
    </message>
</context>
<context>
    <name>DispatchModels</name>
    <message>
        <location filename="../../views/code_words.py" line="258" />
        <source>党的建设</source>
        <translation>Party building</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="259" />
        <source>社会治安综合治理</source>
        <translation>Public order</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="260" />
        <source>居（村）民自治</source>
        <translation>Residents' self-government</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="261" />
        <source>信访维稳</source>
        <translation>Petition / stability</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="262" />
        <source>劳动就业服务</source>
        <translation>Employment services</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="263" />
        <source>防灾减灾和消防安全</source>
        <translation>Disasters and fire safety</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="264" />
        <source>疫情防控</source>
        <translation>Epidemic control</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="265" />
        <source>待准入</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="266" />
        <source>已准入</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="267" />
        <source>未准入</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="268" />
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="269" />
        <source>待签收</source>
        <translation>To take on</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="270" />
        <source>办理中</source>
        <translation>In hand</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="271" />
        <source>待核查</source>
        <translation>To verify</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="272" />
        <source>已核查</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="273" />
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="274" />
        <source>已退单</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="275" />
        <source>已改派</source>
        <translation>Re-routed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="276" />
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="277" />
        <source>派单结束</source>
        <translation>Case ended</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="278" />
        <source>已失效</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="279" />
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="280" />
        <source>签收</source>
        <translation>Take on</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="281" />
        <source>联办签收</source>
        <translation>Assisting taken on</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="282" />
        <source>退单</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="283" />
        <source>改派</source>
        <translation>Re-route</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="284" />
        <source>改派通知</source>
        <translation>Re-route notice</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="285" />
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="286" />
        <source>核查</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="287" />
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="288" />
        <source>回访</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="289" />
        <source>重新办理</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="290" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="291" />
        <source>督办</source>
        <translation>Supervise</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="292" />
        <source>领导批示</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="293" />
        <source>加急</source>
        <translation>Expedite</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="294" />
        <source>申请延期</source>
        <translation>Ask for extension</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="295" />
        <source>延期审批</source>
        <translation>Extension decided</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="296" />
        <source>改变建议部门</source>
        <translation>Proposal overridden</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="297" />
        <source>核查通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="298" />
        <source>阶段性闭环</source>
        <translation>Closed for now</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="299" />
        <source>过简闭环</source>
        <translation>Closed too thinly</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="300" />
        <source>错误办理</source>
        <translation>Handled wrongly</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="301" />
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="302" />
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="303" />
        <source>不满意</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="304" />
        <source>一般督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="305" />
        <source>黄牌督办</source>
        <translation>Yellow-card supervision</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="306" />
        <source>红牌督办</source>
        <translation>Red-card supervision</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="307" />
        <source>待审批</source>
        <translation>Awaiting decision</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="308" />
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="309" />
        <source>未批准</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="339" />
        <source>事件号</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="340" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="341" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="342" />
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="343" />
        <source>承办部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="344" />
        <source>协办部门</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="345" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="346" />
        <source>派单时间</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="347" />
        <source>签收时限</source>
        <translation>Take on by</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="348" />
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="349" />
        <source>督办/加急</source>
        <translation>Supervision/expedite</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="350" />
        <source>延期待批</source>
        <translation>Extension asked</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="351" />
        <source>重办</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="352" />
        <source>（签收超时）</source>
        <translation> (take-on overdue)</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="353" />
        <source>（办理超时）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="354" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="355" />
        <source>派单数</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="356" />
        <source>按时签收率</source>
        <translation>Taken on in time</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="357" />
        <source>退单数</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="358" />
        <source>办结数</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="359" />
        <source>按时办结率</source>
        <translation>Closed in time</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="360" />
        <source>平均办理时长(小时)</source>
        <translation>Mean handling (h)</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="361" />
        <source>满意率</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="362" />
        <source>重办率</source>
        <translation>Redone</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="363" />
        <source>非警务分流率</source>
        <translation>Non-police diverted</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="364" />
        <source>网格内化解率</source>
        <translation>Resolved in grid</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="365" />
        <source>较有把握</source>
        <translation>Fairly sure</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="366" />
        <source>仅供参考</source>
        <translation>For reference only</translation>
    </message>
</context>
<context>
    <name>DispatchPage</name>
    <message>
        <location filename="../../views/dispatch/page.py" line="35" />
        <source>签收</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="35" />
        <location filename="../../views/dispatch/page.py" line="224" />
        <source>退单</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="36" />
        <location filename="../../views/dispatch/page.py" line="232" />
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="36" />
        <location filename="../../views/dispatch/page.py" line="246" />
        <location filename="../../views/dispatch/page.py" line="247" />
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="37" />
        <location filename="../../views/dispatch/page.py" line="255" />
        <location filename="../../views/dispatch/page.py" line="259" />
        <source>核查</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="37" />
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="38" />
        <location filename="../../views/dispatch/page.py" line="272" />
        <location filename="../../views/dispatch/page.py" line="277" />
        <location filename="../../views/dispatch/page.py" line="278" />
        <source>回访</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="40" />
        <source>含已办结</source>
        <translation>Include closed</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="42" />
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="48" />
        <source>催办</source>
        <translation>Urge</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="48" />
        <location filename="../../views/dispatch/page.py" line="290" />
        <location filename="../../views/dispatch/page.py" line="291" />
        <source>督办</source>
        <translation>Supervise</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="49" />
        <location filename="../../views/dispatch/page.py" line="296" />
        <source>领导批示</source>
        <translation>Leader's instruction</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="49" />
        <source>加急</source>
        <translation>Expedite</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="50" />
        <source>改派</source>
        <translation>Reroute</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="50" />
        <location filename="../../views/dispatch/page.py" line="312" />
        <location filename="../../views/dispatch/page.py" line="314" />
        <source>审批延期</source>
        <translation>Decide extension</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="51" />
        <source>超时未签收、超过办理时限和已退单待改派的案件</source>
        <translation>Cases not accepted in time, past their deadline, or returned and awaiting rerouting</translation>
    </message>
    <message>
        <source>本月</source>
        <translation type="vanished">This month</translation>
    </message>
    <message>
        <source>上月</source>
        <translation type="vanished">Last month</translation>
    </message>
    <message>
        <source>今年</source>
        <translation type="vanished">This year</translation>
    </message>
    <message>
        <source>按部门</source>
        <translation type="vanished">By department</translation>
    </message>
    <message>
        <source>按网格</source>
        <translation type="vanished">By grid</translation>
    </message>
    <message>
        <source>按社区</source>
        <translation type="vanished">By community</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="61" />
        <source>部门收件箱</source>
        <translation>Department inbox</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="63" />
        <source>督办清单</source>
        <translation>Supervision list</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="65" />
        <source>指标</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="67" />
        <source>事项清单</source>
        <translation>Matters list</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="83" />
        <location filename="../../views/dispatch/page.py" line="210" />
        <source>派单处置</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="109" />
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="144" />
        <source>无法读取：</source>
        <translation>Cannot read: </translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="152" />
        <source>所选案件没有待审批的延期申请</source>
        <translation>The selected case has no extension waiting for a decision</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="159" />
        <source>案件当前为「%1」，可在以下状态操作：%2</source>
        <translation>The case is “%1”; this is possible when it is: %2</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="180" />
        <source>承办</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="180" />
        <source>协办</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="180" />
        <source>办理时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="181" />
        <source>派单依据</source>
        <translation>Routed by</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="181" />
        <source>办理要求</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="192" />
        <source>（第%1次）</source>
        <translation> (round %1)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="205" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="157" />
        <location filename="../../views/dispatch/page.py" line="210" />
        <source>请先选择一个案件</source>
        <translation>Select a case first</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="182" />
        <source>（附件 %1 个，见事件的「附件」）</source>
        <translation> (%1 attachment(s), see the event's Attachments)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="224" />
        <source>退单原因（必填）</source>
        <translation>Reason for return (required)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="232" />
        <source>办理情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="235" />
        <source>附件（可选）</source>
        <translation>Attachments (optional)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="246" />
        <source>延长小时数</source>
        <translation>Extra hours</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="247" />
        <source>延期理由</source>
        <translation>Reason for extension</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="255" />
        <source>核查结果</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="259" />
        <source>现场情况</source>
        <translation>On-site findings</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="272" />
        <source>群众满意度</source>
        <translation>Resident's satisfaction</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="277" />
        <source>群众不满意：是否退回部门重新办理？</source>
        <translation>The resident is not satisfied: send the case back to the department to handle again?</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="278" />
        <source>回访记录</source>
        <translation>Call-back notes</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="290" />
        <source>督办级别</source>
        <translation>Supervision level</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="291" />
        <source>督办要求</source>
        <translation>Supervision requirements</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="296" />
        <source>批示内容</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="312" />
        <source>该案件没有待审批的延期申请</source>
        <translation>This case has no extension request awaiting a decision</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="314" />
        <source>是否批准该延期申请？</source>
        <translation>Approve this extension request?</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="322" />
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/page.py" line="323" />
        <source>不批准</source>
        <translation>Refuse</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../views/board/event_dialog.py" line="42" />
        <source>事件 #</source>
        <translation>Event #</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="123" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="85" />
        <source>处置过程</source>
        <translation>Handling history</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="54" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="54" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="54" />
        <source>报告人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="55" />
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="55" />
        <source>认领/承办</source>
        <translation>Claimed / handled by</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="55" />
        <source>调解层级</source>
        <translation>Mediation level</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="56" />
        <source>调解记录</source>
        <translation>Mediations</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="56" />
        <source>挂账</source>
        <translation>On record</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="56" />
        <source>关联</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="57" />
        <source>内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="67" />
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="86" />
        <location filename="../../views/board/event_dialog.py" line="225" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="115" />
        <source>更多操作</source>
        <translation>More actions</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="120" />
        <source>当前角色只能查看此事件</source>
        <translation>Your role can only view this event</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="146" />
        <source>显示完整号码</source>
        <translation>Show full number</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="147" />
        <source>查看完整号码会记入审计日志</source>
        <translation>Viewing the full number is recorded in the audit log</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="172" />
        <source>无法显示完整号码</source>
        <translation>Cannot show the full number</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="189" />
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="194" />
        <source>上报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="198" />
        <source>（涉警）</source>
        <translation> (police matter)</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="198" />
        <source>（非警务）</source>
        <translation> (non-police)</translation>
    </message>
    <message>
        <source>超时时间 </source>
        <translation type="vanished">Overdue at </translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="204" />
        <source>，时限 </source>
        <translation>, due </translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="208" />
        <source>复核</source>
        <translation>review</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="213" />
        <source>重复，原事件 #</source>
        <translation>Duplicate of #</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="215" />
        <source>重复事件：</source>
        <translation>Duplicates: </translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="217" />
        <source>撤销原因：</source>
        <translation>Reason for cancelling: </translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="219" />
        <source>回访：</source>
        <translation>Call-back: </translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="257" />
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>承办部门：</source>
        <translation type="vanished">Lead department:</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="267" />
        <source>原事件编号：</source>
        <translation>Original event no.:</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="273" />
        <source>满意度：</source>
        <translation>Satisfaction:</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="300" />
        <source>挂账原因：</source>
        <translation>Reason for putting on record:</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="303" />
        <source>几天后复核：</source>
        <translation>Review after (days):</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="314" />
        <source>调解结果：</source>
        <translation>Mediation outcome:</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="317" />
        <source>调解人：</source>
        <translation>Mediator:</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="333" />
        <source>其他席位已先操作</source>
        <translation>Another seat acted first</translation>
    </message>
    <message>
        <location filename="../../views/board/event_dialog.py" line="333" />
        <source>操作未完成</source>
        <translation>Action not completed</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>超时时间：</source>
        <translation type="vanished">Overdue at: </translation>
    </message>
    <message>
        <location filename="../../views/board/model.py" line="137" />
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/board/model.py" line="139" />
        <source>期限：</source>
        <translation>Deadline: </translation>
    </message>
    <message>
        <location filename="../../views/board/model.py" line="141" />
        <source>挂账：</source>
        <translation>On record: </translation>
    </message>
    <message>
        <location filename="../../views/board/model.py" line="143" />
        <source>部门已退单，请重新派单</source>
        <translation>Returned by the department: dispatch again</translation>
    </message>
    <message>
        <location filename="../../views/board/model.py" line="145" />
        <source>重复，原事件 #</source>
        <translation>Duplicate of #</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../views/board/filters.py" line="24" />
        <source>搜索 (Ctrl+F)：文字或拼音首字母，如 zsjf</source>
        <translation>Search (Ctrl+F): text or pinyin initials, e.g. zsjf</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="27" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="33" />
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="37" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="38" />
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="39" />
        <source>一般</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="40" />
        <source>只看超时</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="41" />
        <source>待受理</source>
        <translation>To accept</translation>
    </message>
    <message>
        <source>分诊队列</source>
        <translation type="vanished">Triage queue</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="42" />
        <source>已上报、尚未受理的事件</source>
        <translation>Reported events not yet accepted</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="43" />
        <source>我的事件</source>
        <translation>My events</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="64" />
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../../views/board/filters.py" line="77" />
        <source>全部网格</source>
        <translation>All grids</translation>
    </message>
</context>
<context>
    <name>GridProfilePanel</name>
    <message>
        <location filename="../../views/map/profile_panel.py" line="31" />
        <source>未办结 / 超时事件</source>
        <translation>Open / overdue events</translation>
    </message>
    <message>
        <source>(待接入事件看板)</source>
        <translation type="vanished">(not yet linked to the incident board)</translation>
    </message>
    <message>
        <location filename="../../views/map/profile_panel.py" line="34" />
        <source>最近走访</source>
        <translation>Recent visits</translation>
    </message>
    <message>
        <source>(待接入走访记录)</source>
        <translation type="vanished">(not yet linked to visit records)</translation>
    </message>
    <message>
        <location filename="../../views/map/profile_panel.py" line="53" />
        <source>网格档案</source>
        <translation>Grid profile</translation>
    </message>
    <message>
        <location filename="../../views/map/profile_panel.py" line="54" />
        <source>点击地图上的网格，或在组织架构中选择网格，查看其档案。</source>
        <translation>Click a grid on the map, or choose one in the organisation, to see its profile.</translation>
    </message>
    <message>
        <location filename="../../views/map/profile_panel.py" line="58" />
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../views/map/profile_panel.py" line="93" />
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../views/map/profile_panel.py" line="94" />
        <source>超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation type="vanished">Overdue</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../views/help.py" line="65" />
        <source>值班员使用指南</source>
        <translation>Duty staff's guide</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../views/help.py" line="58" />
        <source># 使用指南

找不到指南文件：</source>
        <translation># Guide

The guide file was not found: </translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="80" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="81" />
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="82" />
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="83" />
        <source>日志文件</source>
        <translation>Log file</translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="84" />
        <source>（无法写入）</source>
        <translation>(cannot be written)</translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="85" />
        <source>设置文件</source>
        <translation>Settings file</translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="90" />
        <source>警网融合中心工作台</source>
        <translation>Police–Grid Fusion Command Desk</translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="115" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="116" />
        <source>值班员使用指南</source>
        <translation>Duty staff's guide</translation>
    </message>
    <message>
        <location filename="../../views/help.py" line="118" />
        <source>关于 desk</source>
        <translation>About desk</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../views/idle_lock.py" line="171" />
        <source>记录锁屏</source>
        <translation>Recording the lock</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="19" />
        <source>督办事项</source>
        <translation>Action items</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="25" />
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="26" />
        <source>责任部门</source>
        <translation>Owning department</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="34" />
        <source>事件编号，多个用逗号分隔</source>
        <translation>Event numbers, separated by commas</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="36" />
        <source>派单编号，多个用逗号分隔</source>
        <translation>Dispatch numbers, separated by commas</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="40" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="42" />
        <source>完成期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="43" />
        <source>关联事件</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="44" />
        <source>关联派单</source>
        <translation>Dispatches</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="45" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="68" />
        <source>请填写事项并选择责任人或责任部门</source>
        <translation>Enter the item and choose an owner or a department</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="71" />
        <source>编号只能是数字</source>
        <translation>Numbers only</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="76" />
        <source>完成期限不能早于会议日期</source>
        <translation>The due date cannot be before the meeting</translation>
    </message>
</context>
<context>
    <name>ItemReminder</name>
    <message>
        <location filename="../../views/meetings/reminder.py" line="31" />
        <source>督办事项提醒</source>
        <translation>Action item reminder</translation>
    </message>
    <message>
        <location filename="../../views/meetings/reminder.py" line="38" />
        <source>督办事项：今日到期 %1 项，已逾期 %2 项</source>
        <translation>Action items: %1 due today, %2 overdue</translation>
    </message>
</context>
<context>
    <name>ItemsTab</name>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="23" />
        <source>全部责任人</source>
        <translation>All owners</translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="25" />
        <source>全部社区</source>
        <translation>All communities</translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="26" />
        <source>含已完成和已取消</source>
        <translation>Include done and cancelled</translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="31" />
        <source>责任人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="31" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="41" />
        <source>调整期限/责任…</source>
        <translation>Change due date/owner…</translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="106" />
        <source>关联：</source>
        <translation>Links: </translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="106" />
        <source>（双击打开）</source>
        <translation> (double-click to open)</translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="110" />
        <source>读取督办事项记录</source>
        <translation>reading the action item history</translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="133" />
        <source>取消督办事项</source>
        <translation>Cancel action item</translation>
    </message>
    <message>
        <location filename="../../views/meetings/items_tab.py" line="133" />
        <source>取消原因</source>
        <translation>Reason for cancelling</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../views/labels.py" line="9" />
        <location filename="../../views/labels.py" line="35" />
        <source>网格长</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="9" />
        <source>专职网格员</source>
        <translation>Full-time grid worker</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="9" />
        <source>兼职网格员</source>
        <translation>Part-time grid worker</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="10" />
        <source>专业网格员</source>
        <translation>Professional grid worker</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="10" />
        <location filename="../../views/labels.py" line="39" />
        <source>社区民警</source>
        <translation>Community police officer</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="10" />
        <source>辅警</source>
        <translation>Auxiliary officer</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="11" />
        <source>值班员</source>
        <translation>Duty staff</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="11" />
        <source>领导</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="11" />
        <source>部门联络员</source>
        <translation>Department liaison</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="16" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="16" />
        <source>行政村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="16" />
        <source>综合网格</source>
        <translation>Comprehensive grid</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="17" />
        <source>专属网格</source>
        <translation>Dedicated grid</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="22" />
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="22" />
        <source>医院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="23" />
        <source>市场</source>
        <translation>Market</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="23" />
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="24" />
        <source>公园</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="24" />
        <source>园区</source>
        <translation>Campus</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="25" />
        <source>商圈</source>
        <translation>Business district</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="29" />
        <source>达标</source>
        <translation>Within standard</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="29" />
        <source>偏小</source>
        <translation>Too small</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="29" />
        <source>偏大</source>
        <translation>Too large</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="29" />
        <source>专属</source>
        <translation>Dedicated</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="34" />
        <location filename="../../views/labels.py" line="35" />
        <location filename="../../views/labels.py" line="39" />
        <location filename="../../views/labels.py" line="40" />
        <location filename="../../views/labels.py" line="41" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="34" />
        <location filename="../../views/labels.py" line="35" />
        <location filename="../../views/labels.py" line="39" />
        <location filename="../../views/labels.py" line="40" />
        <location filename="../../views/labels.py" line="41" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="34" />
        <location filename="../../views/labels.py" line="35" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="34" />
        <location filename="../../views/labels.py" line="39" />
        <source>网格数</source>
        <translation>Grids</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="34" />
        <location filename="../../views/labels.py" line="35" />
        <location filename="../../views/labels.py" line="39" />
        <location filename="../../views/labels.py" line="40" />
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="34" />
        <location filename="../../views/labels.py" line="35" />
        <location filename="../../views/labels.py" line="39" />
        <location filename="../../views/labels.py" line="40" />
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="35" />
        <location filename="../../views/labels.py" line="40" />
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="36" />
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="36" />
        <location filename="../../views/labels.py" line="58" />
        <source>警务区</source>
        <translation>Police beats</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="37" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="37" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="37" />
        <location filename="../../views/labels.py" line="40" />
        <source>所属社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="37" />
        <source>所属部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="37" />
        <source>网格</source>
        <translation>Grids</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="38" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="41" />
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="58" />
        <source>职能部门</source>
        <translation>Departments</translation>
    </message>
</context>
<context>
    <name>LimitsDialog</name>
    <message>
        <location filename="../../views/board/limits.py" line="149" />
        <source>时限设置</source>
        <translation>Deadline limits</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="160" />
        <source>单位：分钟。受理从上报起算，处置从受理起算，核查从反馈起算；到黄牌时限预警，到红牌时限即超时。双击单元格修改。</source>
        <translation>In minutes. Acceptance counts from the report, handling from acceptance, verification from feedback; the yellow limit warns, the red limit is overdue. Double-click a cell to change it.</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="167" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="168" />
        <source>重新读取</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="170" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="193" />
        <source>黄牌时限应大于0且不超过红牌时限：</source>
        <translation>The yellow limit must be above 0 and not above the red limit: </translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="196" />
        <source>已修改 {0} 行，尚未保存</source>
        <translation>{0} row(s) changed, not saved yet</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="226" />
        <source>以下时限在您修改期间已被其他席位修改，您的修改未保存；现已显示最新数值，如仍需修改请重新输入：</source>
        <translation>Another seat changed these limits while you were editing; your changes to them were not saved. The current values are shown; enter your change again if it is still needed:</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="230" />
        <source>已保存：</source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="231" />
        <source>其他席位已先修改</source>
        <translation>Another seat changed it first</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="235" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="235" />
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>LimitsModel</name>
    <message>
        <location filename="../../views/board/limits.py" line="50" />
        <source>事件类型</source>
        <translation>Event type</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="50" />
        <source>紧急程度</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="51" />
        <source>受理 黄牌</source>
        <translation>Accept yellow</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="51" />
        <source>受理 红牌</source>
        <translation>Accept red</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="51" />
        <source>处置 黄牌</source>
        <translation>Handle yellow</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="51" />
        <source>处置 红牌</source>
        <translation>Handle red</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="52" />
        <source>核查 黄牌</source>
        <translation>Verify yellow</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="52" />
        <source>核查 红牌</source>
        <translation>Verify red</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="78" />
        <location filename="../../views/board/limits.py" line="96" />
        <source>默认（所有类型）</source>
        <translation>Default (all types)</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="82" />
        <source>一般</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="82" />
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="112" />
        <source>{0} 分钟（{1:g} 小时）</source>
        <translation>{0} minutes ({1:g} hours)</translation>
    </message>
    <message>
        <location filename="../../views/board/limits.py" line="114" />
        <source>黄牌时限应大于0且不超过红牌时限</source>
        <translation>The yellow limit must be above 0 and not above the red limit</translation>
    </message>
</context>
<context>
    <name>LinkedModel</name>
    <message>
        <location filename="../../views/registry/linked_page.py" line="23" />
        <source>关联案件</source>
        <translation>Linked cases</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="23" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="23" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="23" />
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="23" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="24" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="24" />
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="24" />
        <source>现住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="24" />
        <source>关联方式</source>
        <translation>Linked by</translation>
    </message>
</context>
<context>
    <name>LinkedPeoplePage</name>
    <message>
        <location filename="../../views/registry/linked_page.py" line="43" />
        <source>只显示与本部门在办或近 7 天案件相关联的人员（走访上报、来电号码或事发地址），号码已脱敏，仅供查看。</source>
        <translation>Only the people linked to your department's open cases or cases of the last 7 days (by a visit that raised the event, the caller's phone or the event's address) are shown; numbers are masked; view only.</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="57" />
        <location filename="../../views/registry/linked_page.py" line="110" />
        <source>选择一个人查看关联案件</source>
        <translation>Choose a person to see the linked cases</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="83" />
        <source>关联人员</source>
        <translation>Linked people</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="104" />
        <source>%1人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="124" />
        <source>岁</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="124" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="124" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../views/registry/linked_page.py" line="124" />
        <source>关联案件</source>
        <translation>Linked cases</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../views/lock_overlay.py" line="33" />
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../views/lock_overlay.py" line="35" />
        <source>当前用户：</source>
        <translation>Current user: </translation>
    </message>
    <message>
        <location filename="../../views/lock_overlay.py" line="36" />
        <source>长时间未操作，工作台已锁定。
请输入密码继续，未保存的内容仍在。</source>
        <translation>The desk locked itself after a period of inactivity.
Enter your password to continue; unsaved work is still there.</translation>
    </message>
    <message>
        <location filename="../../views/lock_overlay.py" line="40" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../views/lock_overlay.py" line="45" />
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../views/lock_overlay.py" line="47" />
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../views/lock_overlay.py" line="100" />
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../views/main_window.py" line="23" />
        <location filename="../../views/selftest.py" line="46" />
        <source>警网融合中心工作台</source>
        <translation>Police–Grid Fusion Command Desk</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="52" />
        <source>数据库：</source>
        <translation>Database: </translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="61" />
        <source>连接中…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="110" />
        <source>实时更新已连接</source>
        <translation>Live updates connected</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="112" />
        <source>其他席位的修改会在一秒内显示</source>
        <translation>Changes made at other seats appear within a second</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="114" />
        <source>实时更新未连接</source>
        <translation>Live updates disconnected</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="123" />
        <source>数据库不可用，正在重连…</source>
        <translation>Database unavailable, reconnecting…</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="129" />
        <source>警网融合中心</source>
        <translation> Police–Grid Fusion Centre</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../views/map/builder.py" line="98" />
        <source>底图</source>
        <translation>Base map</translation>
    </message>
    <message>
        <location filename="../../views/map/builder.py" line="105" />
        <source>街道边界</source>
        <translation>Street boundary</translation>
    </message>
    <message>
        <location filename="../../views/map/builder.py" line="110" />
        <source>【专】</source>
        <translation>[D] </translation>
    </message>
    <message>
        <location filename="../../views/map/builder.py" line="122" />
        <source>网格</source>
        <translation>Grids</translation>
    </message>
    <message>
        <location filename="../../views/map/builder.py" line="129" />
        <source>社区/村</source>
        <translation>Communities/villages</translation>
    </message>
    <message>
        <location filename="../../views/map/builder.py" line="136" />
        <source>警务区</source>
        <translation>Police beats</translation>
    </message>
    <message>
        <location filename="../../views/map/builder.py" line="150" />
        <source>社区民警 {0}</source>
        <translation>Community officer {0}</translation>
    </message>
    <message>
        <location filename="../../views/map/builder.py" line="158" />
        <location filename="../../views/map/style.py" line="57" />
        <source>事件</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../views/map/builder.py" line="162" />
        <source>警务区名称</source>
        <translation>Police beat names</translation>
    </message>
    <message>
        <location filename="../../views/map/builder.py" line="172" />
        <source>尚无网格边界。请用 &lt;code&gt;desk import grids 文件.geojson&lt;/code&gt; 导入（高德/腾讯地图描绘的坐标加 &lt;code&gt;--crs gcj02&lt;/code&gt;）。</source>
        <translation>No grid boundaries yet. Import them with &lt;code&gt;desk import grids file.geojson&lt;/code&gt; (add &lt;code&gt;--crs gcj02&lt;/code&gt; for coordinates traced on Amap or Tencent Maps).</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="22" />
        <source>户数对标</source>
        <translation>Households vs standard</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="23" />
        <source>未办结事件</source>
        <translation>Open events</translation>
    </message>
    <message>
        <source>超期事件</source>
        <translation type="vanished">Overdue events</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="52" />
        <source>专属网格</source>
        <translation>Dedicated grid</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="54" />
        <source>警务区边界</source>
        <translation>Police beat boundary</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="55" />
        <source>社区/村边界</source>
        <translation>Community/village boundary</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="58" />
        <source>特急</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="59" />
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="60" />
        <source>一般</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation type="vanished">Overdue</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="24" />
        <source>超时事件</source>
        <translation>Overdue events</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="61" />
        <source>超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="67" />
        <source>网格着色</source>
        <translation>Grid colouring</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="70" />
        <source>达标 300–500 户 / 约 1000 人</source>
        <translation>Within standard: 300–500 households / about 1,000 people</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="71" />
        <source>偏小 (不足 300 户)</source>
        <translation>Too small (under 300 households)</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="72" />
        <source>偏大 (超过 500 户)</source>
        <translation>Too large (over 500 households)</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="74" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="74" />
        <source>1–2 件</source>
        <translation>1–2</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="75" />
        <source>3–5 件</source>
        <translation>3–5</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="75" />
        <source>6–9 件</source>
        <translation>6–9</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="76" />
        <source>10 件以上</source>
        <translation>10 or more</translation>
    </message>
    <message>
        <location filename="../../views/map/style.py" line="80" />
        <source>有超时事件的网格</source>
        <translation>Grid with overdue events</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>（待接入事件）</source>
        <translation type="vanished"> (events not yet linked)</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="77" />
        <source>全图</source>
        <translation>Fit all</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="79" />
        <source>导出图片…</source>
        <translation>Export image…</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="81" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="84" />
        <source>网格着色：</source>
        <translation>Colour grids by:</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="95" />
        <source>网格档案</source>
        <translation>Grid profile</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="96" />
        <source>规模检查</source>
        <translation>Size check</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="99" />
        <source>地图在打开本页时加载…</source>
        <translation>The map loads when this page is opened…</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="113" />
        <source>网格地图</source>
        <translation>Grid map</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="164" />
        <source>正在生成地图…</source>
        <translation>Building the map…</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="190" />
        <source>{0} 网格地图</source>
        <translation>{0} grid map</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="205" />
        <source>地图生成失败：</source>
        <translation>Map could not be built: </translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="212" />
        <source>地图页面加载失败</source>
        <translation>Map page failed to load</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="232" />
        <source>网格 {0} 个 · 事件 {1} 件</source>
        <translation>{0} grids · {1} events</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="267" />
        <source>读取走访记录</source>
        <translation>reading visits</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="271" />
        <source>读取网格事件</source>
        <translation>Reading the grid's events</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="281" />
        <source>特殊人群 %1 人：</source>
        <translation>Special populations, %1 people: </translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="294" />
        <source>无未办结事件</source>
        <translation>No open events</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="297" />
        <source>未办结 %1 件，其中超时 %2 件</source>
        <translation>%1 open, %2 overdue</translation>
    </message>
    <message>
        <source>未办结 %1 件，其中超期 %2 件</source>
        <translation type="vanished">%1 open, %2 of them overdue</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="322" />
        <source>导出地图图片</source>
        <translation>Export Map Image</translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="325" />
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <location filename="../../views/map/page.py" line="325" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
</context>
<context>
    <name>MatterTableModel</name>
    <message>
        <location filename="../../views/dispatch/matters.py" line="25" />
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="25" />
        <source>领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="25" />
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="25" />
        <source>责任部门</source>
        <translation>Responsible dept.</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="25" />
        <source>协办部门</source>
        <translation>Assisting departments</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="26" />
        <source>时限(小时)</source>
        <translation>Time limit (h)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="26" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="26" />
        <source>申请理由</source>
        <translation>Reason proposed</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="26" />
        <source>准入决定</source>
        <translation>Admission decision</translation>
    </message>
</context>
<context>
    <name>MattersTab</name>
    <message>
        <location filename="../../views/dispatch/matters.py" line="87" />
        <source>申请新事项</source>
        <translation>Propose matter</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="88" />
        <source>准入</source>
        <translation>Admit</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="89" />
        <source>不予准入</source>
        <translation>Refuse admission</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="102" />
        <source>事项清单</source>
        <translation>Matters list</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="108" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="123" />
        <location filename="../../views/dispatch/matters.py" line="125" />
        <source>事务准入</source>
        <translation>Admission</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="123" />
        <source>请选择一条待准入的事项</source>
        <translation>Select a matter awaiting admission</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="125" />
        <source>决定理由</source>
        <translation>Reason for decision</translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <location filename="../../views/area_words.py" line="65" />
        <source>日见面</source>
        <translation>Daily meeting</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="66" />
        <source>周研判</source>
        <translation>Weekly review</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="67" />
        <source>月讲评</source>
        <translation>Monthly assessment</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="68" />
        <source>联席会议</source>
        <translation>Joint consultation</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="69" />
        <source>日见面会议</source>
        <translation>Daily meeting</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="70" />
        <source>周研判会议</source>
        <translation>Weekly review meeting</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="71" />
        <source>月讲评会议</source>
        <translation>Monthly assessment meeting</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="72" />
        <source>联席会议（专题协调会）</source>
        <translation>Joint consultation</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="73" />
        <source>计划召开</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="74" />
        <source>已召开</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="75" />
        <source>出席</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="76" />
        <source>缺席</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="77" />
        <source>代会</source>
        <translation>Substitute</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="78" />
        <source>手工</source>
        <translation>Typed</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="79" />
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="80" />
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="81" />
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="82" />
        <source>督办事项</source>
        <translation>Action items</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="83" />
        <source>待办</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="84" />
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="85" />
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="86" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="87" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="88" />
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="89" />
        <source>形成</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="90" />
        <source>结转</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="91" />
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="92" />
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="93" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="94" />
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="95" />
        <source>调整期限或责任</source>
        <translation>Due date or owner changed</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="96" />
        <source>业务培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="97" />
        <source>网格长职业能力测试</source>
        <translation>Grid leaders' skill test</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="98" />
        <source>联合巡逻</source>
        <translation>Joint patrol</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="99" />
        <source>应急演练</source>
        <translation>Emergency drill</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="100" />
        <source>民警</source>
        <translation>Police officer</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="101" />
        <source>辅警</source>
        <translation>Auxiliary officer</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="102" />
        <source>网格员</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="103" />
        <source>志愿者</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="104" />
        <source>物业人员</source>
        <translation>Property staff</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="105" />
        <source>保安</source>
        <translation>Guard</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="106" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="107" />
        <source>案例讲解</source>
        <translation>Case study</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="108" />
        <source>情景模拟</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="109" />
        <source>业务知识指导</source>
        <translation>Know-how guidance</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="110" />
        <source>职业能力测试</source>
        <translation>Skill test</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../views/meetings/page.py" line="44" />
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="46" />
        <source>督办事项</source>
        <translation>Action items</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="50" />
        <source>培训巡逻演练</source>
        <translation>Trainings, patrols, drills</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="51" />
        <source>落实情况</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="57" />
        <source>会商研判</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="63" />
        <source>近30天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="63" />
        <location filename="../../views/meetings/page.py" line="198" />
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="63" />
        <location filename="../../views/meetings/page.py" line="199" />
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="64" />
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="67" />
        <source>全部会议</source>
        <translation>All meetings</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="73" />
        <source>记录会议</source>
        <translation>Record a meeting</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="82" />
        <source>打开纪要</source>
        <translation>Open minutes</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="84" />
        <source>打印纪要…</source>
        <translation>Print minutes…</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="86" />
        <source>打印签到表…</source>
        <translation>Print sign-in sheet…</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="102" />
        <source>本周日见面、周研判和月讲评</source>
        <translation>This week's daily meetings, weekly review and monthly assessment</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="144" />
        <source>今日待召开：%1 个社区；本周未召开：%2 次</source>
        <translation>Due today: %1 communities; missed this week: %2</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="164" />
        <source>已保存会议 #</source>
        <translation>Saved meeting #</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="179" />
        <source>请先选择一个会议</source>
        <translation>Select a meeting first</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="181" />
        <source>纪要</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="181" />
        <source>签到表</source>
        <translation>sign-in sheet</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="182" />
        <source>保存PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="191" />
        <source>已保存：</source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="227" />
        <source>注：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../views/meetings/page.py" line="272" />
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="147" />
        <source>身份证号已登记：比对并合并</source>
        <translation>ID number already registered: compare and merge</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="150" />
        <source>已登记：%1（%2，%3，%4）。本次录入：%5。勾选要采用本次录入的项目；未勾选的保持不变。</source>
        <translation>Registered: %1 (%2, %3, %4). Entered now: %5. Tick what to take from the new entry; what is not ticked stays as it is.</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="162" />
        <source>两条记录完全一致，无需合并。</source>
        <translation>The two records are identical; nothing to merge.</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="164" />
        <source>合并所选项目</source>
        <translation>Merge the ticked fields</translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message>
        <location filename="../../views/meetings/editor.py" line="40" />
        <source>会议纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="53" />
        <source>社区层面：民警与书记见面；某一网格：辅警与网格长对接</source>
        <translation>Community level: the officer meets the secretary; a grid: the auxiliary officer and the grid leader link up</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="59" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="62" />
        <source>日期时间</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="63" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="65" />
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="66" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="68" />
        <source>议题</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="69" />
        <source>主持人</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="77" />
        <location filename="../../views/meetings/editor.py" line="99" />
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="79" />
        <source>缺席/出席</source>
        <translation>Absent/present</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="81" />
        <source>代会…</source>
        <translation>Substitute…</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="83" />
        <location filename="../../views/meetings/editor.py" line="101" />
        <location filename="../../views/meetings/editor.py" line="120" />
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="85" />
        <source>参会人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="96" />
        <source>从数据预填</source>
        <translation>Pre-fill from the data</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="97" />
        <source>周研判：本周新增、超时、上升、高风险事件和退单、未完成督办事项；月讲评：上月指标</source>
        <translation>Weekly review: the week's new, overdue, escalated and high-risk events, returned dispatches, open action items; monthly assessment: last month's figures</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="103" />
        <source>议程（蓝色可双击打开）</source>
        <translation>Agenda (blue lines open on double-click)</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="113" />
        <source>讨论情况</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="115" />
        <source>会议决定：一条一行</source>
        <translation>Decisions: one per line</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="118" />
        <source>添加督办事项…</source>
        <translation>Add an action item…</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="123" />
        <source>会议决定和督办事项</source>
        <translation>Decisions and action items</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="149" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="150" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="165" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="206" />
        <source>%1警务室</source>
        <translation>%1 police office</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="207" />
        <source>街道综治中心会议室</source>
        <translation>Street governance centre meeting room</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="214" />
        <source>社区层面</source>
        <translation>Community level</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="235" />
        <source>已有督办事项 %1 项，结转 %2 项</source>
        <translation>%1 action items made here, %2 carried in</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="283" />
        <source>代会</source>
        <translation>Substitute</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="283" />
        <source>代%1参会的人员</source>
        <translation>Who came instead of %1</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="308" />
        <source>没有可预填的内容</source>
        <translation>Nothing to pre-fill</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="311" />
        <location filename="../../views/meetings/editor.py" line="322" />
        <source>议程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="311" />
        <location filename="../../views/meetings/editor.py" line="322" />
        <source>议程内容</source>
        <translation>Agenda line</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="368" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="380" />
        <source>另一席位刚刚保存了这份纪要。请关闭后重新打开，查看最新内容再修改。</source>
        <translation>Another seat has just saved these minutes. Close and reopen them to see the latest version before changing them.</translation>
    </message>
    <message>
        <location filename="../../views/meetings/editor.py" line="381" />
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>事件看板</source>
        <translation type="vanished">Incident board</translation>
    </message>
    <message>
        <source>事件从上报到办结：分诊、受理、认领、期限与超时、矛盾纠纷逐级化解。</source>
        <translation type="vanished">Events from report to closure: triage, acceptance, claiming, deadlines and overdue, the dispute ladder.</translation>
    </message>
    <message>
        <source>派单处置</source>
        <translation type="vanished">Dispatch</translation>
    </message>
    <message>
        <source>一网分流：按事项清单派给职能部门，签收、退单、反馈、核查、回访。</source>
        <translation type="vanished">Cases routed to departments by the matters list: accept, return, feedback, verification, call-back.</translation>
    </message>
    <message>
        <source>网格地图</source>
        <translation type="vanished">Grid map</translation>
    </message>
    <message>
        <source>网格与警务区的离线地图，事件实时落图，点击网格查看档案。</source>
        <translation type="vanished">Offline map of grids and police beats, live events, a grid's profile one click away.</translation>
    </message>
    <message>
        <source>会商研判</source>
        <translation type="vanished">Meetings</translation>
    </message>
    <message>
        <source>日见面、周研判、月讲评：议程自动生成，决定形成待办并跟踪。</source>
        <translation type="vanished">Daily meeting, weekly review, monthly assessment: agendas compiled, decisions become tracked action items.</translation>
    </message>
    <message>
        <source>基础信息</source>
        <translation type="vanished">Registry</translation>
    </message>
    <message>
        <source>人、房、单位与特殊人群，走访记录。</source>
        <translation type="vanished">People, houses, units and special populations, with visits.</translation>
    </message>
    <message>
        <location filename="../../views/dashboard/page.py" line="62" />
        <source>数据总览</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>领导驾驶舱：关键指标与趋势。</source>
        <translation type="vanished">The leaders' dashboard: key figures and trends.</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="56" />
        <source>报表简报</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>日报、周研判材料、月讲评通报，按公文格式打印。</source>
        <translation type="vanished">Daily reports, weekly review papers and monthly assessments, printed in official-document layout.</translation>
    </message>
    <message>
        <location filename="../../views/evaluation/page.py" line="91" />
        <source>评价奖惩</source>
        <translation>Evaluation</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../views/accounts_page.py" line="52" />
        <source>新建账户</source>
        <translation>New Account</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="62" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="62" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="63" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="63" />
        <source>临时密码</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="64" />
        <source>再输入一次</source>
        <translation>Repeat password</translation>
    </message>
</context>
<context>
    <name>OrgBrowser</name>
    <message>
        <location filename="../../views/org_browser.py" line="38" />
        <source>筛选本表 (名称、代码、姓名…)</source>
        <translation>Filter this table (name, code, person…)</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="67" />
        <source>组织架构</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="81" />
        <source>无法读取组织架构：</source>
        <translation>Cannot read the organisation: </translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="88" />
        <source>&lt;b&gt;尚无组织数据。&lt;/b&gt; 用 &lt;code&gt;desk import divisions&lt;/code&gt; 导入区划代码，或用 &lt;code&gt;desk demo&lt;/code&gt; 生成演示街道。</source>
        <translation>&lt;b&gt;No organisation yet.&lt;/b&gt; Import division codes with &lt;code&gt;desk import divisions&lt;/code&gt;, or make the demo street with &lt;code&gt;desk demo&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="106" />
        <source>个社区/村</source>
        <translation>communities/villages</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="106" />
        <location filename="../../views/org_browser.py" line="107" />
        <location filename="../../views/org_browser.py" line="112" />
        <source>个网格</source>
        <translation>grids</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="106" />
        <source>名工作人员</source>
        <translation>staff</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="107" />
        <source>个警务区</source>
        <translation>police beats</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="107" />
        <source>个部门</source>
        <translation>departments</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="112" />
        <source>户</source>
        <translation> households</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <location filename="../../views/org_models.py" line="71" />
        <source>户</source>
        <translation> households</translation>
    </message>
    <message>
        <location filename="../../views/org_models.py" line="76" />
        <source>户数不符合每格300–500户（约1000人）的标准</source>
        <translation>Households outside the standard of 300–500 per grid (about 1,000 people)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../views/accounts_page.py" line="77" />
        <source>重置密码：</source>
        <translation>Reset password: </translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="82" />
        <source>临时密码</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="83" />
        <source>再输入一次</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="84" />
        <source>对方下次登录时须修改密码。</source>
        <translation>They must change it at their next sign-in.</translation>
    </message>
</context>
<context>
    <name>PersonActions</name>
    <message>
        <source>%1 身份证号：%2　电话：%3（已记录查看）</source>
        <translation type="vanished">%1 ID number: %2　Phone: %3 (this view is recorded)</translation>
    </message>
    <message>
        <source>走访已记录</source>
        <translation type="vanished">Visit recorded</translation>
    </message>
    <message>
        <source>，已上报为事件 #%1</source>
        <translation type="vanished">, reported as event #%1</translation>
    </message>
    <message>
        <source>已列为特殊人群：%1</source>
        <translation type="vanished">Taken into special care: %1</translation>
    </message>
    <message>
        <source>已保存 %1</source>
        <translation type="vanished">Saved %1</translation>
    </message>
    <message>
        <source>已登记 %1</source>
        <translation type="vanished">Registered %1</translation>
    </message>
    <message>
        <source>未合并，已登记的记录保持不变</source>
        <translation type="vanished">Not merged; the registered record is unchanged</translation>
    </message>
    <message>
        <source>已合并到 %1 的记录</source>
        <translation type="vanished">Merged into the record of %1</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="23" />
        <source>修改人员信息</source>
        <translation>Change a person's details</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="23" />
        <source>登记人员</source>
        <translation>Register a person</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="28" />
        <source>18位或旧式15位，末位X可小写</source>
        <translation>18 digits or the old 15; a final X may be lower case</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="30" />
        <source>手机11位，或带区号的固定电话</source>
        <translation>A mobile of 11 digits, or a landline with its area code</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="41" />
        <source>如：兴钢社区3号楼1单元101</source>
        <translation>e.g. Xinggang community, building 3, unit 1, room 101</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="42" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="42" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="42" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="43" />
        <source>人口类型</source>
        <translation>Residence</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="43" />
        <source>与户主关系</source>
        <translation>Relation to the household head</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="44" />
        <source>所属网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="44" />
        <source>现住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="46" />
        <source>更正身份证号（登记时录错）</source>
        <translation>Correct the ID number (mistyped at registration)</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="48" />
        <source>正确的身份证号；性别和出生日期随之更正</source>
        <translation>The right ID number; sex and birth date are corrected with it</translation>
    </message>
    <message>
        <location filename="../../views/registry/person_dialog.py" line="71" />
        <source>留空则不修改（现为 %1）</source>
        <translation>Leave empty to keep it (now %1)</translation>
    </message>
</context>
<context>
    <name>PlannedPage</name>
    <message>
        <source>本区域将在后续版本中启用。</source>
        <translation type="vanished">This area arrives in a later version.</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../views/problems.py" line="40" />
        <source>程序内部出错，当前操作未完成：</source>
        <translation>An internal error stopped the current action:</translation>
    </message>
    <message>
        <location filename="../../views/problems.py" line="42" />
        <source>详细记录已写入日志文件：</source>
        <translation>The details are in the log file:</translation>
    </message>
    <message>
        <location filename="../../views/problems.py" line="43" />
        <source>如问题反复出现，请将该文件交给系统管理员。</source>
        <translation>If it happens again, give that file to the system administrator.</translation>
    </message>
    <message numerus="yes">
        <source>（共 %n 次）</source>
        <translation type="vanished">
            <numerusform>(%n time)</numerusform>
            <numerusform>(%n times)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <location filename="../../views/dispatch/matters.py" line="48" />
        <source>申请新事项准入</source>
        <translation>Propose a New Matter for Admission</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="59" />
        <source>用空格分隔，用于自动派单</source>
        <translation>Separated by spaces; used for automatic dispatch</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="62" />
        <source>领域</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="62" />
        <source>事项名称</source>
        <translation>Matter name</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="63" />
        <source>责任部门</source>
        <translation>Responsible department</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="63" />
        <source>办理时限(小时)</source>
        <translation>Time limit (hours)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="64" />
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/matters.py" line="64" />
        <source>申请理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>QuickEntryDialog</name>
    <message>
        <location filename="../../views/board/quick_entry.py" line="32" />
        <source>快速登记事件</source>
        <translation>Quick Event Entry</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="36" />
        <source>粘贴微信群消息，按 Ctrl+R 识别（可选）</source>
        <translation>Paste a WeChat group message and press Ctrl+R to recognise it (optional)</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="39" />
        <source>识别 (Ctrl+R)</source>
        <translation>Recognise (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="45" />
        <source>一句话说明事件</source>
        <translation>The event in one sentence</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="57" />
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="58" />
        <location filename="../../views/board/quick_entry.py" line="216" />
        <source>涉警</source>
        <translation>Police matter</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="60" />
        <source>社区/村、楼栋，如：白云社区5号楼</source>
        <translation>Community/village, building, e.g. Baiyun Community, Building 5</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="62" />
        <source>（按地址自动查找）</source>
        <translation>(found from the address)</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="84" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="85" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="86" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="88" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="89" />
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="90" />
        <source>报告人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="91" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="92" />
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="95" />
        <source>保存 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="96" />
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="142" />
        <source>（不细分）</source>
        <translation>(no sub-kind)</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="158" />
        <source>消息过长，无法识别：</source>
        <translation>Message too long to read: </translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="176" />
        <source>未识别</source>
        <translation>not recognised</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="177" />
        <source>已识别：</source>
        <translation>Recognised: </translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="178" />
        <location filename="../../views/board/quick_entry.py" line="220" />
        <source>  — 请核对后保存</source>
        <translation>  — check before saving</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="196" />
        <source>建议类型和网格</source>
        <translation>Proposing the kind and the grid</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="215" />
        <source>类型未识别，请选择</source>
        <translation>kind not recognised, please choose</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="216" />
        <source>非警务</source>
        <translation>non-police</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="217" />
        <source>（网格未定）</source>
        <translation> (grid not decided)</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="217" />
        <source>网格未找到</source>
        <translation>grid not found</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="219" />
        <source>首接：网格员</source>
        <translation>first: grid worker</translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="220" />
        <source>建议：</source>
        <translation>Suggested: </translation>
    </message>
    <message>
        <location filename="../../views/board/quick_entry.py" line="236" />
        <location filename="../../views/board/quick_entry.py" line="249" />
        <source>未保存：</source>
        <translation>Not saved: </translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="93" />
        <source>调整督办事项</source>
        <translation>Change action item</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="100" />
        <source>不变（%1）</source>
        <translation>Unchanged (%1)</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="104" />
        <source>部门：</source>
        <translation>Department: </translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="108" />
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="109" />
        <source>完成期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="110" />
        <source>责任人/部门</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="111" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../views/meetings/item_dialog.py" line="116" />
        <source>请填写调整原因</source>
        <translation>Give the reason for the change</translation>
    </message>
</context>
<context>
    <name>Registry</name>
    <message>
        <location filename="../../views/area_words.py" line="11" />
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="11" />
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="12" />
        <source>户籍人口</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="12" />
        <source>常住人口</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="13" />
        <source>流动人口</source>
        <translation>Floating</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="14" />
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="14" />
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="15" />
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="15" />
        <source>父母</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="16" />
        <source>孙子女</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="16" />
        <source>祖父母</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="17" />
        <source>兄弟姐妹</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="17" />
        <source>租户</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="18" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="19" />
        <source>独居老人</source>
        <translation>Elderly living alone</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="20" />
        <source>困境儿童</source>
        <translation>Child in difficulty</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="20" />
        <source>残障人士</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="21" />
        <source>低收入家庭</source>
        <translation>Low-income family</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="22" />
        <source>闲散青少年</source>
        <translation>Idle youth</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="23" />
        <source>社区矫正人员</source>
        <translation>Community correction</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="24" />
        <source>优抚对象</source>
        <translation>Entitled group</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="25" />
        <source>刑满释放人员</source>
        <translation>Released from prison</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="26" />
        <source>严重精神障碍患者</source>
        <translation>Severe mental disorder</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="27" />
        <source>六失人员</source>
        <translation>"Six losses" at risk</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="28" />
        <source>红色</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="28" />
        <source>黄色</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="29" />
        <source>绿色</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="30" />
        <source>自住</source>
        <translation>Owner-occupied</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="30" />
        <source>出租</source>
        <translation>Rented</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="31" />
        <source>空置</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="32" />
        <source>商铺</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="32" />
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="33" />
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="33" />
        <source>工地</source>
        <translation>Building site</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="34" />
        <source>医疗机构</source>
        <translation>Clinic or hospital</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="35" />
        <source>社会组织</source>
        <translation>Social organisation</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="36" />
        <source>公共场所</source>
        <translation>Public venue</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="37" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="37" />
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="38" />
        <source>正常</source>
        <translation>On schedule</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="38" />
        <source>从未走访</source>
        <translation>Never visited</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="40" />
        <source>走访上报</source>
        <translation>Raised by a visit</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="40" />
        <source>来电号码</source>
        <translation>Caller's phone</translation>
    </message>
    <message>
        <location filename="../../views/area_words.py" line="41" />
        <source>事发地址为其住址</source>
        <translation>Event at their address</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../../views/registry/page.py" line="64" />
        <source>搜索：姓名、拼音首字母、地址或完整身份证号</source>
        <translation>Search: name, pinyin initials, address or full ID number</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="83" />
        <source>登记人员</source>
        <translation>Register a person</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="90" />
        <source>走访此房屋</source>
        <translation>Visit this house</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="97" />
        <source>实有人口</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="98" />
        <source>特殊人群（待走访在前）</source>
        <translation>Special care (visits due first)</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="102" />
        <source>走访此单位</source>
        <translation>Visit this unit</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="109" />
        <source>选择一个单位查看详情、走访记录和相关事件</source>
        <translation>Choose a unit to see its details, visits and related events</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="114" />
        <source>实有单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="119" />
        <location filename="../../views/registry/page.py" line="332" />
        <source>选择一个人查看详情</source>
        <translation>Choose a person to see the details</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="122" />
        <source>显示完整号码</source>
        <translation>Show the full numbers</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="126" />
        <source>记录走访</source>
        <translation>Record a visit</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="130" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="134" />
        <source>列为特殊人群</source>
        <translation>Take into special care</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="153" />
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="172" />
        <source>基础信息</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="302" />
        <source>仅显示前%1人，请缩小范围</source>
        <translation>Only the first %1 people are shown; narrow the search</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="306" />
        <source>%1人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="335" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../views/registry/page.py" line="350" />
        <source>相关事件</source>
        <translation>Related events</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../views/reports/page.py" line="68" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="69" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="70" />
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="71" />
        <source>保存为 Excel…</source>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="74" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="78" />
        <source>简报</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="78" />
        <source>时期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="99" />
        <source>已发简报（期号按年度、类别编排）</source>
        <translation>Issued sheets (numbered per year and kind)</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="122" />
        <source>当前角色无权制作简报，可查看已发简报记录。</source>
        <translation>Your role may not issue sheets; you can see the sheets already issued.</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="124" />
        <source>选择简报和时期后点「预览」查看；打印或保存时才编入期号。</source>
        <translation>Choose a sheet and its period, then press Preview; a number is given only when it is printed or saved.</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="137" />
        <source>读取已发简报</source>
        <translation>Reading the issued sheets</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="202" />
        <location filename="../../views/reports/page.py" line="209" />
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="214" />
        <source>生成失败：</source>
        <translation>Could not make the sheet: </translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="232" />
        <source>正在生成预览…</source>
        <translation>Making the preview…</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="243" />
        <source>预览：共 {n} 页（正式发出时编入期号）</source>
        <translation>Preview: {n} pages (the issue number is given when it is issued)</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="266" />
        <source>正在生成…</source>
        <translation>Making the sheet…</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="272" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="278" />
        <source>已保存 {no}：{file}</source>
        <translation>Saved {no}: {file}</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="294" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../views/reports/page.py" line="298" />
        <source>已打印 {no}，共 {n} 页</source>
        <translation>Printed {no}, {n} pages</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../views/accounts_page.py" line="96" />
        <source>变更角色：</source>
        <translation>Change role: </translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="103" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="107" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../views/accounts_page.py" line="108" />
        <source>所属部门</source>
        <translation>Department</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../views/code_words.py" line="367" />
        <source>值班员</source>
        <translation>Duty staff</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="368" />
        <source>领导</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="369" />
        <source>职能部门联络员</source>
        <translation>Department liaison</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="370" />
        <source>网格员</source>
        <translation>grid worker</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="371" />
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="372" />
        <source>安全管理员</source>
        <translation>Security administrator</translation>
    </message>
    <message>
        <location filename="../../views/code_words.py" line="373" />
        <source>审计管理员</source>
        <translation>Auditor</translation>
    </message>
</context>
<context>
    <name>RouteProposal</name>
    <message>
        <location filename="../../views/dispatch/proposal_text.py" line="18" />
        <source>建议：（无）</source>
        <translation>Proposal: (none)</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/proposal_text.py" line="18" />
        <source>事项清单和以往案件都没有可参考的部门，请值班员选择</source>
        <translation>neither the matters list nor past cases point to a department; the duty officer chooses</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/proposal_text.py" line="20" />
        <source>建议：</source>
        <translation>Suggested: </translation>
    </message>
    <message>
        <location filename="../../views/dispatch/proposal_text.py" line="21" />
        <source>事项清单</source>
        <translation>Matters list</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/proposal_text.py" line="36" />
        <source>%n件相似的以往案件派给了该部门</source>
        <translation>%n similar past cases went to this department</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/proposal_text.py" line="22" />
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/proposal_text.py" line="23" />
        <source>%n件相似的以往案件</source>
        <translation>%n similar past cases</translation>
    </message>
    <message>
        <location filename="../../views/dispatch/proposal_text.py" line="24" />
        <source>排序（点击选择）</source>
        <translation>Ranked (click to choose)</translation>
    </message>
</context>
<context>
    <name>RoutineDialog</name>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="91" />
        <source>记录培训、测试、巡逻或演练</source>
        <translation>Record a training, test, patrol or drill</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="102" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="106" />
        <source>每行一人：姓名 类别 [成绩]，类别：</source>
        <translation>One per line: name category [score]; categories: </translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="112" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="112" />
        <source>形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="112" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="113" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="113" />
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="114" />
        <source>地点或路线</source>
        <translation>Place or route</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="114" />
        <source>负责人</source>
        <translation>Led by</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="115" />
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="115" />
        <source>发现的问题</source>
        <translation>Findings</translation>
    </message>
</context>
<context>
    <name>RoutineTab</name>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="32" />
        <source>新增记录…</source>
        <translation>New record…</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="35" />
        <source>发现问题上报事件…</source>
        <translation>Report a finding as an event…</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="76" />
        <source>请先选择一条巡逻或演练记录</source>
        <translation>Select a patrol or drill first</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="79" />
        <source>上报事件</source>
        <translation>Report event</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="79" />
        <source>事件标题</source>
        <translation>Event title</translation>
    </message>
    <message>
        <location filename="../../views/meetings/routine_tab.py" line="82" />
        <source>已上报事件 #</source>
        <translation>Reported event #</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app.py" line="176" />
        <source>读取街道名称</source>
        <translation>Reading the street's name</translation>
    </message>
    <message>
        <location filename="../../app.py" line="177" />
        <source>清理变更记录</source>
        <translation>Pruning the change log</translation>
    </message>
    <message>
        <location filename="../../app.py" line="180" />
        <source>读取以往案件</source>
        <translation>reading past cases</translation>
    </message>
    <message>
        <location filename="../../app.py" line="247" />
        <source>上次运行异常退出，记录已保存：</source>
        <translation>The last run ended in a crash; its record is kept at: </translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../views/login.py" line="146" />
        <source>数据库中还没有任何账户。请先在命令行建立第一个管理员：
desk user add 用户名 --role security_admin
（演示：在空数据库上运行 desk demo --accounts）</source>
        <translation>There are no accounts in the database yet. First create an administrator on the command line:
desk user add USERNAME --role security_admin
(For a demo: run desk demo --accounts on an empty database)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../views/login.py" line="42" />
        <source>登录 — 警网融合中心工作台</source>
        <translation>Sign In — Police–Grid Fusion Command Desk</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="52" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="53" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="57" />
        <source>这是管理员为您设置的初始密码，请先设置自己的新密码。</source>
        <translation>This is the initial password your administrator set. Please choose your own new password first.</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="62" />
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="63" />
        <source>再输入一次</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="73" />
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="74" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="79" />
        <source>警网融合中心工作台</source>
        <translation>Police–Grid Fusion Command Desk</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="104" />
        <source>请输入用户名和密码</source>
        <translation>Enter your user name and password</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="120" />
        <source>修改密码并登录</source>
        <translation>Change password and sign in</translation>
    </message>
    <message>
        <location filename="../../views/login.py" line="128" />
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords do not match</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../views/board/timeline.py" line="16" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../views/board/timeline.py" line="16" />
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../views/board/timeline.py" line="16" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../views/board/timeline.py" line="16" />
        <source>状态变化</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location filename="../../views/board/timeline.py" line="16" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>UnitActions</name>
    <message>
        <source>从业人数</source>
        <translation type="vanished">Staff</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation type="vanished">Contact</translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="vanished">Phone</translation>
    </message>
    <message>
        <source>相关事件</source>
        <translation type="vanished">Related events</translation>
    </message>
    <message>
        <source>无</source>
        <translation type="vanished">None</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../views/registry/visit_dialog.py" line="23" />
        <source>走访登记</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../views/registry/visit_dialog.py" line="26" />
        <source>走访对象：%1</source>
        <translation>Visiting: %1</translation>
    </message>
    <message>
        <location filename="../../views/registry/visit_dialog.py" line="36" />
        <source>见到本人；身体、生活、情绪情况；发现的问题</source>
        <translation>Met in person; health, living conditions, mood; problems found</translation>
    </message>
    <message>
        <location filename="../../views/registry/visit_dialog.py" line="37" />
        <source>发现问题，上报为事件</source>
        <translation>A problem found: report it as an event</translation>
    </message>
    <message>
        <location filename="../../views/registry/visit_dialog.py" line="45" />
        <source>走访日期</source>
        <translation>Date of visit</translation>
    </message>
    <message>
        <location filename="../../views/registry/visit_dialog.py" line="46" />
        <source>走访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../../views/registry/visit_dialog.py" line="47" />
        <source>走访情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../views/registry/visit_dialog.py" line="48" />
        <source>后续事项</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../views/registry/visit_dialog.py" line="50" />
        <source>事件类型</source>
        <translation>Event kind</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../views/auto_backup.py" line="25" />
        <source>已自动备份：</source>
        <translation>Automatic backup saved: </translation>
    </message>
    <message>
        <location filename="../../views/auto_backup.py" line="28" />
        <source>自动备份失败：</source>
        <translation>Automatic backup failed: </translation>
    </message>
</context>
</TS>