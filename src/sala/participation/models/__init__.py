from .groups import BreakoutGroup, GroupMember, GroupReport
from .input import Concern, Input
from .questions import Question, QuestionBoard, QuestionVote

__all__ = [
    "BreakoutGroup",
    "Concern",
    "GroupMember",
    "GroupReport",
    "Input",
    "Question",
    "QuestionBoard",
    "QuestionVote",
]
