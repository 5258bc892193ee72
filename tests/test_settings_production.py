"""Production start-up refuses an insecure configuration, and a proper one passes Django's deploy checks."""
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


def test_it_refuses_to_start_with_debug_off_and_no_secret_key():
    done = manage("check", DEBUG="0", ALLOWED_HOSTS="factdesk.example.org")
    assert done.returncode != 0
    assert "SECRET_KEY is not set and DEBUG is off" in done.stderr
    assert "Traceback" not in done.stderr


def test_it_refuses_to_start_with_debug_off_and_no_allowed_hosts():
    done = manage("check", DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50))
    assert done.returncode != 0
    assert "ALLOWED_HOSTS is empty" in done.stderr


def test_a_production_configuration_passes_the_deploy_checks():
    done = manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="0",
                  SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="factdesk.example.org")
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def test_the_development_default_starts_with_nothing_set():
    done = manage("check")
    assert done.returncode == 0, done.stderr
