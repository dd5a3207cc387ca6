"""Loads the law tracker's demo through the tracker services, so it obeys their rules."""

from django.db import transaction

from sala.laws.models import Law
from sala.laws.services import tracker

from . import laws_data as data


@transaction.atomic
def load_laws(organiser) -> None:
    """Add the fast-tracked laws and the Cybercrime Law's history, each once.

    A law already there is left as it is, and the Cybercrime Law's history is written only
    while it has no stage: a second run changes nothing, and the organisers' edits stay.
    """
    for fields in data.FAST_TRACKED_LAWS:
        if not Law.objects.filter(slug=fields["slug"]).exists():
            tracker.create_law(actor=organiser, **fields)
    law = Law.objects.filter(slug=data.CYBERCRIME_LAW["slug"]).first()
    if law is not None and law.stages.exists():
        return
    if law is None:
        law = tracker.create_law(actor=organiser, **data.CYBERCRIME_LAW)
    else:  # made by the meeting's demo with its title only
        law = tracker.update_law(law=law, actor=organiser, **data.CYBERCRIME_LAW)
    for stage in data.CYBERCRIME_STAGES:
        tracker.add_stage(law=law, actor=organiser, **stage)
    for analysis in data.CYBERCRIME_ANALYSES:
        tracker.add_analysis(law=law, actor=organiser, **analysis)
