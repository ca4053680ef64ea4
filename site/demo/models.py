"""The demo marker: which objects in the database were created by `manage.py seed_demo`.

"Demo content" means exactly this: an object (page, image, place, field…) that has a
`DemoRecord` pointing at it. Everything else — pages editors created, places they added,
images they uploaded, nominations from the public — is non-demo content, which `seed_demo`
refuses to write beside unless given `--force`. The home page made by the `home` migration
and the tree root are structure, not content.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class DemoRecord(models.Model):
    """One object created by `seed_demo`, under a stable key so that a re-run finds it."""

    key = models.CharField(
        "khóa dữ liệu mẫu",
        max_length=200,
        unique=True,
        help_text="Mã ổn định của đối tượng trong bộ dữ liệu mẫu, ví dụ “exemplar:vo-van-bien”.",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name="loại đối tượng", on_delete=models.CASCADE, help_text="Loại đối tượng được tạo."
    )
    object_id = models.PositiveBigIntegerField("mã đối tượng", help_text="Khóa chính của đối tượng được tạo.")
    content_object = GenericForeignKey("content_type", "object_id")
    note = models.CharField(
        "ghi chú",
        max_length=300,
        blank=True,
        help_text="Điều biên tập viên cần biết, ví dụ “tên thôn minh họa, báo cáo không nêu tên”.",
    )
    created_at = models.DateTimeField("thời điểm tạo", auto_now_add=True)

    class Meta:
        verbose_name = "dữ liệu mẫu"
        verbose_name_plural = "dữ liệu mẫu"
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="demo_record_unique_object"),
        ]

    def __str__(self) -> str:
        return self.key
