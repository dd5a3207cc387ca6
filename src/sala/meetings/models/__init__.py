from .agenda import AgendaItem, AgendaSubItem, Facilitator
from .consultation import Consultation
from .material import Material
from .meeting import ExpectedOutcome, Meeting, Objective

__all__ = [
    "AgendaItem",
    "AgendaSubItem",
    "Consultation",
    "ExpectedOutcome",
    "Facilitator",
    "Material",
    "Meeting",
    "Objective",
]
