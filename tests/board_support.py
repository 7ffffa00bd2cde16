"""A small street for the board's tests: one community (兴钢社区) with two grids side by side,
households in 3号楼 (grid 2), a village, a department, staff, and seats (actors) of each role."""
from __future__ import annotations

import json
from dataclasses import dataclass

from desk.models import Community, CommunityKind, Department, Grid, GridKind, Household, Staff, StaffRole, Street
from desk.services.context import Context
from desk.services.unit import Actor

WANG = Actor("wangli", "王丽", role="duty_staff", seat="seat-1")
LI = Actor("lina", "李娜", role="duty_staff", seat="seat-2")
LEADER = Actor("zhang", "张国强", role="leader", seat="big-screen")
GRIDMAN = Actor("grid1", "赵网格", role="grid_staff", seat="grid")
LIAISON = Actor("fire", "消防联络员", role="liaison", seat="dept")
ADMIN = Actor("admin", "管理员", role="system_admin", seat="admin")
AUDITOR = Actor("auditor", "审计员", role="audit_admin", seat="audit")


def box(x0, y0, x1, y1) -> str:
    return json.dumps({"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]})


@dataclass(frozen=True)
class Small:
    community_id: int
    village_id: int
    grid1: int
    grid2: int
    village_grid: int
    department_id: int
    worker_id: int


def small_street(ctx: Context) -> Small:
    with ctx.unit() as u:
        s = u.session
        st = Street(code="410481004", name="院岭街道")
        s.add(st)
        s.flush()
        c = Community(street_id=st.id, code="410481004001", name="兴钢社区", kind=CommunityKind.COMMUNITY)
        v = Community(street_id=st.id, code="410481004201", name="李辉庄村", kind=CommunityKind.VILLAGE)
        s.add_all([c, v])
        s.flush()
        g1 = Grid(community_id=c.id, code="410481004001001", name="兴钢社区第1网格", kind=GridKind.COMPREHENSIVE,
                  households=400, population=1000, geometry=box(113.50, 33.28, 113.51, 33.29))
        g2 = Grid(community_id=c.id, code="410481004001002", name="兴钢社区第2网格", kind=GridKind.COMPREHENSIVE,
                  households=400, population=1000, geometry=box(113.51, 33.28, 113.52, 33.29))
        g3 = Grid(community_id=v.id, code="410481004201001", name="李辉庄村第1网格", kind=GridKind.COMPREHENSIVE,
                  households=300, population=800, geometry=box(113.53, 33.28, 113.54, 33.29))
        s.add_all([g1, g2, g3])
        s.flush()
        s.add_all([Household(grid_id=g2.id, address=f"兴钢社区3号楼1单元{i}01", building="3号楼") for i in range(1, 5)])
        s.add(Household(grid_id=g1.id, address="兴钢社区1号楼1单元101", building="1号楼"))
        d = Department(street_id=st.id, code="D04", name="院岭消防救援站", short_name="消防")
        s.add(d)
        w = Staff(name="赵网格", role=StaffRole.FULLTIME_GRID_WORKER, street_id=st.id, community_id=c.id)
        s.add(w)
        s.flush()
        return Small(c.id, v.id, g1.id, g2.id, g3.id, d.id, w.id)


def new(duty: Context, **kw):
    """Report an ordinary event (a hazard in 兴钢社区1号楼 by phone) with any field changed."""
    from desk.services import incidents as inc

    base = dict(title="楼道堆放杂物", kind="safety_hazard", source="phone", address="兴钢社区1号楼")
    base.update(kw)
    return inc.report_event(duty, inc.NewEvent(**base))
