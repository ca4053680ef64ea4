"""The content generation's home when the cache is per process (no REDIS_URL).

One row, moved on by one atomic `UPDATE … SET number = number + 1` whenever public content
changes (see `core.http_cache`). Every process reads it once per request, so a change made by
any process — a second worker, `publish_scheduled`, an import, `manage.py shell` — retires the
cached answers of all of them at their next request.
"""

from django.db import models


class ContentGeneration(models.Model):
    number = models.BigIntegerField("số thế hệ nội dung")

    class Meta:
        verbose_name = "thế hệ nội dung"
        verbose_name_plural = "thế hệ nội dung"

    def __str__(self) -> str:
        return str(self.number)
