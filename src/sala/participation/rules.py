"""Who may see and manage a consultation's inputs: its organisers only.

A participant reaches only their own named inputs, through their invitation link. Inputs
of others, and who gave them, are not shown to anyone else here (the public account, with
the authors who agreed to be named, is the advocacy app's).
"""

import rules

from sala.meetings.rules import can_manage

rules.add_perm("participation.manage_inputs", can_manage)
# Q&A: organisers moderate every item's questions (an item's facilitator, by their secret link,
# moderates that item's only: checked by the services, as a link is no account).
rules.add_perm("participation.moderate_questions", can_manage)
# Breakout groups: organisers make the groups and fill them; a group's report is written by its
# rapporteur alone, through their personal link (a person, not an account: tested with test_rule).
rules.add_perm("participation.manage_groups", can_manage)


@rules.predicate
def is_rapporteur(person, group) -> bool:
    return person is not None and group is not None and group.rapporteur_id == person.pk


rules.add_rule("participation.write_group_report", is_rapporteur)
