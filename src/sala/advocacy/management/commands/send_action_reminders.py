"""`sala send_action_reminders [--days N]`: remind owners of follow-up actions due soon.

Run it from cron once a day (docs/operations.md). Each open action due within N days (3 by
default) whose owner has an email gets one reminder per due date: running it again, or twice
at the same time, sends nothing more; moving the due date makes a new reminder due.
"""

from django.core.management.base import BaseCommand

from sala.advocacy.services.actions import send_action_reminders


class Command(BaseCommand):
    help = "Queue a reminder to the owner of each open follow-up action due within a few days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3)

    def handle(self, *args, days: int, **options):
        count = send_action_reminders(days=days)
        self.stdout.write(f"{count} reminders queued")
