"""The public search page at /tim-kiem/: a form, results, and facets as plain links (no JavaScript)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import render

from . import service
from .documents import DOC_TYPES, FACETS


def _url(params: dict[str, list[str]], **changes) -> str:
    merged = {k: list(v) for k, v in params.items() if v}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = [value]
    merged.pop("offset", None) if "offset" not in changes else None
    return "?" + urlencode([(k, v) for k, values in merged.items() for v in values])


def search_page(request):
    q = request.GET.get("q", "")
    raw_filters = {name: request.GET.getlist(name) for name in FACETS}
    current = {"q": [q] if q else [], **{k: v for k, v in raw_filters.items() if v}}
    context = {"q": q, "answer": None, "error": None, "facet_groups": [], "active": [], "results": []}
    status = 200
    if q.strip() or any(raw_filters.values()):
        try:
            offset = int(request.GET.get("offset", "0") or 0)
        except ValueError:
            offset = -1
        try:
            answer = service.search(service.SearchParams(q=q, filters=raw_filters, limit=20, offset=offset))
        except service.SearchInputError as exc:
            context["error"] = exc.detail
            status = 400
        else:
            context["answer"] = answer
            for name in FACETS:
                selected = set(raw_filters.get(name) or [])
                # A selected value links to the page without it, as on the browse page.
                values = [
                    {
                        **entry,
                        "selected": entry["value"] in selected,
                        "url": _url(current, **{name: None if entry["value"] in selected else entry["value"]}),
                    }
                    for entry in answer["facets"][name]
                ]
                if values:
                    context["facet_groups"].append(
                        {
                            "name": name,
                            "label": service.FACET_LABELS[name],
                            "values": values,
                            "selected": [v["label"] for v in values if v["selected"]],
                        }
                    )
                for entry in answer["facets"][name]:
                    if entry["value"] in selected:
                        context["active"].append(
                            {
                                "label": f"{service.FACET_LABELS[name]}: {entry['label']}",
                                "url": _url(current, **{name: None}),
                            }
                        )
            if context["active"]:
                context["clear_url"] = _url(current, **dict.fromkeys(FACETS))
            # Nothing for the words as typed: the spelling suggestion's results, under its notice.
            context["results"] = answer["items"] or (answer["corrected"] or {}).get("items", [])
            for item in context["results"]:
                item["type_label"] = DOC_TYPES.get(item["type"], "")
            suggestion = answer["suggestion"]
            if suggestion and suggestion["kind"] == "spelling":
                suggestion["url"] = _url(current, q=suggestion["q"])
            elif suggestion:
                suggestion["url"] = _url(current, **{suggestion["param"]: None})
            if answer["count"] > offset + 20 and offset + 20 <= 500:
                context["next_url"] = _url(current, offset=str(offset + 20))
            if offset > 0:
                context["prev_url"] = _url(current, offset=str(max(0, offset - 20)))
    return render(request, "search/search_page.html", context, status=status)
