from .summary import ReportSummary

__all__ = ["ReportSummary"]
