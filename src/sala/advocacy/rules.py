"""Who may consolidate a consultation's inputs and take its joint submission: its organisers.

The public sees the joint position only once it is published, through its own pages.
"""

import rules

from sala.meetings.models import Meeting
from sala.meetings.rules import can_manage


@rules.predicate
def is_known_consultation(user, consultation) -> bool:
    """Whether anyone may know the consultation exists: it has a public meeting or a position."""
    if consultation is None:
        return False
    return (
        consultation.position_published_at is not None
        or consultation.meetings.filter(visibility=Meeting.Visibility.PUBLIC).exists()
    )


rules.add_perm("advocacy.consolidate", can_manage)
rules.add_perm("advocacy.export_position", can_manage)
rules.add_perm("advocacy.view_consultation", is_known_consultation | can_manage)
