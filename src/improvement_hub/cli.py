"""The ``improvement-hub`` console script: Django's management commands for this project."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "improvement_hub.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["improvement-hub", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
