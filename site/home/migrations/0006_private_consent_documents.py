"""A private collection for signed consent forms (ConsentRecord.evidence).

Creates the collection "Phiếu đồng ý công bố (riêng tư)" under the root, restricts viewing its
documents to the groups that may view consent records (Wagtail's collection privacy, "groups"
type), and moves every document already used as consent evidence into it. Documents are served
through Wagtail's view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), which enforces the restriction.
The name must match exemplars.models.consent.CONSENT_COLLECTION_NAME.
"""

from django.db import migrations

CONSENT_COLLECTION_NAME = "Phiếu đồng ý công bố (riêng tư)"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node path alphabet, 4 per level


def _step(number: int) -> str:
    out = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        out = ALPHABET[digit] + out
    return out


def create_private_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore.Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore.CollectionViewRestriction")
    Group = apps.get_model("auth.Group")
    Document = apps.get_model("wagtaildocs.Document")
    ConsentRecord = apps.get_model("exemplars.ConsentRecord")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    collection = Collection.objects.filter(name=CONSENT_COLLECTION_NAME, depth=2).first()
    if collection is None:
        last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        number = int(last.path[-4:], 36) + 1 if last else 1
        collection = Collection.objects.create(
            name=CONSENT_COLLECTION_NAME, path=root.path + _step(number), depth=2, numchild=0
        )
        Collection.objects.filter(pk=root.pk).update(numchild=Collection.objects.filter(depth=2).count())
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type="groups")
        restriction.groups.set(
            Group.objects.filter(
                permissions__content_type__app_label="exemplars", permissions__codename="view_consentrecord"
            ).distinct()
        )
    evidence = ConsentRecord.objects.filter(evidence__isnull=False).values("evidence_id")
    Document.objects.filter(pk__in=evidence).update(collection=collection)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_remove_wagtail_default_roles"),
        ("exemplars", "0003_publication_allowed"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_private_collection, migrations.RunPython.noop)]
