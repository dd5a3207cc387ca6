"""The Cybercrime Law's draft text, imported and published through the services.

The text is the illustrative English draft shipped with Sala (fixtures/), not the official
one: the demo must run without any file outside the package.
"""

from pathlib import Path

from sala.laws.models import DraftVersion, Law
from sala.laws.services import drafts

from . import data

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "cybercrime-draft-2014.txt"
LABEL = "Draft V.1 (leaked, April 2014)"


def load_draft(organiser) -> DraftVersion:
    """The law's published draft; imported and published first if it has none (once only)."""
    law, _ = Law.objects.get_or_create(slug=data.LAW["slug"], defaults=data.LAW)
    published = law.drafts.filter(status=DraftVersion.Status.PUBLISHED).order_by("-published_at").first()
    if published is not None:
        return published
    draft = drafts.import_draft(
        law=law,
        data=FIXTURE.read_bytes(),
        filename=FIXTURE.name,
        label=LABEL,
        language="en",
        actor=organiser,
    )
    return drafts.publish_draft(draft=draft, actor=organiser)
