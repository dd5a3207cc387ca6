"""Helpers for the participant-list tests (no tests here): the samples, grouping rows by keys."""

from pathlib import Path

import pytest

from sala.core.errors import MESSAGES
from sala.importers.people_list import identity_keys, organisation_key, parse_rows, read_table
from sala.importers.problems import ImportProblem
from tests.support.shared import SHARED

SAMPLES = SHARED / "samples" / "participants"
CSV = SAMPLES / "invitees.csv"
XLSX = SAMPLES / "invitees-km-headers.xlsx"


def read(path: Path):
    return read_table(path.read_bytes(), path.name)


def parsed(path: Path):
    return parse_rows(read(path))


def problem(data: bytes, filename: str = "list.csv") -> ImportProblem:
    """The ImportProblem reading `data` raises, after checking its message can be shown."""
    with pytest.raises(ImportProblem) as caught:
        read_table(data, filename)
    assert_message_renders(caught.value.code, caught.value.params)
    return caught.value


def assert_message_renders(code: str, params: dict) -> None:
    assert str(MESSAGES[code]) % {key: str(value) for key, value in params.items()}


def count_groups(keys_per_item: list[set[str]]) -> int:
    """How many groups items form when items sharing any key are one (union-find over keys)."""
    parent = list(range(len(keys_per_item)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for item, keys in enumerate(keys_per_item):
        for key in keys:
            if key in owner:
                parent[root(item)] = root(owner[key])
            else:
                owner[key] = item
    return len({root(i) for i in range(len(keys_per_item))})


def people_count(rows) -> int:
    return count_groups([identity_keys(row.values) for row in rows if row.ok])


def organisation_count(rows) -> int:
    keys = [organisation_key(row.values["organisation"], row.values["acronym"]) for row in rows if row.ok]
    return count_groups([k for k in keys if k])
