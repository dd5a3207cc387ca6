"""Keys under which two rows, or a row and a saved record, are the same person or organisation.

Two records are the same when they share any key; whoever holds the records groups them
(the service that saves an import, by looking each key up).
"""

import re

from .headers import FIELDS
from .text import clean, comparison_key
from .values import normalise_phone

# "Khmer Youth for Digital Rights (KYDR)": a short all-capitals word in brackets at the end.
_TRAILING_ACRONYM = re.compile(r"\s*[(\[]\s*([A-Z][A-Z0-9&.\-]{1,14})\s*[)\]]$")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.\-]{1,14}")


def split_acronym(name: str) -> tuple[str, str]:
    """(name, acronym) of an organisation written as "Name (ACR)"; the acronym is "" if none."""
    name = clean(name)
    match = _TRAILING_ACRONYM.search(name)
    if match is None or match.start() == 0:
        return name, ""
    return name[: match.start()], match.group(1)


def organisation_key(name: str, acronym: str = "") -> set[str]:
    """The normalised name, and "acr:<acronym>" when an acronym is given, written in brackets
    after the name, or is the whole name (a list that gives only "KYDR")."""
    name, bracketed = split_acronym(name)
    acronyms = {acronym, bracketed, name if _ACRONYM.fullmatch(name) else ""}
    keys = {f"acr:{key}" for key in map(comparison_key, acronyms) if key}
    if key := comparison_key(name):
        keys.add(key)
    return keys


def identity_keys(values: dict[str, str]) -> set[str]:
    """The keys "email:…", "phone:…", and "name:…|org:…" for each name script and organisation key.

    A name without an organisation gives no key: two people of the same name are only the
    same person when they also work at the same place.
    """
    text = {field: values.get(field) or "" for field in FIELDS}  # a saved record may hold None
    keys = set()
    if email := text["email"].strip().casefold():
        keys.add(f"email:{email}")
    if phone := normalise_phone(text["phone"]):
        keys.add(f"phone:{phone}")
    organisation = organisation_key(text["organisation"], text["acronym"])
    for name in (text["name_latin"], text["name_khmer"]):
        if name_key := comparison_key(name):
            keys.update(f"name:{name_key}|org:{org_key}" for org_key in organisation)
    return keys
