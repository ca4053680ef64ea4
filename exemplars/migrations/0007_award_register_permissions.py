"""Who keeps the award register: editors ("Biên tập viên") add, change and delete entries;
approvers ("Lãnh đạo duyệt") and writers ("Phóng viên") may read it. Roles added later (the
emulation officer) get their permissions where they are created."""

from django.db import migrations

PERMISSIONS = {
    "Biên tập viên": ["add", "change", "delete", "view"],
    "Lãnh đạo duyệt": ["view"],
    "Phóng viên": ["view"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="exemplars", model="award")
    for group_name, actions in PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_award", defaults={"name": f"Can {action} khen thưởng"}
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    # After the site's roles exist (home.0003 creates them; it depends only on exemplars.0001).
    dependencies = [("exemplars", "0006_award_register"), ("home", "0003_editorial_roles_and_workflow")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
