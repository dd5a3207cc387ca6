from .consolidation import Disposition, Finding

__all__ = ["Disposition", "Finding"]
