"""The routing replay's figures (desk.services.dispatch.replay) as the one Table every output renders:
top-1 and top-3 accuracy of the routing proposal per department."""
from __future__ import annotations

from desk.services.dispatch.replay import DepartmentCheck, RoutingCheck
from desk.services.figures.table import Column, Table

COLUMNS = (Column("department", "部门"), Column("cases", "案件数", "int"), Column("top1", "首选命中", "int"),
           Column("top1_rate", "首选准确率", "rate"), Column("top3", "前三命中", "int"),
           Column("top3_rate", "前三准确率", "rate"), Column("sure", "较有把握", "int"),
           Column("sure_rate", "较有把握准确率", "rate"))


def routing_check_table(r: RoutingCheck) -> Table:
    """The replay's figures as the one table every output renders."""
    def line(x: DepartmentCheck) -> tuple:
        return (x.department, x.cases, x.top1, x.top1_rate, x.top3, x.top3_rate, x.sure, x.sure_rate)

    period = f"{r.date_from or '最早'}至{r.date_to or '最近'}"
    notes = (f"按时间回放：每件只用更早的案件和事项清单建议；期前已学习 {r.learned_before} 件。",
             "较有把握准确率：建议注明“较有把握”时首选部门正确的比例。")
    return Table(f"分流建议回放检验（{period}）", COLUMNS, tuple(line(x) for x in r.rows), line(r.total), notes,
                 key="routing_check", empty_text="本期没有已知承办部门的案件。")
