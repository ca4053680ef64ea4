"""Tell whether an editor really changed rich text, so that approving from the editor stays an approval.

Wagtail's editor saves a new revision whenever the posted form `has_changed()`, and with
`WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT` a new revision makes the earlier approvals void.
Rich text (RichTextField and RichTextBlock inside StreamFields) is sent to the browser as Draftail
contentstate and comes back as HTML rebuilt by Draftail: every block gets a `data-block-key`
attribute, `<strong>` becomes `<b>`, whitespace between tags goes, and so on. Content that did
not come through the editor (the seed data, imports, the factories) therefore always looked
"changed", and an editor pressing "Duyệt" on an untouched page in moderation started the review
over instead of approving it.

Here both sides are put through the editor's own converter and the block keys (ids that Draftail
invents when the stored HTML has none) are dropped before comparing. StreamFields are compared
block by block with the same rule for their rich text, ignoring block ids. A real edit still
counts as a change, and still needs re-approval.

Fields whose model default is a callable (`StoryPage.date = timezone.localdate`) had the same
effect for another reason: Django then builds the form field with `show_hidden_initial=True`
and compares the posted value with a hidden "initial-<name>" input, which Django's own form
rendering adds but Wagtail's panels (`bound_field.as_widget()`) never render. The initial value
was read as missing, so every story looked edited. `register()` turns that off for every admin
form field, keeping whatever override Wagtail registered (the date picker…); `has_changed` then
compares with the form's initial value, which for an existing page is the stored one.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from wagtail import blocks
from wagtail.admin.forms.models import register_form_field_override, registry
from wagtail.blocks.base import BlockField
from wagtail.fields import RichTextField, StreamField

_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def canonical_rich_text(html: Any, widget: Any) -> str:
    """The HTML as the editor `widget` would post it back unedited, without Draftail's block keys."""
    html = "" if html is None else str(getattr(html, "source", html))
    converter = getattr(widget, "converter", None)
    if converter is not None and hasattr(converter, "from_database_format"):
        html = converter.to_database_format(converter.from_database_format(html))
    return _BLOCK_KEY.sub("", html)


def canonical_block_value(block: blocks.Block, value: Any) -> Any:
    """A comparable form of a block value: rich text made canonical, block ids left out."""
    if isinstance(block, blocks.RichTextBlock):
        return canonical_rich_text(value, block.field.widget)
    if isinstance(block, blocks.BaseStreamBlock):
        return [(child.block_type, canonical_block_value(child.block, child.value)) for child in value or []]
    if isinstance(block, blocks.BaseStructBlock):
        value = value or {}
        return {name: canonical_block_value(child, value.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        return [canonical_block_value(block.child_block, item) for item in value or []]
    return block.get_prep_value(value)


class RichTextFormField(forms.CharField):
    """The form field of a RichTextField: changed only if the text or its formatting changed."""

    def has_changed(self, initial, data):
        if not super().has_changed(initial, data):
            return False
        try:
            data = self.to_python(data)
        except ValidationError:
            return True
        return canonical_rich_text(initial, self.widget) != canonical_rich_text(data, self.widget)


class StreamFormField(BlockField):
    """The form field of a StreamField: changed only if a block's content, type or order changed."""

    def has_changed(self, initial_value, data_value):
        if not super().has_changed(initial_value, data_value):
            return False
        return canonical_block_value(self.block, initial_value) != canonical_block_value(self.block, data_value)


def _without_hidden_initial(inherited):
    """An override that adds `show_hidden_initial=False` to `inherited` (a dict, a callable
    taking the model field, or None) for fields with a callable default."""

    def override(db_field):
        values = inherited(db_field) if callable(inherited) and not isinstance(inherited, type) else inherited
        values = dict(values or {})
        if db_field.has_default() and callable(db_field.default):
            values["show_hidden_initial"] = False
        return values

    return override


def register() -> None:
    """Make every admin form (pages, snippets, inline children) use the fields above, and
    compare fields with callable defaults against their initial value (see the module doc)."""
    register_form_field_override(RichTextField, override={"form_class": RichTextFormField})
    register_form_field_override(StreamField, override={"form_class": StreamFormField})
    # Wrap every override registered so far (Wagtail's and ours), and add one for all other
    # field types; the registry picks the most specific class, so each lookup gets the wrap.
    for exact_class, overrides in ((False, registry.values_by_class), (True, registry.values_by_exact_class)):
        for field_class, inherited in list(overrides.items()):
            if not getattr(inherited, "keeps_initial_comparable", False):
                wrapped = _without_hidden_initial(inherited)
                wrapped.keeps_initial_comparable = True
                registry.register(field_class, value=wrapped, exact_class=exact_class)
    if models.Field not in registry.values_by_class:
        fallback = _without_hidden_initial(None)
        fallback.keeps_initial_comparable = True
        registry.register(models.Field, value=fallback)
