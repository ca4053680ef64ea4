"""Text extraction for the search index."""


def test_block_tags_separate_words_in_indexed_text():
    """Rich text blocks end words: the snippet must not read "Cần gì10–15 tình nguyện viênBao tải"."""
    from search.documents import _plain

    html = "<h3>Cần gì</h3><p>10–15 tình nguyện viên</p><ul><li>Bao tải</li><li>Găng tay</li></ul><p>A<br>B</p>"
    assert _plain(html) == "Cần gì 10–15 tình nguyện viên Bao tải Găng tay A B"
