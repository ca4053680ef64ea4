"""sitemap.xml: the pages the visibility rule shows, nothing else.

Wagtail's own sitemap lists every live, unrestricted page of the site — including pages past
their expiry time (until `publish_scheduled` runs) and pages their model's rule hides (an
exemplar without consent, a story linking someone who withdrew it). This one asks
`core.visibility.public_pages` instead, and puts every location on the public address
(`core.urls`, like the canonical tags): Wagtail alone would print the Site record's host.
`FeatureSitemap` adds the public pages that are views rather than Wagtail pages (statistics,
propagation, blocs, the nomination form).
"""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.urls import rebase
from core.visibility import public_pages


class PublicSitemap(Sitemap):
    def items(self):
        return public_pages(Page, self.get_wagtail_site()).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = rebase(url["location"], self.request)
        return urls


class FeatureSitemap(Sitemap):
    """The public pages served by views of their own, on the public address."""

    names = ("award_statistics", "propagation", "bloc_list", "nomination_form")

    def items(self):
        return list(self.names)

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return None

    def _urls(self, page, protocol, domain):
        urls = DjangoSitemap._urls(self, page, protocol, domain)
        for url in urls:
            url["location"] = rebase(url["location"], self.request)
        return urls
