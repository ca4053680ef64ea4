import time

from django.db import migrations, models


def first_row(apps, schema_editor):
    # Starts from the clock so that a database restored or rebuilt never repeats a number a
    # running process may still hold answers for.
    apps.get_model("core", "ContentGeneration").objects.get_or_create(pk=1, defaults={"number": int(time.time() * 1000)})


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.BigIntegerField(verbose_name="số thế hệ nội dung")),
            ],
            options={"verbose_name": "thế hệ nội dung", "verbose_name_plural": "thế hệ nội dung"},
        ),
        migrations.RunPython(first_row, migrations.RunPython.noop),
    ]
