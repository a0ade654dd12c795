"""``manage.py restore <folder>``: put a backup back (lerend.ops.backup). Overwrites the
database and adds the backup's files to the media folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lerend.ops import backup


class Command(BaseCommand):
    help = "Restore the database and the uploaded files from a backup folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder: Path, **options):
        try:
            manifest = backup.restore(folder)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {manifest['engine']} backup of {manifest['created']}")
