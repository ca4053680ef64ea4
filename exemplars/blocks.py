"""StreamField blocks for exemplar stories (also reused by campaigns and stories)."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Lời trích", help_text="Nguyên văn lời nói được trích dẫn.")
    speaker = blocks.CharBlock(
        label="Người nói", required=False, help_text="Họ tên và chức danh của người được trích lời."
    )

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "components/blocks/quote_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    alt_text = blocks.CharBlock(
        label="Mô tả ảnh (alt)",
        help_text="Mô tả ngắn nội dung ảnh cho người khiếm thị và khi ảnh không tải được.",
    )
    caption = blocks.CharBlock(label="Chú thích", required=False, help_text="Chú thích hiển thị dưới ảnh.")
    credit = blocks.CharBlock(
        label="Nguồn ảnh", required=False, help_text="Tác giả hoặc nguồn ảnh, ví dụ “Ảnh: Trung tâm VH-TT Lý Sơn”."
    )

    class Meta:
        icon = "image"
        label = "Ảnh có chú thích"
        template = "components/blocks/image_block.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label="Con số", help_text="Ví dụ “120 tấn” hoặc “35%”.")
    label = blocks.CharBlock(label="Ý nghĩa", help_text="Con số này nói về điều gì.")

    class Meta:
        icon = "order"
        label = "Con số nổi bật"


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "order"
        label = "Các con số nổi bật"
        template = "components/blocks/key_figures_block.html"


class StoryBlock(blocks.StreamBlock):
    """The body of a story: paragraphs, quotes, images, key figures and embedded video."""

    paragraph = blocks.RichTextBlock(
        label="Đoạn văn",
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        help_text="Nội dung bài viết.",
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    key_figures = KeyFiguresBlock()
    video = EmbedBlock(
        label="Video nhúng",
        help_text="Đường dẫn video (YouTube, Facebook…).",
        template="components/blocks/embed_block.html",
    )

    class Meta:
        label = "Nội dung"
