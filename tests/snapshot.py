"""Load the demo once per test run, then copy its rows into each test that asks for it.

Loading the 2014 meeting through the services takes about two seconds, and hundreds of tests
start from it. `take` loads it once into the freshly migrated database, keeps what the load
added (every new row of every table, and the emails it sent) and rolls it back; `restore`
inserts the same rows as they were (raw, so timestamps and keys stay) in a few milliseconds.

Keys: the demo's rows are given keys above anything a test makes first (each table's counter is
moved to `FLOOR` before the load), so a test that creates people before asking for the demo does
not collide with it. Should a key be taken anyway, `restore` inserts nothing and says so.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core import mail
from django.core.management.color import no_style
from django.db import connection, models, transaction

FLOOR = 1_000_000


@dataclass
class Copy:
    rows: list[tuple[type[models.Model], list[dict]]]
    emails: list
    result: tuple[type[models.Model], object]


def _tables() -> list[type[models.Model]]:
    found = [m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy]
    assert not [m for m in found if m._meta.parents], "copying rows of inherited models is not supported"
    return found


def _counted(model) -> bool:
    return isinstance(model._meta.pk, models.AutoField)  # AutoField, BigAutoField, SmallAutoField


def _raise_counters(tables) -> None:
    """Move every table's key counter to at least FLOOR (SQLite's is rolled back with the test)."""
    with connection.cursor() as cursor:
        for model in filter(_counted, tables):
            table = model._meta.db_table
            if connection.vendor == "sqlite":
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s", [FLOOR, table]
                )
                if not cursor.rowcount:
                    cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, FLOOR])
            elif connection.vendor == "postgresql":
                sequence = "pg_get_serial_sequence(%s, %s)"
                cursor.execute(
                    f"SELECT setval({sequence}, GREATEST(%s, nextval({sequence})))",
                    [table, model._meta.pk.column, FLOOR, table, model._meta.pk.column],
                )


def take(make: Callable[[], models.Model]) -> Copy:
    """Run `make` in a transaction that is rolled back, and keep what it added."""
    with transaction.atomic():
        copy = _take(make)
        transaction.set_rollback(True)
    return copy


def _take(make) -> Copy:
    tables = _tables()
    before = {model: set(model._base_manager.values_list("pk", flat=True)) for model in tables}
    _raise_counters(tables)
    sent = len(mail.outbox) if hasattr(mail, "outbox") else 0
    result = make()
    rows = []
    for model in tables:
        names = [f.attname for f in model._meta.concrete_fields]
        new = [
            r
            for r in model._base_manager.order_by("pk").values(*names)
            if r[model._meta.pk.attname] not in before[model]
        ]
        if new:
            rows.append((model, new))
    emails = list(mail.outbox[sent:]) if hasattr(mail, "outbox") else []
    return Copy(rows=rows, emails=emails, result=(type(result), result.pk))


def restore(copy: Copy):
    """Insert the copied rows and return what `make` made; None (nothing inserted) when one of
    their keys is taken."""
    for model, rows in copy.rows:
        pk = model._meta.pk.attname
        if model._base_manager.filter(pk__in=[r[pk] for r in rows]).exists():
            return None
    with transaction.atomic():  # foreign keys are checked at commit: rows go in any order
        for model, rows in copy.rows:
            fields = model._meta.concrete_fields
            objs = [model(**row) for row in rows]
            size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
            for start in range(0, len(objs), size):
                model._base_manager._insert(objs[start : start + size], fields=fields, raw=True)
        if connection.vendor == "postgresql":
            _keep_counters_above([model for model, _ in copy.rows if _counted(model)])
    if hasattr(mail, "outbox"):
        mail.outbox.extend(copy.emails)
    model, pk = copy.result
    return model._default_manager.get(pk=pk)


def _keep_counters_above(tables) -> None:
    """PostgreSQL's counters survive rollbacks, so they are above the copied keys unless a
    transactional test's flush reset them: set them past the highest key."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), tables):
            cursor.execute(statement)
