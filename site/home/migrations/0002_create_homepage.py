"""Replace Wagtail's welcome page with the Gương Sáng home page and point the default Site at it."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    # The default welcome page created by wagtailcore's initial migration.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    homepage_content_type, __ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale = Locale.objects.get_or_create(language_code="vi")[0]
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        title="Gương Sáng",
        draft_title="Gương Sáng",
        slug="trang-chu",
        content_type=homepage_content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/trang-chu/",
        locale=locale,
        intro="Những tấm gương người tốt, việc tốt trên đảo Lý Sơn — để học tập và nhân rộng.",
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=homepage.id, is_default_site=True, site_name="Gương Sáng")


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="trang-chu", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0098_apitoken")]
    operations = [migrations.RunPython(create_homepage, remove_homepage)]
