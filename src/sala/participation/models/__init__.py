from .input import Concern, Input

__all__ = ["Concern", "Input"]
