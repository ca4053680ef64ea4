"""Seed the abbreviation list and give the radio editors' group (“Biên tập phát thanh”) its rights.

The group itself is created by the moderation work in a `home` migration; the Group is fetched
with get_or_create by name, so the order in which the two migrations run does not matter.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Biên tập phát thanh"
MODELS = ["programme", "presenter", "abbreviation", "radioproposal", "rundown", "rundownitem", "airedrecording"]

SEED = [
    ("UBND", "Ủy ban nhân dân", "everywhere"),
    ("HĐND", "Hội đồng nhân dân", "everywhere"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc", "everywhere"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam", "everywhere"),
    ("MTTQ", "Mặt trận Tổ quốc", "everywhere"),
    ("CCB", "Cựu chiến binh", "everywhere"),
    ("QĐ", "quyết định", "everywhere"),
    ("NQ", "nghị quyết", "everywhere"),
    ("NĐ", "nghị định", "everywhere"),
    ("CT/TW", "chỉ thị Trung ương", "everywhere"),
    ("NQ/TW", "nghị quyết Trung ương", "everywhere"),
    ("KH", "kế hoạch", "everywhere"),
    ("BCH", "Ban Chấp hành", "everywhere"),
    ("THCS", "trung học cơ sở", "everywhere"),
    ("THPT", "trung học phổ thông", "everywhere"),
    ("CT", "Chủ tịch", "everywhere"),
    ("PCT", "Phó Chủ tịch", "everywhere"),
    ("TM.", "thay mặt", "everywhere"),
    ("KT.", "ký thay", "everywhere"),
    ("TĐKT", "thi đua, khen thưởng", "everywhere"),
    ("SNV", "Sở Nội vụ", "everywhere"),
    ("HTX", "hợp tác xã", "everywhere"),
    ("KT-XH", "kinh tế - xã hội", "everywhere"),
    ("CNTT", "công nghệ thông tin", "everywhere"),
    ("PCCC", "phòng cháy, chữa cháy", "everywhere"),
    ("ANTT", "an ninh trật tự", "everywhere"),
    ("QP-AN", "quốc phòng, an ninh", "everywhere"),
    ("TNCS", "Thanh niên Cộng sản", "everywhere"),
    ("ĐTN", "Đoàn Thanh niên", "everywhere"),
    ("LHPN", "Liên hiệp Phụ nữ", "everywhere"),
    ("HND", "Hội Nông dân", "everywhere"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ", "everywhere"),
    ("BĐBP", "Bộ đội Biên phòng", "everywhere"),
    ("QĐND", "Quân đội nhân dân", "everywhere"),
    ("CAND", "Công an nhân dân", "everywhere"),
    ("BTV", "Ban Thường vụ", "everywhere"),
    ("VH-TT", "văn hóa - thông tin", "everywhere"),
    ("GD&ĐT", "giáo dục và đào tạo", "everywhere"),
    ("TP", "thành phố", "everywhere"),
    ("BHYT", "bảo hiểm y tế", "everywhere"),
    ("BHXH", "bảo hiểm xã hội", "everywhere"),
    ("NTM", "nông thôn mới", "everywhere"),
    ("VN", "Việt Nam", "everywhere"),
    ("CHXHCN", "Cộng hòa xã hội chủ nghĩa", "everywhere"),
    ("TTg", "Thủ tướng", "everywhere"),
    ("TW", "Trung ương", "everywhere"),
    ("QH", "Quốc hội", "everywhere"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội", "everywhere"),
    ("CT", "chỉ thị", "codes"),
    ("CP", "Chính phủ", "codes"),
    ("TB", "thông báo", "codes"),
    ("BC", "báo cáo", "codes"),
    ("TT", "thông tư", "codes"),
    ("HD", "hướng dẫn", "codes"),
    ("TTr", "tờ trình", "codes"),
    ("CV", "công văn", "codes"),
    ("BNV", "Bộ Nội vụ", "codes"),
    ("BTC", "Bộ Tài chính", "codes"),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội", "codes"),
    ("VPCP", "Văn phòng Chính phủ", "codes"),
    ("BCĐ", "Ban Chỉ đạo", "codes"),
    ("HU", "Huyện ủy", "codes"),
    ("TU", "Tỉnh ủy", "codes"),
    ("ĐU", "Đảng ủy", "codes"),
]


def seed(apps, schema_editor):
    Abbreviation = apps.get_model("radio", "Abbreviation")
    for abbreviation, expansion, scope in SEED:
        Abbreviation.objects.get_or_create(abbreviation=abbreviation, scope=scope, defaults={"expansion": expansion})

    # Permissions are normally created after migrate; create the radio ones now to assign them.
    app_config = apps.get_app_config("radio")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    codenames.append("approve_rundown")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="radio", codename__in=codenames))
    admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if admin:
        group.permissions.add(admin)


def unseed(apps, schema_editor):
    apps.get_model("radio", "Abbreviation").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("radio", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
