"""Stored files go with their rows, once the transaction commits (never before: a rollback
would leave a row without its file)."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models.fields.files import FieldFile


def delete_files_on_commit(files: Iterable[FieldFile]) -> None:
    stored = [(file.storage, file.name) for file in files if file]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in stored])
