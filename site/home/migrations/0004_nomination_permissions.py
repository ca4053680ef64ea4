"""Citizen nominations: editors ("Biên tập viên") handle them; approvers may read them."""

from django.db import migrations

PERMISSIONS = {
    "Biên tập viên": ["add", "change", "view"],
    "Lãnh đạo duyệt": ["view"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="exemplars", model="nomination")
    for group_name, actions in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_nomination",
                defaults={"name": f"Can {action} giới thiệu của người dân"},
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(content_type__app_label="exemplars", codename__endswith="_nomination").delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0003_editorial_roles_and_workflow"), ("exemplars", "0002_nomination")]
    operations = [migrations.RunPython(grant, revoke)]
