"""Sign-in lockout: django-axes' backend, for sign-ins that come with a request.

Sign-ins through a page (the admin's login form) pass the request, and axes
counts and refuses them per username and client address. A call to
`authenticate()` without a request (a management command, a test helper) has
no client to lock out, so it is let through to the next backend instead of
being an error; nothing counts it.
"""
from __future__ import annotations

from axes.backends import AxesStandaloneBackend


class SignInLockoutBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
