"""Token authentication for programs: `Authorization: Bearer <secret>`.

A client whose bearer tokens keep failing (unknown, expired, revoked) is
stopped with 429 once it passes the "bad_token" rate (throttling.BadTokenLimit).
"""
from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from factdesk.accounts.services import token_acting_user, token_authenticate

from .throttling import BadTokenLimit


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode("latin-1").lower() not in self.keywords:
            return None
        limit = BadTokenLimit(request)
        wait = limit.wait()
        if wait is not None:
            raise exceptions.Throttled(wait, detail="Too many requests with invalid tokens from your address.")
        try:
            return self._authenticate(header)
        except exceptions.AuthenticationFailed:
            limit.failed()
            raise

    def _authenticate(self, header: list[bytes]):
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Malformed Authorization header: send 'Bearer <token>'.")
        try:
            secret = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("The token contains characters no FactDesk token has.") from None
        token = token_authenticate(secret)
        if token is None:
            raise exceptions.AuthenticationFailed("Unknown, expired or revoked token.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("The token's user is inactive.")
        return token_acting_user(token), token

    def authenticate_header(self, request) -> str:
        # Answering 401 (not 403) to anonymous requests needs a challenge to send.
        return 'Bearer realm="factdesk"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "bearerToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "An API token from /api/v1/tokens/."}
