<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>Labels</name>
    <message>
        <location filename="../../views/labels.py" line="9" />
        <location filename="../../views/labels.py" line="27" />
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
        <location filename="../../views/labels.py" line="30" />
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
        <location filename="../../views/labels.py" line="21" />
        <source>达标</source>
        <translation>Within standard</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="21" />
        <source>偏小</source>
        <translation>Too small</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="21" />
        <source>偏大</source>
        <translation>Too large</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="21" />
        <source>专属</source>
        <translation>Dedicated</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="26" />
        <location filename="../../views/labels.py" line="27" />
        <location filename="../../views/labels.py" line="30" />
        <location filename="../../views/labels.py" line="31" />
        <location filename="../../views/labels.py" line="32" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="26" />
        <location filename="../../views/labels.py" line="27" />
        <location filename="../../views/labels.py" line="30" />
        <location filename="../../views/labels.py" line="31" />
        <location filename="../../views/labels.py" line="32" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="26" />
        <location filename="../../views/labels.py" line="27" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="26" />
        <location filename="../../views/labels.py" line="30" />
        <source>网格数</source>
        <translation>Grids</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="26" />
        <location filename="../../views/labels.py" line="27" />
        <location filename="../../views/labels.py" line="30" />
        <location filename="../../views/labels.py" line="31" />
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="26" />
        <location filename="../../views/labels.py" line="27" />
        <location filename="../../views/labels.py" line="30" />
        <location filename="../../views/labels.py" line="31" />
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="27" />
        <location filename="../../views/labels.py" line="31" />
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="28" />
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="28" />
        <location filename="../../views/labels.py" line="49" />
        <source>警务区</source>
        <translation>Police beats</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="29" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="29" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="29" />
        <location filename="../../views/labels.py" line="31" />
        <source>所属社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="29" />
        <source>所属部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="29" />
        <source>网格</source>
        <translation>Grids</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="32" />
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="49" />
        <source>职能部门</source>
        <translation>Departments</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../views/main_window.py" line="22" />
        <source>警网融合中心工作台</source>
        <translation>Police–Grid Fusion Command Desk</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="47" />
        <source>数据库：</source>
        <translation>Database: </translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="56" />
        <source>连接中…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="88" />
        <source>实时更新已连接</source>
        <translation>Live updates connected</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="90" />
        <source>其他席位的修改会在一秒内显示</source>
        <translation>Changes made at other seats appear within a second</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="92" />
        <source>实时更新未连接</source>
        <translation>Live updates disconnected</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="101" />
        <source>数据库不可用，正在重连…</source>
        <translation>Database unavailable, reconnecting…</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="107" />
        <source>警网融合中心</source>
        <translation> Police–Grid Fusion Centre</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../app.py" line="39" />
        <source>事件看板</source>
        <translation>Incident board</translation>
    </message>
    <message>
        <location filename="../../app.py" line="39" />
        <source>事件从上报到办结：分诊、受理、认领、期限与超时、矛盾纠纷逐级化解。</source>
        <translation>Events from report to closure: triage, acceptance, claiming, deadlines and overdue, the dispute ladder.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="40" />
        <source>派单处置</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../app.py" line="40" />
        <source>一网分流：按事项清单派给职能部门，签收、退单、反馈、核查、回访。</source>
        <translation>Cases routed to departments by the matters list: accept, return, feedback, verification, call-back.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="41" />
        <source>网格地图</source>
        <translation>Grid map</translation>
    </message>
    <message>
        <location filename="../../app.py" line="41" />
        <source>网格与警务区的离线地图，事件实时落图，点击网格查看档案。</source>
        <translation>Offline map of grids and police beats, live events, a grid's profile one click away.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="42" />
        <source>会商研判</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../app.py" line="42" />
        <source>日见面、周研判、月讲评：议程自动生成，决定形成待办并跟踪。</source>
        <translation>Daily meeting, weekly review, monthly assessment: agendas compiled, decisions become tracked action items.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="43" />
        <source>基础信息</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../app.py" line="43" />
        <source>人、房、单位与特殊人群，走访记录。</source>
        <translation>People, houses, units and special populations, with visits.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="44" />
        <source>数据总览</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../app.py" line="44" />
        <source>领导驾驶舱：关键指标与趋势。</source>
        <translation>The leaders' dashboard: key figures and trends.</translation>
    </message>
    <message>
        <location filename="../../app.py" line="45" />
        <source>报表简报</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../app.py" line="45" />
        <source>日报、周研判材料、月讲评通报，按公文格式打印。</source>
        <translation>Daily reports, weekly review papers and monthly assessments, printed in official-document layout.</translation>
    </message>
</context>
<context>
    <name>OrgBrowser</name>
    <message>
        <location filename="../../views/org_browser.py" line="40" />
        <source>筛选本表 (名称、代码、姓名…)</source>
        <translation>Filter this table (name, code, person…)</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="69" />
        <source>组织架构</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="87" />
        <source>无法读取组织架构：</source>
        <translation>Cannot read the organisation: </translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="95" />
        <source>&lt;b&gt;尚无组织数据。&lt;/b&gt; 用 &lt;code&gt;desk import divisions&lt;/code&gt; 导入区划代码，或用 &lt;code&gt;desk demo&lt;/code&gt; 生成演示街道。</source>
        <translation>&lt;b&gt;No organisation yet.&lt;/b&gt; Import division codes with &lt;code&gt;desk import divisions&lt;/code&gt;, or make the demo street with &lt;code&gt;desk demo&lt;/code&gt;.</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="113" />
        <source>个社区/村</source>
        <translation>communities/villages</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="113" />
        <location filename="../../views/org_browser.py" line="114" />
        <source>个网格</source>
        <translation>grids</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="113" />
        <source>名工作人员</source>
        <translation>staff</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="114" />
        <source>个警务区</source>
        <translation>police beats</translation>
    </message>
    <message>
        <location filename="../../views/org_browser.py" line="114" />
        <source>个部门</source>
        <translation>departments</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <location filename="../../views/org_models.py" line="75" />
        <source>户数不符合每格300–500户（约1000人）的标准</source>
        <translation>Households outside the standard of 300–500 per grid (about 1,000 people)</translation>
    </message>
</context>
<context>
    <name>PlannedPage</name>
    <message>
        <location filename="../../views/pages.py" line="35" />
        <source>本区域将在后续版本中启用。</source>
        <translation>This area arrives in a later version.</translation>
    </message>
</context>
</TS>