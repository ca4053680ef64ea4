"""sitemap.xml: the pages the visibility rule shows, nothing else.

Wagtail's own sitemap lists every live, unrestricted page of the site — including pages past
their expiry time (until `publish_scheduled` runs) and pages their model's rule hides (an
exemplar without consent, a story linking someone who withdrew it). This one asks
`core.visibility.public_pages` instead, and puts every location on the public address
(`core.urls`, like the canonical tags): Wagtail alone would print the Site record's host.
"""

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
