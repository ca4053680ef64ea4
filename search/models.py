"""The search index: one denormalised document per public page, its facet keys, and synonyms.

`SearchDocument` is what the embedded engine searches (through an FTS5 table on SQLite and
tsvector columns on PostgreSQL, both created by migrations) and what the Elasticsearch
engine is fed from. A document exists only while its page is public (see `search.documents`),
so nothing unpublished, private or consent-withdrawn can be found. `SearchFacet` holds one row
per facet key of a document (type, kind, field, place and its ancestors, campaign, award type,
award year), so that facet counts are one GROUP BY over the matching document ids.
"""

from django.db import models

from wagtail.models import Page


class SearchDocument(models.Model):
    """The searchable text of one public page, accented and folded ("Nguyễn" → "nguyen")."""

    page = models.OneToOneField(Page, primary_key=True, on_delete=models.CASCADE, related_name="+")
    doc_type = models.CharField(max_length=20, db_index=True)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_folded = models.CharField(max_length=255)
    summary_folded = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    # The facet keys again, as one word each (`search.text.facet_token`), so that on SQLite a
    # filter is part of the FTS5 MATCH instead of a join over `SearchFacet`.
    facet_tokens = models.TextField(blank=True, default="", editable=False)
    # The page's expiry time, copied when the document is written: a live page leaves every
    # answer once it has passed (`documents.expired_document_ids`), before cron unpublishes it.
    expire_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "tài liệu tìm kiếm"
        verbose_name_plural = "tài liệu tìm kiếm"
        indexes = [
            # Only the few documents with an expiry time: "which have expired" reads just those.
            models.Index(fields=["expire_at"], condition=models.Q(expire_at__isnull=False), name="search_doc_expire_at")
        ]

    def __str__(self) -> str:
        return f"{self.doc_type}: {self.title}"


class SearchFacet(models.Model):
    """One facet key of a document, e.g. (place, 12) or (year, 2020)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=20)
    value = models.CharField(max_length=100)

    class Meta:
        indexes = [
            models.Index(fields=["name", "value", "document"], name="search_facet_name_value"),
            models.Index(fields=["document", "name", "value"], name="search_facet_doc"),
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


class SearchSynonym(models.Model):
    """A group of words that mean the same in a search ("UBND, Ủy ban nhân dân")."""

    terms = models.CharField(
        "các từ đồng nghĩa",
        max_length=300,
        unique=True,
        help_text="Các cách viết cùng nghĩa, cách nhau bằng dấu phẩy, ví dụ “UBND, Ủy ban nhân dân”. "
        "Tìm một từ sẽ tìm cả các từ còn lại.",
    )
    note = models.CharField(
        "ghi chú", max_length=200, blank=True, help_text="Ghi chú cho người biên tập (không bắt buộc)."
    )

    class Meta:
        verbose_name = "từ đồng nghĩa"
        verbose_name_plural = "từ đồng nghĩa"
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    def term_list(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        if len(self.term_list()) < 2:
            raise ValidationError({"terms": "Cần ít nhất hai từ, cách nhau bằng dấu phẩy."})


class SearchTerm(models.Model):
    """A folded word of the index and the number of documents holding it (title, summary or text).

    What spelling suggestions are made of (`search.vocabulary`): "did you mean" only proposes
    words that exist in public content, ranked by how often they occur, and an unknown word is
    told apart from a rare one. Kept in step with the documents by `search.indexing` (each
    document's words added and removed as it is written or deleted) and rebuilt from the
    full-text index by `rebuild_search` and migration 0008. Letters only: numbers and facet keys
    are not words one misspells.
    """

    term = models.CharField(max_length=64, primary_key=True)
    df = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "từ trong chỉ mục"
        verbose_name_plural = "từ trong chỉ mục"

    def __str__(self) -> str:
        return f"{self.term} ({self.df})"
