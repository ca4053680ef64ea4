"""Editorial roles (Vietnamese group names) and the two-step approval workflow.

Groups:
- "Phóng viên" (writers): create and edit drafts, submit for review; never publish.
- "Biên tập viên" (editors): review (step 1), request changes, edit; manage vocabularies.
- "Lãnh đạo duyệt" (approvers): final sign-off (step 2), which publishes; unpublish.
- "Biên tập phát thanh" (radio editors): admin access; the radio app adds its own permissions.

Workflow "Duyệt hai bước": GroupApprovalTask "Biên tập viên duyệt" then "Lãnh đạo duyệt",
assigned to the home page so it covers every content page (exemplars, campaigns, stories).

Permissions are fetched with get_or_create and explicit content types, because on a fresh
database Django creates model permissions only after all migrations have run.
"""

from django.db import migrations

WRITERS = "Phóng viên"
EDITORS = "Biên tập viên"
APPROVERS = "Lãnh đạo duyệt"
RADIO = "Biên tập phát thanh"

WORKFLOW = "Duyệt hai bước"
EDITOR_TASK = "Biên tập viên duyệt"
APPROVER_TASK = "Lãnh đạo duyệt"

# Page permissions on the home page subtree. "publish" is what Wagtail needs for unpublishing;
# direct publishing by non-superusers is refused by a hook, so publishing happens only when the
# workflow's last step is approved.
PAGE_PERMISSIONS = {
    WRITERS: ["add_page", "change_page"],
    EDITORS: ["add_page", "change_page", "lock_page", "unlock_page"],
    APPROVERS: ["change_page", "publish_page", "lock_page", "unlock_page"],
    RADIO: [],
}

# Collection permissions (root collection) for images and documents.
COLLECTION_PERMISSIONS = {
    WRITERS: [("wagtailimages", "image", ["add", "choose"]), ("wagtaildocs", "document", ["add", "choose"])],
    EDITORS: [
        ("wagtailimages", "image", ["add", "change", "delete", "choose"]),
        ("wagtaildocs", "document", ["add", "change", "delete", "choose"]),
    ],
    APPROVERS: [
        ("wagtailimages", "image", ["add", "change", "choose"]),
        ("wagtaildocs", "document", ["add", "change", "choose"]),
    ],
    RADIO: [("wagtailimages", "image", ["choose"]), ("wagtaildocs", "document", ["add", "choose"])],
}

VOCABULARIES = ["place", "field", "organisation", "awardtype"]

# Model (snippet) permissions: (app_label, model, actions).
MODEL_PERMISSIONS = {
    WRITERS: [("exemplars", m, ["view"]) for m in VOCABULARIES]
    + [("exemplars", "consentrecord", ["add", "change", "view"])],
    EDITORS: [("exemplars", m, ["add", "change", "view"]) for m in VOCABULARIES]
    + [("exemplars", "consentrecord", ["add", "change", "view"])],
    APPROVERS: [("exemplars", m, ["view"]) for m in VOCABULARIES]
    + [("exemplars", "consentrecord", ["change", "view"])],
    RADIO: [],
}



def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.split('_', 1)[0]} {model}"},
    )
    return permission


def create_roles_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    home = Page.objects.filter(depth=2, content_type__app_label="home", content_type__model="homepage").first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin")

    groups = {}
    for name in (WRITERS, EDITORS, APPROVERS, RADIO):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        if home is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=_permission(apps, "wagtailcore", "page", codename)
                )
        if root_collection is not None:
            for app_label, model, actions in COLLECTION_PERMISSIONS[name]:
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, app_label, model, f"{action}_{model}"),
                    )
        for app_label, model, actions in MODEL_PERMISSIONS[name]:
            for action in actions:
                group.permissions.add(_permission(apps, app_label, model, f"{action}_{model}"))

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    for order, (task_name, group_name) in enumerate([(EDITOR_TASK, EDITORS), (APPROVER_TASK, APPROVERS)]):
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name, content_type=task_type, active=True)
        task.groups.set([groups[group_name]])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    if home is not None:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


def remove_roles_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name__in=[EDITOR_TASK, APPROVER_TASK]).delete()
    Group.objects.filter(name__in=[WRITERS, EDITORS, APPROVERS, RADIO]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("exemplars", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(create_roles_and_workflow, remove_roles_and_workflow)]
