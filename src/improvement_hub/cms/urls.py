"""Site-wide pages the CMS owns (sitemap.xml, robots.txt, the news feed), before Wagtail's
page tree."""

from django.urls import path

from improvement_hub.cms import views
from improvement_hub.cms.feeds import NewsFeed

app_name = "cms"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("news/feed/", NewsFeed(), name="news_feed"),
]
