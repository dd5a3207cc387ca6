from .checkin import CheckIn
from .invitation import Category, Invitation
from .notice import AgendaSnapshot
from .registration import Registration
from .upload import ListUpload

__all__ = ["AgendaSnapshot", "Category", "CheckIn", "Invitation", "ListUpload", "Registration"]
