"""Near-duplicate grouping of a consultation's inputs: a campaign sent 500 times is one group.

The texts are read in one streamed query and grouped in memory (core.nearduplicates, numpy);
only inputs whose group changes are written, one UPDATE per group. Reading happens outside the write
transaction, so a long grouping never holds the database's write lock (SQLite has only one):
an input given meanwhile stays ungrouped until the next regroup.
"""

from collections import defaultdict

from django.db import transaction

from sala.core import audit
from sala.core.nearduplicates import group_near_duplicates
from sala.meetings.models import Consultation
from sala.participation.models import Input

from ..queries import forget_version

READ_CHUNK = 10_000
WRITE_BATCH = 5_000  # ids per UPDATE: well under SQLite's 32,766 parameters


def group_inputs(*, consultation: Consultation, actor=None) -> int:
    """Set every input's `group` (its group's smallest input id; None alone); the number of groups."""
    ids, current, texts = [], [], []
    rows = (
        Input.objects.filter(consultation=consultation)
        .order_by("pk")
        .values_list("pk", "group", "comment", "proposed_wording")
    )
    for pk, group, comment, wording in rows.iterator(chunk_size=READ_CHUNK):
        ids.append(pk)
        current.append(group)
        texts.append(f"{comment}\n{wording}" if wording else comment)
    groups = group_near_duplicates(texts)
    del texts
    wanted: list[int | None] = [None] * len(ids)
    for members in groups:
        for index in members:
            wanted[index] = ids[members[0]]
    changes: dict[int | None, list[int]] = defaultdict(list)
    for pk, old, new in zip(ids, current, wanted, strict=True):
        if old != new:
            changes[new].append(pk)
    with transaction.atomic():
        write_groups(changes)
        audit.record(
            action="consolidation.grouped",
            scope=consultation,
            actor=actor,
            data={"count": len(groups), "inputs": len(ids), "changed": sum(map(len, changes.values()))},
        )
        transaction.on_commit(lambda: forget_version(consultation))
    return len(groups)


def write_groups(changes: dict[int | None, list[int]]) -> None:
    """One UPDATE per group (and batch of ids): a campaign of 30,000 copies is a few statements.

    Django's bulk_update writes a CASE per row instead, which took 9 s for 30,000 rows.
    """
    for group, pks in changes.items():
        for start in range(0, len(pks), WRITE_BATCH):
            Input.objects.filter(pk__in=pks[start : start + WRITE_BATCH]).update(group=group)
