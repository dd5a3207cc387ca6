from .consolidation import Disposition, Finding
from .decision import VOTING_CATEGORIES, Ballot, Choice, Decision, EligibleVoter, VoteMark
from .endorsement import Endorsement
from .outcome import OutcomeRule
from .strategy import ActionItem, Strategy

__all__ = [
    "VOTING_CATEGORIES",
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
