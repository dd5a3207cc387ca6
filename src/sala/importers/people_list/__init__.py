"""Participant lists as secretariats keep them (CSV or XLSX, English or Khmer headers, header
row anywhere near the top, any column order) to normalised rows and duplicate-detection keys.

    table = read_table(data, filename)      # raises ImportProblem for a file it cannot read
    rows = parse_rows(table, mapping=None)  # one ParsedRow per data row, errors and warnings per row
    identity_keys(row.values)               # rows sharing a key are the same person
"""

from .headers import FIELDS
from .identity import identity_keys, organisation_key
from .reading import MAX_BYTES, MAX_ROWS, Table, read_table
from .rows import ParsedRow, parse_rows
from .values import normalise_phone, strip_title

__all__ = [
    "FIELDS",
    "MAX_BYTES",
    "MAX_ROWS",
    "ParsedRow",
    "Table",
    "identity_keys",
    "normalise_phone",
    "organisation_key",
    "parse_rows",
    "read_table",
    "strip_title",
]
