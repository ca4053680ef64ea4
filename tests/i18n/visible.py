"""What a person sees on an admin page: text nodes plus labels read aloud or shown on hover."""

from __future__ import annotations

from html.parser import HTMLParser

SHOWN_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "value"}
HIDDEN_TAGS = {"script", "style", "template", "noscript"}


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self._hidden += 1
        attributes = dict(attrs)
        for name in SHOWN_ATTRIBUTES:
            if name == "value" and (tag != "input" or attributes.get("type") not in {"submit", "button"}):
                continue
            if attributes.get(name):
                self.chunks.append(attributes[name].strip())

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.chunks.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    return parser.chunks
