"""The agenda's rules as pure functions: no database needed."""

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sala.meetings.agenda import check_agenda, shifted
from tests.factories import pp


@dataclass
class Slot:
    pk: int
    starts_at: datetime
    ends_at: datetime
    title: str = "item"


START, END = pp(7, 30), pp(12, 0)


def codes(result):
    return sorted(e.code for e in result.errors)


def test_a_well_formed_agenda_is_valid_and_reports_its_gaps():
    items = [Slot(1, pp(7, 30), pp(8)), Slot(2, pp(8, 15), pp(9)), Slot(3, pp(9), pp(11))]
    result = check_agenda(START, END, items)
    assert result.is_valid
    assert [(g.starts_at, g.ends_at) for g in result.gaps] == [(pp(8), pp(8, 15)), (pp(11), END)]


def test_overlap_is_an_error_naming_both_items():
    items = [Slot(1, pp(8), pp(9), "Session 1"), Slot(2, pp(8, 30), pp(10), "Break")]
    result = check_agenda(START, END, items)
    assert codes(result) == ["agenda.overlap"]
    assert result.flagged == {1, 2}
    assert "Session 1" in result.errors[0].message and "Break" in result.errors[0].message


def test_items_outside_the_window_or_ending_before_they_start_are_errors():
    items = [Slot(1, pp(7), pp(7, 45)), Slot(2, pp(11, 30), pp(12, 30)), Slot(3, pp(9), pp(9))]
    assert codes(check_agenda(START, END, items)) == [
        "agenda.end_before_start",
        "agenda.outside_window",
        "agenda.outside_window",
    ]


def test_touching_items_do_not_overlap():
    assert check_agenda(START, END, [Slot(1, pp(8), pp(9)), Slot(2, pp(9), pp(10))]).is_valid


def test_an_item_inside_a_long_one_overlaps_it():
    items = [Slot(1, pp(8), pp(11)), Slot(2, pp(9), pp(9, 30)), Slot(3, pp(10), pp(10, 30))]
    assert codes(check_agenda(START, END, items)) == ["agenda.overlap", "agenda.overlap"]


def test_shifting_moves_only_later_items():
    items = [Slot(1, pp(8), pp(9)), Slot(2, pp(9), pp(10)), Slot(3, pp(10), pp(11))]
    moved = shifted(items, after=pp(9), delta=timedelta(minutes=10))
    assert [m.pk for m in moved] == [2, 3]
    assert items[0].starts_at == pp(8) and items[2].ends_at == pp(11, 10)


minutes = st.integers(min_value=0, max_value=270)


@given(st.lists(st.tuples(minutes, st.integers(min_value=1, max_value=60)), max_size=12))
def test_valid_means_inside_and_disjoint(raw):
    items = [
        Slot(i, START + timedelta(minutes=s), START + timedelta(minutes=s + d))
        for i, (s, d) in enumerate(raw)
    ]
    result = check_agenda(START, END, items)
    ordered = sorted(items, key=lambda x: x.starts_at)
    disjoint = all(a.ends_at <= b.starts_at for a, b in itertools.pairwise(ordered))
    inside = all(x.starts_at >= START and x.ends_at <= END for x in items)
    assert result.is_valid == (disjoint and inside)
    if result.is_valid and items:  # an empty agenda has its own empty state, not a gap
        planned = sum((x.ends_at - x.starts_at for x in items), timedelta())
        free = sum((g.ends_at - g.starts_at for g in result.gaps), timedelta())
        assert planned + free == END - START  # gaps are exactly the unplanned time
