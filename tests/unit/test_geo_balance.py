"""The grid balance check's suggestions, from figures alone."""
from desk.services.geo.balance import GridFigures, split_parts, suggest


def grid(i, hh, community=1, kind="comprehensive", staff=2, pop=None):
    return GridFigures(i, f"G{i:02d}", f"第{i}网格", community, "兴钢社区", kind, hh,
                       pop if pop is not None else round(hh * 2.2), staff)


def test_two_small_neighbouring_grids_of_one_community_are_suggested_for_merging():
    report = suggest([grid(1, 180), grid(2, 200), grid(3, 400)], {1: {2, 3}, 2: {1, 3}, 3: {1, 2}})
    merges = [s for s in report.suggestions if s.action == "merge"]
    assert [(m.grid_codes, m.households) for m in merges] == [(("G01", "G02"), 380)]
    assert "合并" in merges[0].text


def test_small_grids_of_different_communities_are_never_merged():
    report = suggest([grid(1, 180, community=1), grid(2, 200, community=2)], {1: {2}, 2: {1}})
    assert not [s for s in report.suggestions if s.action == "merge"]


def test_small_grids_that_do_not_touch_are_not_merged():
    report = suggest([grid(1, 180), grid(2, 200)], {1: set(), 2: set()})
    assert report.suggestions == ()
    assert report.count("small") == 2


def test_a_large_grid_is_split_into_parts_that_each_fit_the_standard():
    report = suggest([grid(1, 1300, pop=3500)], {})
    (s,) = report.suggestions
    assert s.action == "split" and s.parts == 3 and 300 <= s.households <= 500
    assert split_parts(650) == 2 and split_parts(1600) == 4


def test_a_grid_just_over_the_standard_gives_households_to_a_neighbour_with_room():
    report = suggest([grid(1, 530, pop=1400), grid(2, 350)], {1: {2}, 2: {1}})
    (s,) = report.suggestions
    assert s.action == "shift" and s.grid_codes == ("G01", "G02") and s.households == 30


def test_dedicated_grids_are_judged_by_their_own_staff_not_their_households():
    report = suggest([grid(1, 0, kind="dedicated", staff=2, pop=3000), grid(2, 0, kind="dedicated", staff=0)], {})
    status = {r.grid.code: r.status for r in report.rows}
    assert status == {"G01": "dedicated", "G02": "dedicated_unstaffed"}
    assert report.suggestions == ()


def test_a_grid_within_the_standard_by_population_is_fine():
    report = suggest([grid(1, 280, pop=1000)], {})
    assert report.rows[0].status == "ok"
