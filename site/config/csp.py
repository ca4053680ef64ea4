"""Content-Security-Policy on every response (django-csp 4), with one exception for the admin.

The policy is `CONTENT_SECURITY_POLICY` in settings: scripts only from this site, plus inline
scripts carrying the request's nonce (`request.csp_nonce`), no plugins, no foreign frames but
the video players editors may embed, no framing by other sites.

Wagtail's admin still writes a few inline scripts without a nonce (date pickers, inline panels,
chooser modals loaded as HTML), so under the admin prefix `script-src` is replaced by
`CSP_ADMIN_SCRIPT_SRC` ('self' 'unsafe-inline'). Everything else stays as strict there.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware

from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        prefixes = tuple(getattr(settings, "CSP_ADMIN_PREFIXES", ("/admin/",)))
        if request.path_info.startswith(prefixes):
            parts.replace = {**(parts.replace or {}), "script-src": list(settings.CSP_ADMIN_SCRIPT_SRC)}
            parts.nonce = None
        return parts
