"""Moving an entry up or down an ordered list (sub-items, facilitators, objectives)."""

from django.db import models

from .errors import DomainError


def move_in_list(obj: models.Model, siblings: models.QuerySet, step: int) -> None:
    """Swap `obj` with its neighbour (`step` -1 up, +1 down) and renumber the list 0..n."""
    ordered = list(siblings.select_for_update().order_by("position", "id"))
    index = next(i for i, o in enumerate(ordered) if o.pk == obj.pk)
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(ordered):
        raise DomainError("list.cannot_move")
    ordered[index], ordered[target] = ordered[target], ordered[index]
    renumber(ordered)


def renumber(ordered: list[models.Model]) -> None:
    for position, entry in enumerate(ordered):
        if entry.position != position:
            entry.position = position
            entry.save(update_fields=["position"])


def next_position(siblings: models.QuerySet) -> int:
    last = siblings.aggregate(m=models.Max("position"))["m"]
    return 0 if last is None else last + 1
