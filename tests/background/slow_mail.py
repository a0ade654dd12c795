"""A mail backend for the crash test: slow like an SMTP server, appending each accepted mail
as one line to a sink file, and able to hang on the Nth mail so the test can kill the
worker while it is handing that mail over (before the server accepted it)."""

import json
import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class SlowFileBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        sink = Path(os.environ["LEREND_SINK"])
        delay = float(os.environ.get("LEREND_SLOW_DELAY", "0.05"))
        block_at = int(os.environ.get("LEREND_BLOCK_AT", "0"))
        accepted = 0
        for message in email_messages:
            time.sleep(delay)
            if block_at:
                delivered = len(sink.read_text().splitlines()) if sink.exists() else 0
                if delivered + 1 == block_at:
                    Path(str(sink) + ".hanging").write_text(str(os.getpid()))
                    time.sleep(600)  # killed here by the test
            line = json.dumps({"to": message.to, "key": message.extra_headers["X-Lerend-Mail"]})
            # One write per line in append mode: a line is whole or absent, even when killed.
            fd = os.open(sink, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, (line + "\n").encode())
                os.fsync(fd)
            finally:
                os.close(fd)
            accepted += 1
        return accepted
