"""Public HTML form for citizen nominations at /gioi-thieu-guong/ and its thank-you page.

CSRF is checked inside the body-size guard, so an oversized upload gets a clear 413 page instead
of being parsed first; the reference number is passed to the thank-you page through the session,
never through the URL.
"""

from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from core.visibility import public_pages

from .models import ExemplarPage
from .nominations import (
    RATE_LIMITED_MESSAGE,
    NominationForm,
    address_hash,
    body_too_large,
    check_rate,
    submit_nomination,
    too_large_message,
)

SESSION_KEY = "nomination_reference"


def _too_large(request):
    return render(request, "exemplars/nomination_error.html", {"message": too_large_message()}, status=413)


def body_size_guard(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if body_too_large(request):
            return _too_large(request)
        try:
            return view(request, *args, **kwargs)
        except RequestDataTooBig:
            return _too_large(request)

    return guarded


ADOPTION_PARAM = "lam-theo"


def _adopted_model(request):
    """The public model named by ?lam-theo=<page id> (from its profile's button), or None."""
    raw = (request.GET.get(ADOPTION_PARAM) or request.POST.get("adopted_page") or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 10:
        return None
    return public_pages(ExemplarPage).filter(pk=int(raw)).first()


def _form(request, data=None, files=None) -> NominationForm:
    form = NominationForm(data, files)
    adopted = _adopted_model(request)
    if adopted is not None:
        form.for_adoption(adopted)
    return form


def _render_form(request, form, status=200):
    return render(
        request,
        "exemplars/nomination_form.html",
        {"form": form, "adopted": getattr(form, "adopted", None)},
        status=status,
    )


def _nomination_form(request):
    if request.method != "POST":
        return _render_form(request, _form(request))
    decision = check_rate(request)
    if not decision.allowed:
        response = render(
            request,
            "exemplars/nomination_error.html",
            {"message": RATE_LIMITED_MESSAGE.format(minutes=max(1, decision.retry_after // 60))},
            status=429,
        )
        response["Retry-After"] = str(decision.retry_after)
        return response
    form = _form(request, request.POST, request.FILES)
    if form.is_bot:
        request.session[SESSION_KEY] = ""
        return redirect("nomination_thanks")
    if not form.is_valid():
        return _render_form(request, form, status=400)
    submission = submit_nomination(form, address_hash(request))
    request.session[SESSION_KEY] = submission.reference  # an identical resubmission: the first one's
    return redirect("nomination_thanks")


nomination_form = csrf_exempt(body_size_guard(csrf_protect(_nomination_form)))


def nomination_thanks(request):
    if SESSION_KEY not in request.session:
        return redirect("nomination_form")
    reference = request.session.pop(SESSION_KEY)
    return render(request, "exemplars/nomination_thanks.html", {"reference": reference})
