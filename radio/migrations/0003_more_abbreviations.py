"""Abbreviations the read-aloud rules of issue #15 need: titles, “Đ/c”, codes joined with “&”.

Adds entries with get_or_create (an entry an editor already made is kept as it is) and
capitalises “GD&ĐT” (the name of a department: “Sở Giáo dục và Đào tạo”) only if the editors
have not changed the seeded reading. Reversing removes only entries still as seeded here.
The same entries are in `radio.abbreviations.SEED`.
"""

from django.db import migrations

ADDED = [
    ("Đ/c", "đồng chí", "everywhere"),
    ("đ/c", "đồng chí", "everywhere"),
    ("UV", "Ủy viên", "everywhere"),
    ("UV.BTV", "Ủy viên Ban Thường vụ", "everywhere"),
    ("GS", "Giáo sư", "everywhere"),
    ("PGS", "Phó Giáo sư", "everywhere"),
    ("TS", "Tiến sĩ", "everywhere"),
    ("ThS", "Thạc sĩ", "everywhere"),
    ("GS.TS", "Giáo sư, Tiến sĩ", "everywhere"),
    ("GS-TS", "Giáo sư, Tiến sĩ", "everywhere"),
    ("PGS.TS", "Phó Giáo sư, Tiến sĩ", "everywhere"),
    ("PGS-TS", "Phó Giáo sư, Tiến sĩ", "everywhere"),
    ("KH&CN", "Khoa học và Công nghệ", "everywhere"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn", "everywhere"),
    ("TN&MT", "Tài nguyên và Môi trường", "everywhere"),
    ("KH&ĐT", "Kế hoạch và Đầu tư", "everywhere"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội", "everywhere"),
    ("SĐT", "số điện thoại", "everywhere"),
]
RECAPITALISED = [("GD&ĐT", "everywhere", "giáo dục và đào tạo", "Giáo dục và Đào tạo")]


def add(apps, schema_editor):
    Abbreviation = apps.get_model("radio", "Abbreviation")
    for abbreviation, expansion, scope in ADDED:
        Abbreviation.objects.get_or_create(abbreviation=abbreviation, scope=scope, defaults={"expansion": expansion})
    for abbreviation, scope, old, new in RECAPITALISED:
        Abbreviation.objects.filter(abbreviation=abbreviation, scope=scope, expansion=old).update(expansion=new)


def remove(apps, schema_editor):
    Abbreviation = apps.get_model("radio", "Abbreviation")
    for abbreviation, expansion, scope in ADDED:
        Abbreviation.objects.filter(abbreviation=abbreviation, scope=scope, expansion=expansion).delete()
    for abbreviation, scope, old, new in RECAPITALISED:
        Abbreviation.objects.filter(abbreviation=abbreviation, scope=scope, expansion=new).update(expansion=old)


class Migration(migrations.Migration):
    dependencies = [("radio", "0002_seed_abbreviations_and_group")]

    operations = [migrations.RunPython(add, remove)]
