"""Writing people and organisations: create, update, import from a list, erase on request."""

from .importing import ImportReport, import_people
from .organisations import find_or_create_organisation
from .persons import create_person, erase_person, update_person

__all__ = [
    "ImportReport",
    "create_person",
    "erase_person",
    "find_or_create_organisation",
    "import_people",
    "update_person",
]
