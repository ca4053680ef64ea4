"""Text extraction for the search index."""


def test_block_tags_separate_words_in_indexed_text():
    """Rich text blocks end words: the snippet must not read "Cần gì10–15 tình nguyện viênBao tải"."""
    from search.documents import _plain

    html = "<h3>Cần gì</h3><p>10–15 tình nguyện viên</p><ul><li>Bao tải</li><li>Găng tay</li></ul><p>A<br>B</p>"
    assert _plain(html) == "Cần gì 10–15 tình nguyện viên Bao tải Găng tay A B"


def test_highlight_finds_a_match_deep_in_a_long_text():
    from search.text import highlight, parse_query

    filler = "Người dân trên đảo cùng nhau làm đường, trồng cây và giữ gìn vệ sinh chung. " * 60
    text = filler + "Ông Nguyễn Văn Hùng góp công xây nhà văn hóa thôn. " + filler
    snippet = highlight(text, parse_query("nguyen hung"))
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>Nguyễn</mark> Văn <mark>Hùng</mark>" in snippet
    assert len(snippet.split()) < 45


def test_highlight_without_a_match_shows_the_first_words():
    from search.text import SNIPPET_WORDS, highlight, parse_query

    text = "Người dân trên đảo cùng nhau làm đường. " * 100
    snippet = highlight(text, parse_query("zzz"))
    assert snippet.startswith("Người dân") and "<mark>" not in snippet
    assert len(snippet.split()) == SNIPPET_WORDS + 1  # the words and "…"


def test_highlight_of_text_outside_vietnamese_letters_still_marks():
    from search.text import highlight, parse_query

    text = "Ghi chú 漢字 ở đầu. " * 30 + "Chị Trần Thị Hồng giúp người nghèo."
    snippet = highlight(text, parse_query("tran thi hong"))
    assert "<mark>Trần</mark> <mark>Thị</mark> <mark>Hồng</mark>" in snippet


def test_highlight_starts_at_the_words_standing_together():
    """ "dan van kheo" shows the phrase "Dân vận khéo", not the "dân" of "nhân dân" far before it."""
    from search.text import highlight, parse_query

    text = (
        "Hội nghị biểu dương nhân dân tiêu biểu của huyện đảo được tổ chức tại hội trường. "
        + "Các đại biểu trao đổi kinh nghiệm làm kinh tế biển, giữ gìn an ninh trật tự thôn xóm. " * 6
        + "Mô hình Dân vận khéo ở thôn Đông được nhân rộng ra toàn xã."
    )
    snippet = highlight(text, parse_query("dan van kheo"))
    assert "<mark>Dân</mark> <mark>vận</mark> <mark>khéo</mark>" in snippet
    snippet = highlight(text, parse_query("dan van khe"), prefix_last=True)
    assert "<mark>Dân</mark> <mark>vận</mark> <mark>khéo</mark>" in snippet
    # words that never stand together: the window starts at the first of them, as before
    snippet = highlight(text, parse_query("nhan kinh"))
    assert snippet.startswith("Hội nghị") and "<mark>nhân</mark>" in snippet
