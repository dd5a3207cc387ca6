"""Dealing people into breakout groups so each group is a fair sample of the room.

Pure functions over plain values (no database), so the rules are tested by themselves:

1. sizes: each newcomer joins a smallest group, so sizes differ by at most one (when the
   newcomers are enough to even out what was there before);
2. kinds of organisation: newcomers are dealt sorted by (type, gender, name), so the people
   of one type come one after the other; among the smallest groups the one with the fewest
   of that type is chosen, which spreads every type over the groups with counts differing by
   at most one (from empty groups this always holds);
3. gender: ties go to the group with the fewest of that gender, then to the first group; a
   last pass swaps newcomers of the same type between groups (along a chain of groups if
   need be) whenever that evens the genders out, which keeps rules 1 and 2 as they are.
   Genders usually end within one of each other; it is not guaranteed (the types come
   first), but no such swap is left that would even them out further.

Members already in a group stay there; they count in every tally.
"""

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import partial


@dataclass(frozen=True)
class Seat:
    """One person as the dealing sees them: their kind of organisation, their gender, a name to sort."""

    kind: Hashable
    gender: Hashable
    name: str = ""


class Tally:
    """A group's size and its counts per kind and per gender, kept up to date while dealing."""

    def __init__(self, members: Sequence[Seat]):
        self.size = len(members)
        self.kinds = Counter(m.kind for m in members)
        self.genders = Counter(m.gender for m in members)

    def add(self, seat: Seat, sign: int = 1) -> None:
        self.size += sign
        self.kinds[seat.kind] += sign
        self.genders[seat.gender] += sign


def deal(newcomers: Sequence[Seat], groups: Sequence[Sequence[Seat]]) -> list[int]:
    """The index of the group each newcomer joins, in the order of `newcomers`."""
    if not groups:
        raise ValueError("no group to deal into")
    tallies = [Tally(members) for members in groups]
    order = sorted(range(len(newcomers)), key=lambda i: sort_key(newcomers[i]))
    placed: dict[int, int] = {}
    for i in order:
        seat = newcomers[i]
        best = min(
            range(len(tallies)),
            key=lambda g: (tallies[g].size, tallies[g].kinds[seat.kind], tallies[g].genders[seat.gender], g),
        )
        tallies[best].add(seat)
        placed[i] = best
    even_out_genders(newcomers, placed, tallies)
    return [placed[i] for i in range(len(newcomers))]


def sort_key(seat: Seat) -> tuple[str, str, str]:
    return (str(seat.kind), str(seat.gender), seat.name)


def even_out_genders(newcomers: Sequence[Seat], placed: dict[int, int], tallies: list[Tally]) -> None:
    """Pass people of gender a one way and of gender b the other along a chain of groups, while it helps.

    Each step of a chain swaps two newcomers of the same kind (one of gender a going forward,
    one of gender b coming back), so sizes and kinds stay as dealt and the groups in the middle
    keep their genders: only the two ends change, the first giving an a for a b. That lowers
    the sum of squared gender counts when gain(first, last) > 2 (the sum changes by
    4 - 2 * gain), so the loop ends. A chain reaches further than a single swap: it evens out
    groups that share no kind.
    """
    while (chain := improving_chain(newcomers, placed, tallies)) is not None:
        for p, q in chain:
            g, h = placed[p], placed[q]
            tallies[g].add(newcomers[p], -1)
            tallies[h].add(newcomers[q], -1)
            tallies[g].add(newcomers[q])
            tallies[h].add(newcomers[p])
            placed[p], placed[q] = h, g


def improving_chain(
    newcomers: Sequence[Seat], placed: dict[int, int], tallies: list[Tally]
) -> list[tuple[int, int]] | None:
    """The swaps (newcomer going forward, newcomer coming back) of the first chain that helps, if any."""
    where: dict[tuple[int, Hashable, Hashable], int] = {}  # (group, kind, gender) -> a newcomer there
    for i in sorted(placed):
        where.setdefault((placed[i], newcomers[i].kind, newcomers[i].gender), i)
    kinds = sorted({s.kind for s in newcomers}, key=str)
    genders = sorted({s.gender for s in newcomers}, key=str)
    groups = range(len(tallies))
    for a in genders:
        for b in genders:
            if a == b:
                continue
            swap = partial(swap_between, where, kinds, a, b)
            for first in groups:
                steps = reachable(first, groups, swap)
                for last in groups:
                    if last in steps and gain(tallies[first], tallies[last], a, b) > 2:
                        return chain_to(last, steps)
    return None


def swap_between(
    where: dict, kinds: list, a: Hashable, b: Hashable, g: int, h: int
) -> tuple[int, int] | None:
    """A newcomer of gender a in group g and one of gender b in group h, of the same kind, if any."""
    for t in kinds:
        if (g, t, a) in where and (h, t, b) in where:
            return where[g, t, a], where[h, t, b]
    return None


def reachable(first: int, groups: range, swap) -> dict[int, tuple[int, tuple[int, int]] | None]:
    """Breadth-first: for each group reached from `first`, the group before it and the swap between."""
    found: dict[int, tuple[int, tuple[int, int]] | None] = {first: None}
    queue = [first]
    for g in queue:
        for h in groups:
            if h not in found and (pair := swap(g, h)) is not None:
                found[h] = (g, pair)
                queue.append(h)
    return found


def chain_to(last: int, steps: dict) -> list[tuple[int, int]]:
    chain = []
    while steps[last] is not None:
        last, swap = steps[last]
        chain.append(swap)
    return chain[::-1]


def gain(g: Tally, h: Tally, a: Hashable, b: Hashable) -> int:
    return g.genders[a] - h.genders[a] + h.genders[b] - g.genders[b]
