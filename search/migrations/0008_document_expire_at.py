"""A copy of each page's expiry time in its search document, so that searches leave out pages
whose `expire_at` has passed before the `publish_scheduled` cron unpublishes them. Nullable and
without a default: on SQLite the column is added in place, keeping the FTS5 triggers on the table.
The copy is filled here for the (few) documents whose page has an expiry time; only those rows
are updated, since every update of a document row also rewrites its full-text entries."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_expiry(apps, schema_editor):
    SearchDocument = apps.get_model("search", "SearchDocument")
    Page = apps.get_model("wagtailcore", "Page")
    expiry = Page.objects.filter(pk=OuterRef("page_id")).values("expire_at")[:1]
    SearchDocument.objects.filter(page__expire_at__isnull=False).update(expire_at=Subquery(expiry))


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0007_pg_head_in_match'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='searchdocument',
            name='expire_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='searchdocument',
            index=models.Index(condition=models.Q(('expire_at__isnull', False)), fields=['expire_at'], name='search_doc_expire_at'),
        ),
        migrations.RunPython(copy_expiry, migrations.RunPython.noop),
    ]
