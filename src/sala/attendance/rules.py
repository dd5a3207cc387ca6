"""Who may see and change attendance: the meeting's organisers only.

Invitees, attendees and their contacts are personal data: nobody else sees them, not even
organisers of another consultation. A participant reaches only their own invitation or
registration, through its secret link.
"""

import rules

from sala.meetings.rules import can_manage

rules.add_perm("attendance.manage_people", can_manage)
rules.add_perm("attendance.export_people", can_manage)
