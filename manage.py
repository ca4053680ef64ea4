#!/usr/bin/env python
"""Django's command-line utility for the Gương Sáng site."""

import os
import sys
from pathlib import Path

# `site/` is the source root of the Django project package (`config`) and the `home` app;
# it cannot be a package itself because `site` is a standard-library module.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
