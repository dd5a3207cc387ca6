from .law import Law

__all__ = ["Law"]
