"""WSGI application. Production runs it through `gunicorn -c site/gunicorn.conf.py` (docs/deployment.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
