"""The dealing of people into groups, as properties over random rooms (no database)."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from sala.participation.dealing import Seat, Tally, deal

KINDS = ["cso", "academia", "legal", "government", "private", "development_partner", "media", ""]
GENDERS = ["woman", "man", "another", ""]


def seats(genders=GENDERS):
    return st.builds(Seat, st.sampled_from(KINDS), st.sampled_from(genders), st.text(max_size=3))


def spread(values) -> int:
    values = list(values)
    return max(values) - min(values)


def tallies(newcomers, dealt, groups):
    result = [Tally(members) for members in groups]
    for seat, g in zip(newcomers, dealt, strict=True):
        result[g].add(seat)
    return result


def squares(tallies) -> int:
    return sum(n * n for t in tallies for n in t.genders.values())


@settings(max_examples=300, deadline=None)
@given(st.lists(seats(), max_size=90), st.integers(min_value=1, max_value=9))
def test_from_empty_groups_sizes_and_every_type_differ_by_at_most_one(newcomers, group_count):
    dealt = deal(newcomers, [[] for _ in range(group_count)])
    result = tallies(newcomers, dealt, [[] for _ in range(group_count)])

    assert len(dealt) == len(newcomers) and all(0 <= g < group_count for g in dealt)
    assert spread(t.size for t in result) <= 1
    for kind in KINDS:
        assert spread(t.kinds[kind] for t in result) <= 1, kind
    # Genders: no swap of two people of the same type between two groups would even them out further.
    for i, p in enumerate(newcomers):
        for j, q in enumerate(newcomers):
            if p.kind == q.kind and p.gender != q.gender and dealt[i] != dealt[j]:
                swapped = list(dealt)
                swapped[i], swapped[j] = dealt[j], dealt[i]
                assert squares(tallies(newcomers, swapped, [[]] * group_count)) >= squares(result)


@settings(max_examples=200, deadline=None)
@given(st.lists(seats(["woman", "man"]), max_size=90), st.integers(min_value=1, max_value=8))
def test_women_and_men_are_spread_as_evenly_as_the_types_allow(newcomers, group_count):
    dealt = deal(newcomers, [[] for _ in range(group_count)])
    result = tallies(newcomers, dealt, [[] for _ in range(group_count)])
    by_gender = Counter(s.gender for s in newcomers)
    for gender in by_gender:
        assert spread(t.genders[gender] for t in result) <= 1, gender


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(seats(), max_size=8), min_size=1, max_size=6),
    st.lists(seats(), max_size=60),
)
def test_members_already_there_stay_and_newcomers_fill_the_smallest_groups(groups, newcomers):
    dealt = deal(newcomers, groups)
    result = tallies(newcomers, dealt, groups)

    assert len(dealt) == len(newcomers)  # only newcomers are placed: the others are not moved
    before = [len(g) for g in groups]
    total = sum(before) + len(newcomers)
    ceiling = -(-total // len(groups))
    for size_before, tally in zip(before, result, strict=True):
        assert tally.size >= size_before
        if tally.size > size_before:  # a group that gained somebody was never above the fair share
            assert tally.size <= max(ceiling, size_before)
    assert spread(t.size for t in result) <= max(1, spread(before))


def test_dealing_is_deterministic_and_ignores_the_input_order():
    room = [Seat(k, g, f"{k}{g}{n}") for n in range(3) for k in KINDS[:5] for g in ("woman", "man")]
    first = deal(room, [[], [], [], []])
    reordered = list(reversed(room))
    second = deal(reordered, [[], [], [], []])
    assert [first[room.index(s)] for s in reordered] == second
