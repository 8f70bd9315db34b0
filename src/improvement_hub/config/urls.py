from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from improvement_hub.accounts import admin_access, redirects
from improvement_hub.config.api import api, api_docs_view

handler400 = "improvement_hub.core.views.bad_request"
handler403 = "improvement_hub.core.views.permission_denied"
handler404 = "improvement_hub.core.views.page_not_found"
handler500 = "improvement_hub.core.views.server_error"

urlpatterns = [
    # First: an API call is matched without trying every page's pattern (0.1 ms a call).
    path("api/v1/docs", api_docs_view, name="api_docs"),
    path("api/v1/", api.urls),
    # Wagtail's own sign-in, sign-out and password-reset forms would bypass allauth's rate
    # limits, lockout and email verification: they lead to allauth's instead. These come
    # before the Wagtail includes, which would otherwise answer first.
    path("admin/login/", redirects.to_sign_in, name="admin_login_redirect"),
    path("admin/logout/", redirects.to_sign_out, name="admin_logout_redirect"),
    re_path(r"^admin/password_reset/", redirects.to_password_reset),
    path("_util/login/", redirects.to_sign_in, name="wagtail_login_redirect"),
    admin_access.admin_path("admin/", wagtailadmin_urls),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("improvement_hub.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("notifications/", include("improvement_hub.notifications.urls")),
    path("ideas/", include("improvement_hub.ideas.urls")),
    path("lab/", include("improvement_hub.lab.urls")),
    path("initiatives/", include("improvement_hub.initiatives.urls")),
    path("change-academy/", include("improvement_hub.academy.urls")),
    # spaces/, bookings/ and events/
    path("", include("improvement_hub.spaces.urls")),
    # decisions/, contracts/, transparency/, handover/
    path("", include("improvement_hub.partnership.urls")),
    path("insights/", include("improvement_hub.insights.urls")),
    path("results/", include("improvement_hub.insights.results_urls")),
    path("newsletter/", include("improvement_hub.cms.newsletter_urls")),
    # sitemap.xml, robots.txt and the other site-wide pages the CMS owns
    path("", include("improvement_hub.cms.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    from improvement_hub.cms.views import serve_media

    # uploads as downloads, never as pages of the hub (cms/uploads.py)
    urlpatterns += static(settings.MEDIA_URL, view=serve_media, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
