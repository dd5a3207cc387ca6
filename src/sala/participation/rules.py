"""Who may see and manage a consultation's inputs: its organisers only.

A participant reaches only their own named inputs, through their invitation link. Inputs
of others, and who gave them, are not shown to anyone else here (the public account, with
the authors who agreed to be named, is the advocacy app's).
"""

import rules

from sala.meetings.rules import can_manage

rules.add_perm("participation.manage_inputs", can_manage)
