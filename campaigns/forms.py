"""The story page form: a story that links someone who withdrew consent cannot go back out.

Such a story is held back from every public surface (`StoryPage.visibility_q`) until an editor
revises it. Submitting, approving or publishing it while it still links the person is refused
with a Vietnamese message naming them, so the revision cannot end in a "published" story the
public still cannot see. Saving a draft is always allowed.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from exemplars.forms import moves_towards_publication
from exemplars.models import ConsentStatus, ExemplarPage


def withdrawn_link_message(names: list[str]) -> str:
    return (
        f"Bài còn liên kết tới người đã rút lại đồng ý công bố: {', '.join(names)}. "
        "Hãy bỏ liên kết ở mục “Điển hình liên quan” và sửa những đoạn nói về họ, rồi mới gửi duyệt "
        "hoặc đăng lại. Trong lúc đó bài bị tạm giữ khỏi trang công khai."
    )


class StoryPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        linked = cleaned_data.get("exemplars")
        if linked is not None and moves_towards_publication(self.data):
            names = list(
                ExemplarPage.objects.filter(pk__in=[e.pk for e in linked], consent__status=ConsentStatus.WITHDRAWN)
                .order_by("title")
                .values_list("title", flat=True)
            )
            if names:
                self.add_error("exemplars", withdrawn_link_message(names))
        return cleaned_data


class EventPageForm(WagtailAdminPageForm):
    """The event editor: milestones listed with their campaign (read in one query), and a
    milestone must belong to one of the event's campaigns, so the page never names a sơ kết of a
    campaign it does not link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "milestone" in self.fields:
            field = self.fields["milestone"]
            field.queryset = field.queryset.select_related("page").order_by("page__title", "date")

    def clean(self):
        cleaned_data = super().clean()
        milestone = cleaned_data.get("milestone")
        campaigns = cleaned_data.get("campaigns")
        if milestone is not None and campaigns is not None and milestone.page_id not in {c.pk for c in campaigns}:
            self.add_error(
                "milestone",
                f"Mốc này thuộc phong trào “{milestone.page.title}”; hãy chọn phong trào đó ở mục “Phong trào "
                "liên quan”, hoặc bỏ chọn mốc.",
            )
        return cleaned_data
