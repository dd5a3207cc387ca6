"""Table rows to normalised people: every data row becomes one ParsedRow, in order, with the
problems of that row only, so a bad row never hides or blocks the good ones."""

from dataclasses import dataclass, field
from functools import partial

from ..problems import Finding
from . import values as normalise
from .headers import FIELDS, NAME_FIELDS
from .identity import split_acronym
from .reading import Table
from .text import clean, comparison_key, words

# Cell texts that mean "nothing here" in a field that is not a name (a person may be called Null).
_PLACEHOLDERS = {"n a", "na", "none", "nil", "null", "unknown"}


@dataclass
class ParsedRow:
    row: int  # sheet row number: what the user sees in Excel, or the CSV record number
    record: int  # 1-based index among the data rows
    values: dict[str, str]  # every field of FIELDS, normalised; "" when absent or dropped
    errors: list[Finding] = field(default_factory=list)  # the row cannot be imported
    warnings: list[Finding] = field(default_factory=list)  # imported, but a value was dropped or read

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_rows(
    table: Table, mapping: dict[int, str] | None = None, *, country_code: str = "855"
) -> list[ParsedRow]:
    """One ParsedRow per data row of the table, with `mapping` (column -> field) if the organiser
    changed the detected one. Several columns may feed one field: names are joined, and of
    other fields the first filled cell counts (emails and phones keep the others as a warning)."""
    mapping = table.mapping if mapping is None else mapping
    unknown = set(mapping.values()) - set(FIELDS)
    if unknown:
        raise ValueError(f"Not a participant field: {sorted(unknown)}")
    columns = sorted(mapping.items())
    return [
        _parse_row(number, record, _cells_by_field(cells, columns), country_code)
        for record, (number, cells) in enumerate(table.rows, start=1)
    ]


def _cells_by_field(cells: list[str], columns: list[tuple[int, str]]) -> dict[str, list[str]]:
    """The filled cells of each field, in column order."""
    found: dict[str, list[str]] = {name: [] for name in FIELDS}
    for index, name in columns:
        text = cells[index] if 0 <= index < len(cells) else ""
        said = words(text)
        if said and (name in NAME_FIELDS or said not in _PLACEHOLDERS):
            found[name].append(text)
    return found


def _parse_row(number: int, record: int, cells: dict[str, list[str]], country_code: str) -> ParsedRow:
    parsed = ParsedRow(number, record, dict.fromkeys(FIELDS, ""))
    _read_names(parsed, cells)
    _read_choices(parsed, cells)
    _read_organisation(parsed, cells)
    _read_contacts(parsed, cells, country_code)
    return parsed


def _read_names(parsed: ParsedRow, cells: dict[str, list[str]]) -> None:
    latin, khmer, title = _names(cells["name_latin"] + cells["name_khmer"])
    parsed.values.update(name_latin=latin, name_khmer=khmer, title=title)
    if not latin and not khmer:
        parsed.errors.append(_finding("people.no_name", parsed.row))


def _read_choices(parsed: ParsedRow, cells: dict[str, list[str]]) -> None:
    """Title, gender and organisation type: a cell Sala cannot read is dropped with a warning,
    never guessed; a type written with another word (NGO) is read, with a warning."""
    if cells["title"]:
        said = cells["title"][0]
        if title := normalise.title(said):
            parsed.values["title"] = title  # the title column wins over one written before the name
        else:
            _warn(parsed, "people.unknown_title", said)
    if cells["gender"]:
        said = cells["gender"][0]
        parsed.values["gender"] = normalise.gender(said) or ""
        if not parsed.values["gender"]:
            _warn(parsed, "people.unknown_gender", said)
    if cells["organisation_type"]:
        said = cells["organisation_type"][0]
        kind, exact = normalise.organisation_type(said)
        parsed.values["organisation_type"] = kind
        if not kind:
            _warn(parsed, "people.unknown_type", said)
        elif not exact:
            _warn(parsed, "people.type_mapped", said, type=kind)


def _read_organisation(parsed: ParsedRow, cells: dict[str, list[str]]) -> None:
    name, bracketed = split_acronym(cells["organisation"][0]) if cells["organisation"] else ("", "")
    acronym = clean(cells["acronym"][0]) if cells["acronym"] else bracketed
    position = clean(cells["position"][0]) if cells["position"] else ""
    parsed.values.update(organisation=name, acronym=acronym, position=position)


def _read_contacts(parsed: ParsedRow, cells: dict[str, list[str]], country_code: str) -> None:
    """Email and phone: the first of several is kept; an invalid one is dropped, with a warning."""
    phone = partial(normalise.normalise_phone, country_code=country_code)
    readers = {"email": normalise.email, "phone": phone}
    for name, read in readers.items():
        said = " / ".join(cells[name])
        first, several = normalise.first_of_several(said, name)
        if not first:
            continue
        parsed.values[name] = read(first) or ""
        if not parsed.values[name]:
            _warn(parsed, f"people.invalid_{name}", first)
        elif several:
            _warn(parsed, "people.several_values", said, field=name, kept=parsed.values[name])


def _names(cells: list[str]) -> tuple[str, str, str]:
    """(Latin name, Khmer name, title written before either), whichever column each part came from."""
    latin, khmer, found_title = [], [], ""
    for cell in cells:
        for part, parts in zip(normalise.split_by_script(cell), (latin, khmer), strict=True):
            part_title, part = normalise.strip_title(part)
            found_title = found_title or part_title
            if part and comparison_key(part) not in map(comparison_key, parts):
                parts.append(part)
    return " ".join(latin), " ".join(khmer), found_title


def _warn(parsed: ParsedRow, code: str, value: str, **params) -> None:
    parsed.warnings.append(_finding(code, parsed.row, value=value, **params))


def _finding(code: str, row: int, **params) -> Finding:
    return Finding(code, {"row": row, **params})
