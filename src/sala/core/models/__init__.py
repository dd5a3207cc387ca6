from .audit import AuditEntry
from .bilingual import bilingual, text_pair

__all__ = ["AuditEntry", "bilingual", "text_pair"]
