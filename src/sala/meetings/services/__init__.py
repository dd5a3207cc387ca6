"""Everything that changes meetings goes through these functions (permissions are checked by
the views through rules; services keep the data consistent and write the audit log)."""

from .agenda import (
    create_agenda_item,
    delete_agenda_item,
    move_agenda_item,
    update_agenda_item,
)
from .facilitators import (
    add_facilitator,
    answer_facilitation,
    move_facilitator,
    remove_facilitator,
    update_facilitator,
)
from .meetings import (
    ObjectiveRow,
    OutcomeRow,
    create_meeting,
    save_concept_note,
    set_objectives,
    set_outcomes,
    update_meeting,
)

__all__ = [
    "ObjectiveRow",
    "OutcomeRow",
    "add_facilitator",
    "answer_facilitation",
    "create_agenda_item",
    "create_meeting",
    "delete_agenda_item",
    "move_agenda_item",
    "move_facilitator",
    "remove_facilitator",
    "save_concept_note",
    "set_objectives",
    "set_outcomes",
    "update_agenda_item",
    "update_facilitator",
    "update_meeting",
]
