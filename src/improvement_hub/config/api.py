"""The one NinjaAPI object. Each app contributes a Router; docs are for signed-in staff."""

from functools import partial

from ninja import NinjaAPI
from ninja.openapi.views import openapi_view
from ninja.security import SessionAuth

from improvement_hub.academy.api import router as academy_router
from improvement_hub.accounts.admin_access import admin_only
from improvement_hub.accounts.api_auth import ApiTokenAuth
from improvement_hub.core.api import register_error_handlers
from improvement_hub.council.api import router as council_router
from improvement_hub.ideas.api import router as ideas_router
from improvement_hub.initiatives.api import router as initiatives_router
from improvement_hub.lab.api import router as lab_router
from improvement_hub.partnership.api import router as partnership_router
from improvement_hub.spaces.api import router as spaces_router

api = NinjaAPI(
    title="Improvement Hub API",
    version="1",
    description="Ideas, referrals, challenges and initiatives of the Improvement Hub.",
    # The browser's session (with CSRF protection), or a bearer token for integrations.
    auth=[ApiTokenAuth(), SessionAuth()],
    # The OpenAPI document is public (integrators need it; it holds no data). The
    # interactive docs are for the Hub Team and are routed in config/urls.py.
    docs_url=None,
    urls_namespace="api",
)
register_error_handlers(api)
api.add_router("/", council_router)
api.add_router("/", ideas_router)
api.add_router("/", lab_router)
api.add_router("/", initiatives_router)
api.add_router("/", spaces_router)
api.add_router("/", academy_router)
api.add_router("/", partnership_router)

api_docs_view = admin_only(partial(openapi_view, api=api))
