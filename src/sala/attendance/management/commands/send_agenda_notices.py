"""`sala send_agenda_notices [--quiet-minutes N]`: tell people about agenda changes, batched.

Run it from cron (every few minutes). A meeting whose agenda changed since the last notice,
and has not been edited for N minutes, gets one notice per person concerned: a burst of
edits makes one email, not one per edit.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from sala.attendance.services import send_agenda_notices
from sala.attendance.services.notices import meetings_with_unsent_changes


class Command(BaseCommand):
    help = "Send the pending agenda-change notices of meetings left unedited for a while."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-minutes", type=int, default=15)

    def handle(self, *args, quiet_minutes: int, **options):
        for meeting in meetings_with_unsent_changes(timedelta(minutes=quiet_minutes)):
            count = send_agenda_notices(meeting=meeting)
            self.stdout.write(f"{meeting.slug}: {count} notices queued")
