"""Rights over emulation blocs and rankings, and the two-step approval for rankings.

- Blocs (members, pledges): editors (“Biên tập viên”) keep them, like the other vocabularies;
  writers and approvers read them.
- Rankings (year-end scores): writers and editors draft them and submit them; only the workflow
  “Duyệt hai bước” publishes them (editors approve step 1, approvers step 2), and approvers hold
  the publish right, so a score is never public before the final approval.

Permissions are fetched with get_or_create and explicit content types, because on a fresh
database Django creates model permissions only after all migrations have run.
"""

from django.db import migrations

WRITERS, EDITORS, APPROVERS = "Phóng viên", "Biên tập viên", "Lãnh đạo duyệt"
WORKFLOW = "Duyệt hai bước"

PERMISSIONS = {
    WRITERS: {"emulationbloc": ["view"], "blocranking": ["add", "change", "view"]},
    EDITORS: {"emulationbloc": ["add", "change", "delete", "view"], "blocranking": ["add", "change", "view"]},
    APPROVERS: {"emulationbloc": ["view"], "blocranking": ["change", "view", "publish"]},
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    for group_name, models in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="campaigns", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
                )
                group.permissions.add(permission)
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        ranking_type, _ = ContentType.objects.get_or_create(app_label="campaigns", model="blocranking")
        WorkflowContentType.objects.update_or_create(content_type=ranking_type, defaults={"workflow": workflow})


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    WorkflowContentType.objects.filter(content_type__app_label="campaigns", content_type__model="blocranking").delete()
    Permission.objects.filter(
        content_type__app_label="campaigns", content_type__model__in=["emulationbloc", "blocranking"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0005_events_and_blocs"),
        ("home", "0003_editorial_roles_and_workflow"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
