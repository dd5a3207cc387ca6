"""Two organisers saving at the same moment cannot together break the agenda's rules."""

import threading

import pytest
from django.db import connection, connections

from sala.core.errors import DomainError
from sala.meetings import services
from tests.factories import MeetingFactory, UserFactory, pp


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_parallel_overlapping_items_leave_a_valid_agenda():
    meeting = MeetingFactory()
    organiser = UserFactory()
    barrier = threading.Barrier(8)
    outcomes = []

    def add(minute: int) -> None:
        barrier.wait()
        try:
            services.create_agenda_item(
                meeting=meeting,
                actor=organiser,
                kind="session",
                title_en=f"Talk {minute}",
                starts_at=pp(9, minute),
                ends_at=pp(9, minute + 20),
            )
            outcomes.append("saved")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add, args=(m,)) for m in range(0, 16, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("saved") == 1 and outcomes.count("agenda.overlap") == 7
    assert meeting.agenda_items.count() == 1
