"""A textarea that shows, while the editor types, the read-aloud text, flags and timing."""

from django import forms


class ReadAloudTextarea(forms.Textarea):
    """The preview box is added by radio/read_aloud.js under every textarea[data-read-aloud]."""

    def __init__(self, attrs=None, rate: int | None = None):
        attrs = {"rows": 8, "data-read-aloud": "/api/v1/radio/read-aloud", **(attrs or {})}
        if rate:
            attrs["data-rate"] = str(rate)
        super().__init__(attrs)

    class Media:
        js = ["radio/read_aloud.js"]
        css = {"all": ["radio/read_aloud.css"]}
