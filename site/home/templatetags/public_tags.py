"""Template tags for the public site: sharing metadata, JSON-LD, breadcrumbs, award issuers.

`{% load public_tags %}` then `{% share_meta as meta %}`, `{% json_ld %}`,
`{% breadcrumbs page as crumbs %}`, `{% issuer_now award as now %}`, `{% nav_class "/dien-hinh/" %}`,
`{% centre_name %}`.
"""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from core.text import fold
from core.visibility import servable_ancestors
from exemplars.models import Place
from home import seo

register = template.Library()


def _page(context):
    page = context.get("page")
    return page if hasattr(page, "get_ancestors") else None


@register.simple_tag(takes_context=True)
def share_meta(context) -> dict:
    """Title, description, canonical URL and share image of the page being rendered."""
    return seo.share_meta(_page(context), context.get("request"))


@register.simple_tag(takes_context=True)
def json_ld(context) -> str:
    """A <script type="application/ld+json"> element for the page, built with json.dumps."""
    data = seo.json_ld(_page(context), context.get("request"))
    if not data:
        return ""
    # script_json escapes <, > and & so the content cannot close the element: safe to mark.
    return mark_safe(f'<script type="application/ld+json">{seo.script_json(data)}</script>')  # noqa: S308


@register.simple_tag
def centre_name() -> str:
    """The publishing centre's name: one setting (CENTRE_NAME) for the footer, About page and radio."""
    return settings.CENTRE_NAME


@register.simple_tag
def breadcrumbs(page) -> list:
    """The ancestors of `page` that may be shown (core.visibility), below the tree root, home
    first, as (title, url, is_current)."""
    if page is None or not hasattr(page, "get_ancestors"):
        return []
    crumbs = [p for p in servable_ancestors(page) if p.depth >= 2]
    if len(crumbs) < 2:
        return []
    return [
        {"title": "Trang chủ" if p.depth == 2 else p.title, "url": p.url, "current": p.pk == page.pk} for p in crumbs
    ]


@register.simple_tag
def issuer_now(award) -> str:
    """'đặc khu Lý Sơn' when the place named in the issuer (as printed) no longer exists.

    The issuer stays as printed on the decision; this only adds where that unit lives on
    today. The place comes from the issuer organisation, or else from a former unit's name
    found in the printed text ("Chủ tịch UBND huyện Lý Sơn" → huyện Lý Sơn → đặc khu Lý Sơn).
    """
    places = []
    issuer = getattr(award, "issuer", None)
    if issuer is not None and issuer.place_id:
        places = [issuer.place]
    else:
        printed = f" {fold(award.issuer_as_printed)} "
        former = Place.objects.filter(valid_to__isnull=False).order_by("-valid_to")
        places = [p for p in former if f" {fold(p.full_name)} " in printed][:1]
    for place in places:
        if not place.is_current:
            names = [p.full_name[0].lower() + p.full_name[1:] for p in place.current_successors()]
            if names:
                return ", ".join(names)
    return ""


@register.simple_tag(takes_context=True)
def nav_current(context, prefix: str) -> str:
    """aria-current for a main-menu link whose section is being shown."""
    request = context.get("request")
    path = getattr(request, "path", "") or ""
    if (prefix == "/" and path == "/") or (prefix != "/" and path.startswith(prefix)):
        return mark_safe(' aria-current="page"')  # noqa: S308 - constant string
    return ""


@register.simple_tag
def page_numbers(page_obj) -> list:
    """Page numbers for pagination, with an ellipsis (None) where a long run is left out."""
    paginator = page_obj.paginator
    return [
        None if n == paginator.ELLIPSIS else n
        for n in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    ]


def usable_widths(wanted: list[int], largest: int) -> list[int]:
    """The requested widths an original `largest` px wide can give, each once, never upscaled.

    Widths at or above the original collapse into the original's own width, so no two
    srcset candidates end up the same width (which the HTML spec forbids).
    """
    wanted = sorted(set(wanted))
    usable = [w for w in wanted if w < largest]
    if largest <= wanted[-1] or not usable:
        usable.append(min(largest, wanted[-1]))
    return sorted(set(usable))


@register.simple_tag
def picture_upto(
    image,
    widths: str = "400,800,1200",
    sizes: str = "100vw",
    alt: str = "",
    loading: str = "lazy",
    crop: str = "",
    css_class: str = "",
):
    """A <picture> (AVIF, WebP, JPEG) with only the widths the original can give.

    Wagtail's `{% picture … width-{400,800,1200} %}` does not upscale, so on a 640 px original
    800 and 1200 both come out 640 px wide: a srcset with a repeated width is invalid HTML.
    The same happens with `fill-{80x80,160x160}` on a small headshot. `crop="1:1"` (width:height)
    asks for `fill-` renditions of that shape, limited by the largest such crop of the original.
    """
    from wagtail.images.models import Picture
    from wagtail.images.shortcuts import get_renditions_or_not_found

    if not image:
        return ""
    wanted = [int(w) for w in widths.split(",")]
    if crop:
        ratio_w, ratio_h = (int(n) for n in crop.split(":"))
        largest = min(image.width, image.height * ratio_w // ratio_h)
        usable = usable_widths(wanted, largest)
        shapes = [f"fill-{w}x{w * ratio_h // ratio_w}" for w in usable]
    else:
        shapes = [f"width-{w}" for w in usable_widths(wanted, image.width)]
    specs = [f"format-{fmt}|{shape}" for fmt in ("avif", "webp", "jpeg") for shape in shapes]
    renditions = get_renditions_or_not_found(image, specs)
    attrs = {"sizes": sizes, "alt": alt, "loading": loading}
    if css_class:
        attrs["class"] = css_class
    if len(shapes) == 1:
        # One candidate per format: Wagtail then writes plain URLs without width descriptors,
        # and `sizes` without width descriptors is invalid, so leave it out.
        del attrs["sizes"]
    return Picture(renditions, attrs).__html__()
