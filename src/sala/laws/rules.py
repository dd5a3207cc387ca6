"""Who may see and change laws on the tracker (django-rules).

A law is changed by the organisers of the consultations on it, as a meeting is by the
organisers of its consultation. Consultations live in a higher app, so they are reached
through their relation (`organised_consultations`), never imported.
"""

import rules


@rules.predicate
def organises_a_consultation_on(user, law) -> bool:
    if law is None or not user.is_authenticated:
        return False
    return user.organised_consultations.filter(law=law).exists()


@rules.predicate
def organises_a_consultation(user) -> bool:
    return user.is_authenticated and user.organised_consultations.exists()


@rules.predicate
def no_consultation_yet(user, law) -> bool:
    """A law no consultation has taken up yet belongs to the coalition's shared tracker."""
    return law is not None and not law.consultations.exists()


@rules.predicate
def is_public_law(user, law) -> bool:
    return law is not None and law.is_public


# Any organiser may keep an unclaimed law up to date (the one who added it, for a start).
unclaimed = organises_a_consultation & no_consultation_yet
can_change = rules.is_superuser | organises_a_consultation_on | unclaimed

rules.add_perm("laws.change_law", can_change)
rules.add_perm("laws.add_law", rules.is_superuser | organises_a_consultation)
rules.add_perm("laws.view_law", is_public_law | can_change)
