"""Site-wide pages the CMS owns (sitemap.xml, robots.txt...), before Wagtail's page tree."""

urlpatterns: list = []
