"""`manage.py webhook_listen [--port N] [--secret whsec_… | --register]`: a local receiver for development.

It verifies every request's signature with the `standardwebhooks` package, as
a subscriber would, answers 204 (or 400 when the signature does not verify),
and prints one line per event. With --register it makes the endpoint for
itself in the local database (all event types) and uses that endpoint's secret.
"""
from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from claims.webhooks import event_types
from factdesk.errors import ServiceError

MAX_BODY = 5 * 1024 * 1024


def summary(payload: dict) -> str:
    """One line for an event: its type and the few fields that say what happened."""
    data = payload.get("data") or {}
    parts = [payload.get("type", "?")]
    if "kind" in data and "id" in data:
        parts.append(f"claim {data['id']} v{data.get('version', '?')} {data['kind']} {data.get('status', '')}".rstrip())
        if data.get("count") is not None:
            parts.append(f"{data.get('outcome') or ''} {data['count']}".strip())
        if data.get("review"):
            parts.append(f"({data['review'].get('action')} by {data['review'].get('actor') or 'system'})")
    elif "job" in data and "document" in data:
        parts.append(f"document {data['document'].get('id')} job {data['job'].get('id')}: "
                     f"{len(data.get('new_claims', []))} new claims")
    elif data.get("message"):
        parts.append(data["message"])
    text = (data.get("text") or "").replace("\n", " ")
    if text:
        parts.append(f"“{text[:60]}{'…' if len(text) > 60 else ''}”")
    return " ".join(parts)


class Command(BaseCommand):
    help = "Receive FactDesk's webhooks locally: verify each signature and print one line per event."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8190, help="port on 127.0.0.1 (default 8190)")
        parser.add_argument("--secret", default="", help="the endpoint's signing secret (whsec_…)")
        parser.add_argument("--register", action="store_true",
                            help="create an endpoint for this listener in the local database and use its secret "
                                 "(delivery to 127.0.0.1 needs FACTDESK_WEBHOOK_ALLOWED_NETWORKS=127.0.0.0/8)")

    def handle(self, *args, port: int, secret: str, register: bool, **options):
        url = f"http://127.0.0.1:{port}/"
        if register:
            from claims.webhooks.services import endpoint_create

            try:
                endpoint, secret = endpoint_create(url=url, event_types=event_types.names(), actor=None,
                                                   description=f"webhook_listen on port {port}")
            except ServiceError as error:
                raise CommandError(f"could not register {url}: {error}") from None
            self.stdout.write(f"Registered endpoint {endpoint.pk} for {url} (all event types); secret {secret}")
        if not secret:
            raise CommandError("give the endpoint's signing secret with --secret whsec_…, or use --register")
        try:
            verifier = Webhook(secret)
        except Exception as error:
            raise CommandError(f"--secret is not a Standard Webhooks secret: {error}") from None
        write = self.stdout.write

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 — the name http.server calls
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    self.send_response(413)
                    self.end_headers()
                    return
                body = self.rfile.read(length)
                now = timezone.now().strftime("%H:%M:%S")
                try:
                    payload = verifier.verify(body, dict(self.headers.items()))
                except (WebhookVerificationError, json.JSONDecodeError) as error:
                    write(f"{now} REFUSED {self.headers.get('webhook-id', '-')}: {error}")
                    self.send_response(400)
                    self.end_headers()
                    return
                write(f"{now} {self.headers.get('webhook-id')} {summary(payload)}")
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        except OSError as error:
            raise CommandError(f"cannot listen on 127.0.0.1:{port}: {error.strerror}") from None
        self.stdout.write(f"Listening on {url} — verifying signatures; Ctrl-C to stop.")
        try:
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
