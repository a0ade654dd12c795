"""``manage.py backup <folder>``: database and uploaded files into a folder (lerend.ops.backup)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lerend.ops import backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options):
        try:
            manifest = backup.backup(folder)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"backup of {manifest['engine']} written to {folder}")
