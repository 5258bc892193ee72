#!/usr/bin/env python
"""Django's command-line utility for FactDesk."""
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factdesk.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # An unsafe or incomplete configuration: say what to fix, without a traceback.
        sys.stderr.write(f"factdesk: configuration refused: {error}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
