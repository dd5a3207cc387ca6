"""Time near-duplicate grouping on 100,000 inputs (issue 4: under 10 s and 1 GB on 2 cores).

    .venv/bin/python bench/nearduplicates_probe.py [COUNT]

The inputs are those of tests/core/test_nearduplicates.py, ten times as many: 30% edited
copies of eight campaign texts in English and Khmer, the rest inputs of their own. Prints the
time grouping takes, the process's peak memory (inputs included), and how well it grouped.
"""

import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `tests` importable
    sys.path.insert(0, str(ROOT))

from sala.core.nearduplicates import group_near_duplicates  # noqa: E402
from tests.core.test_nearduplicates import generate_inputs  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main(count: int) -> None:
    texts, labels = generate_inputs(count)
    print(f"{count:,} inputs, {sum(map(len, texts)):,} characters; peak before grouping {peak_mb():.0f} MB")
    started = time.perf_counter()
    groups = group_near_duplicates(texts)
    seconds = time.perf_counter() - started
    group_of = {index: number for number, group in enumerate(groups) for index in group}
    copies = [(i, label) for i, label in enumerate(labels) if label is not None]
    main_group = {
        campaign: Counter(group_of.get(i) for i, label in copies if label == campaign).most_common(1)[0][0]
        for campaign in set(labels) - {None}
    }
    placed = sum(group_of.get(i) == main_group[label] for i, label in copies) / len(copies)
    others = [i for i, label in enumerate(labels) if label is None]
    wrongly = sum(i in group_of for i in others) / len(others)
    print(f"grouping: {seconds:.2f} s, peak memory {peak_mb():.0f} MB, {len(groups)} groups")
    print(f"copies in their campaign's group: {placed:.2%}; other inputs grouped: {wrongly:.2%}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
