"""Repair drafts written by `import_exemplars` before it set the revision's "pk".

Their revision content had "pk": None, so publishing or saving the draft made Django insert a
second page ("Page ptr đã tồn tại", "Mã hồ sơ đã tồn tại"). A revision's `object_id` is its
page's id, which is what "pk" holds in every revision Wagtail writes. Idempotent; touches only
exemplar revisions whose "pk" is missing.
"""

from django.db import migrations


def set_revision_pk(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    page_type = ContentType.objects.filter(app_label="exemplars", model="exemplarpage").first()
    if page_type is None:
        return
    broken = []
    for revision in Revision.objects.filter(content_type=page_type).only("id", "object_id", "content").iterator():
        if isinstance(revision.content, dict) and revision.content.get("pk") is None:
            revision.content["pk"] = int(revision.object_id)
            broken.append(revision)
    Revision.objects.bulk_update(broken, ["content"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("exemplars", "0004_exemplarpage_radio_text"),
    ]

    operations = [migrations.RunPython(set_revision_pk, migrations.RunPython.noop)]
