from .organisation import Organisation
from .person import Person

__all__ = ["Organisation", "Person"]
