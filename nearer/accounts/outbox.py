"""The development outbox: account emails kept in the data folder, readable in the browser.

With no ``EMAIL_URL`` in development, mail is written to ``<data folder>/emails`` and this
page lists it, so that someone trying Nearer with ``make run`` can confirm an address or
reset a password without setting up SMTP. Everywhere else (``NEARER_DEV_OUTBOX`` off, the
default outside development) the page does not exist: it answers 404.
"""

import email
import email.policy
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

SEPARATOR = b"\n" + b"-" * 79 + b"\n"  # what Django's file backend writes between messages
SHOWN = 30


@dataclass
class Message:
    to: str
    subject: str
    date: str
    body: str


def _messages(folder: Path) -> list[Message]:
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
    found = []
    for path in files:
        for raw in reversed(path.read_bytes().split(SEPARATOR)):
            if not raw.strip():
                continue
            parsed = email.message_from_bytes(raw, policy=email.policy.default)
            part = parsed.get_body(preferencelist=("plain",))
            found.append(
                Message(
                    to=str(parsed["To"] or ""),
                    subject=str(parsed["Subject"] or ""),
                    date=str(parsed["Date"] or ""),
                    body=part.get_content() if part is not None else "",
                )
            )
            if len(found) >= SHOWN:
                return found
    return found


def context(request):
    return {"dev_outbox": settings.NEARER_DEV_OUTBOX}


@require_GET
def outbox(request):
    if not settings.NEARER_DEV_OUTBOX:
        raise Http404
    folder = Path(settings.EMAIL_FILE_PATH)
    return render(request, "accounts/outbox.html", {"messages_sent": _messages(folder)})
