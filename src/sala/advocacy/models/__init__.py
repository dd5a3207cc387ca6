from .consolidation import Disposition, Finding
from .decision import Ballot, Choice, Decision, EligibleVoter, VoteMark
from .endorsement import Endorsement
from .outcome import OutcomeRule
from .strategy import ActionItem, Strategy

__all__ = [
    "ActionItem",
    "Ballot",
    "Choice",
    "Decision",
    "Disposition",
    "EligibleVoter",
    "Endorsement",
    "Finding",
    "OutcomeRule",
    "Strategy",
    "VoteMark",
]
