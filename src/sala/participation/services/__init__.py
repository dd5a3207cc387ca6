"""Everything that changes inputs goes through these functions."""

from .drafts import SwitchReport, plan_switch, switch_draft
from .exports import record_inputs_export
from .inputs import MAX_TEXT, give_input, place_input, withdraw_input
from .window import inputs_open, set_input_window, window_state

__all__ = [
    "MAX_TEXT",
    "SwitchReport",
    "give_input",
    "inputs_open",
    "place_input",
    "plan_switch",
    "record_inputs_export",
    "set_input_window",
    "switch_draft",
    "window_state",
    "withdraw_input",
]
