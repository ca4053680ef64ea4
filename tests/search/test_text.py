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
