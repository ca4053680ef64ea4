"""Remove Wagtail's default English roles ("Editors", "Moderators") and its root workflow.

Our Vietnamese roles and the two-step workflow (0003) replace them; leaving the defaults
would show editors unused English groups and a second, one-step workflow on the root page.
Only removed when nobody has been put in them.
"""

from django.db import migrations


def remove_defaults(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Task = apps.get_model("wagtailcore.Task")
    WorkflowState = apps.get_model("wagtailcore.WorkflowState")

    for workflow in Workflow.objects.filter(name="Moderators approval"):
        if WorkflowState.objects.filter(workflow=workflow).exists():
            continue
        WorkflowPage.objects.filter(workflow=workflow).delete()
        task_ids = list(workflow.workflow_tasks.values_list("task_id", flat=True))
        workflow.delete()
        Task.objects.filter(pk__in=task_ids, name="Moderators approval").delete()
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        if not group.user_set.exists():
            group.delete()
    # The tree root is shown in the admin's page explorer: name it in Vietnamese.
    apps.get_model("wagtailcore.Page").objects.filter(depth=1, title="Root").update(title="Gốc", draft_title="Gốc")


class Migration(migrations.Migration):
    dependencies = [("home", "0004_nomination_permissions"), ("wagtailcore", "0098_apitoken")]
    operations = [migrations.RunPython(remove_defaults, migrations.RunPython.noop)]
