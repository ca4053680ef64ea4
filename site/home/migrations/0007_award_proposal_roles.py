"""Roles for award proposals (đề xuất khen thưởng) and the private collection for their dossiers.

Groups:
- "Cán bộ thi đua" (emulation officers): create, edit and review proposals (thẩm định), send
  them to the council, record decisions and decline; keep the award register; read nominations.
- "Thành viên Hội đồng TĐKT" (council members): see proposals at the council stage and record
  the council's result (date, members present, đề nghị / không đề nghị).
- "Biên tập viên" (editors, who handle citizen nominations) may also draft a proposal from an
  accepted nomination or a profile and pass it through the unit's review.

The collection "Hồ sơ đề xuất khen thưởng (riêng tư)" is restricted to the groups that may view
proposals, as the consent collection is (0006). The name must match
exemplars.models.proposals.PROPOSAL_COLLECTION_NAME.
"""

from django.db import migrations

OFFICERS = "Cán bộ thi đua"
COUNCIL = "Thành viên Hội đồng TĐKT"
EDITORS = "Biên tập viên"
PROPOSAL_COLLECTION_NAME = "Hồ sơ đề xuất khen thưởng (riêng tư)"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
VOCABULARIES = ["place", "field", "organisation", "awardtype"]

PERMISSIONS = {
    OFFICERS: [("exemplars", "proposal", ["add", "change", "view", "review", "decide"]),
               ("exemplars", "award", ["add", "change", "delete", "view"]),
               ("exemplars", "nomination", ["view"])]
    + [("exemplars", m, ["view"]) for m in VOCABULARIES],
    COUNCIL: [("exemplars", "proposal", ["view", "council"])],
    EDITORS: [("exemplars", "proposal", ["add", "change", "view"])],
}
NEW_GROUPS = (OFFICERS, COUNCIL)


def _step(number: int) -> str:
    out = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        out = ALPHABET[digit] + out
    return out


def _permission(apps, app_label, model, codename, name=None):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name or f"Can {codename.split('_', 1)[0]} {model}"}
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore.CollectionViewRestriction")

    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin")
    groups = {}
    for name, grants in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        if name in NEW_GROUPS:
            group.permissions.add(access_admin)
        for app_label, model, actions in grants:
            for action in actions:
                group.permissions.add(_permission(apps, app_label, model, f"{action}_{model}"))

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    collection = Collection.objects.filter(name=PROPOSAL_COLLECTION_NAME, depth=2).first()
    if collection is None:
        last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        number = int(last.path[-4:], 36) + 1 if last else 1
        collection = Collection.objects.create(
            name=PROPOSAL_COLLECTION_NAME, path=root.path + _step(number), depth=2, numchild=0
        )
        Collection.objects.filter(pk=root.pk).update(numchild=Collection.objects.filter(depth=2).count())
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(collection=collection, restriction_type="groups")
        restriction.groups.set(list(groups.values()))


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.filter(name__in=NEW_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_private_consent_documents"),
        ("exemplars", "0009_proposal"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
