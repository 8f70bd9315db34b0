"""Settings for Improvement Hub, read only from environment variables (12-factor).

Every variable is listed, with its default, in the README's configuration table. The
defaults are safe for a laptop: SQLite under ``var/``, console email, local-memory
cache, the database task queue. ``DEBUG`` is off unless asked for, and then a
``SECRET_KEY`` must be given, so a forgotten variable never makes an insecure server.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from improvement_hub.core.client_ip import parse_trusted_proxies

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path.cwd()

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env") if (BASE_DIR / ".env").is_file() else None

DEBUG = env.bool("DEBUG", default=False)
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set SECRET_KEY (a long random string), or DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- applications -------------------------------------------------------------------

INSTALLED_APPS = [
    # ours, first, so our templates override those of the libraries
    "improvement_hub.config",
    "improvement_hub.core",
    "improvement_hub.accounts",
    "improvement_hub.council",
    "improvement_hub.notifications",
    "improvement_hub.spaces",
    "improvement_hub.ideas",
    "improvement_hub.lab",
    "improvement_hub.academy",
    "improvement_hub.initiatives",
    "improvement_hub.partnership",
    "improvement_hub.cms",
    "improvement_hub.insights",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    # only for its admin screen for API tokens (Settings → API tokens); its own API is not routed
    "wagtail.api.v3",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # accounts
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # background work
    "django_tasks",
    "django_tasks_db",
    # forms
    "crispy_forms",
    "crispy_forms_gds",
    # the API (listed so its Swagger UI is served from our static files, not a CDN)
    "ninja",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "improvement_hub.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "improvement_hub.core.middleware.ControlCharactersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "improvement_hub.core.middleware.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "improvement_hub.config.urls"
WSGI_APPLICATION = "improvement_hub.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "improvement_hub.core.context_processors.site",
            ],
        },
    },
]

# --- data -----------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'improvement_hub.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web process and the task worker share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds what must agree between web processes: rate-limit counts (ours and
# allauth's), the version numbers that services bump when ideas change (list counts, the
# similarity indexes) and cached fragments. Local memory (the default) is one process's
# own: right for a demo. In production set CACHE_URL=redis://host:6379/1, even on one box:
# the web processes, the task worker and cron jobs must share it (docs/operations.md,
# "Scaling out").
# redis://, rediss:// and valkey:// always mean Django's own RedisCache, whichever backend
# a django-environ release would pick for them.
REDIS_CACHE_BACKEND = "django.core.cache.backends.redis.RedisCache"
_CACHE_URL = env.str("CACHE_URL", default="locmemcache://improvement-hub")
_REDIS_SCHEMES = ("redis", "rediss", "rediscache", "valkey", "valkeys")
CACHES = {
    "default": env.cache_url_config(
        _CACHE_URL,
        backend=REDIS_CACHE_BACKEND if _CACHE_URL.split("://")[0] in _REDIS_SCHEMES else None,
    )
}
# django-environ gives ?key_prefix=, ?timeout= and ?version= in lower case for RedisCache,
# where Django reads only the upper-case names.
for _option in ("KEY_PREFIX", "TIMEOUT", "VERSION"):
    if _option.lower() in CACHES["default"]:
        CACHES["default"][_option] = CACHES["default"].pop(_option.lower())

SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- background tasks -------------------------------------------------------------------

_TASK_BACKENDS = {
    "database": "django_tasks_db.backend.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
    # RQ on Redis, for task workers on several machines (docs/operations.md, "Scaling out")
    "rq": "django_tasks_rq.RQBackend",
}
TASKS_BACKEND = env.str("TASKS_BACKEND", default="database")
if TASKS_BACKEND not in _TASK_BACKENDS and "." not in TASKS_BACKEND:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)} or a dotted backend path."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS.get(TASKS_BACKEND, TASKS_BACKEND)}}
# The Redis that holds RQ's queue: not the cache's (a full cache evicts keys; a queue must
# not lose any), so give it a database of its own on a Redis with maxmemory-policy noeviction.
TASKS_REDIS_URL = env.str("TASKS_REDIS_URL", default="")
if TASKS["default"]["BACKEND"] == _TASK_BACKENDS["rq"]:
    if not TASKS_REDIS_URL:
        raise ImproperlyConfigured(
            "TASKS_BACKEND=rq needs TASKS_REDIS_URL, such as redis://redis.internal:6379/2."
        )
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {
        # every task of the hub is on the default queue; a task may run up to 10 minutes
        "default": {"URL": TASKS_REDIS_URL, "DEFAULT_TIMEOUT": 600},
    }

# --- email ------------------------------------------------------------------------------

vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Improvement Hub <hub@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# --- accounts -----------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # permissions only, read once per change (accounts/backends.py); signs nobody in
    "improvement_hub.accounts.backends.CachedPermissionsBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "improvement_hub.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "improvement_hub.accounts.adapters.SocialAccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Password guessing: allauth counts failed sign-ins per IP address and per account in
# the cache (use Redis through CACHE_URL when there is more than one web process).
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("LOGIN_FAILED_RATE_LIMIT", default="20/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}

# Staff single sign-on through OpenID Connect (e.g. Microsoft Entra ID). Shown on the
# sign-in page only when configured.
OIDC_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")
OIDC_CLIENT_SECRET = env.str("OIDC_CLIENT_SECRET", default="")
OIDC_SERVER_URL = env.str("OIDC_SERVER_URL", default="")
OIDC_PROVIDER_NAME = env.str("OIDC_PROVIDER_NAME", default="Council staff sign-in")
SOCIALACCOUNT_PROVIDERS: dict = {}
if OIDC_CLIENT_ID and OIDC_SERVER_URL:
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "staff-sso",
                "name": OIDC_PROVIDER_NAME,
                "client_id": OIDC_CLIENT_ID,
                "secret": OIDC_CLIENT_SECRET,
                "settings": {"server_url": OIDC_SERVER_URL},
            }
        ],
    }
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
# Council staff signing in through SSO are put in the Staff group.
STAFF_EMAIL_DOMAINS = env.list("STAFF_EMAIL_DOMAINS", default=[])

# --- Wagtail ------------------------------------------------------------------------------

# One sign-in route for everyone, so allauth's rate limits, lockout and email verification
# cover the admin and private pages too (the old Wagtail routes redirect there: config/urls.py).
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Password and email changes go through allauth's pages too, which notify the account holder
# and verify the new address (the admin's own forms would do neither).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_SITE_NAME = env.str("SITE_NAME", default="Improvement Hub")
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads never run as code on our origin (improvement_hub.cms.uploads): raster images only
# (an SVG can carry script), documents whose content is not markup, and every document
# served through Wagtail's view as a download that blocks script.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "improvement_hub.cms.uploads.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "txt"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "improvement_hub.cms.uploads.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# --- forms and front end ----------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
CRISPY_FAIL_SILENTLY = not DEBUG

# --- internationalisation -----------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English")]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- static and media files ----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Uploaded images and documents: a local folder (``MEDIA_ROOT``), or with MEDIA_STORAGE=s3
# an S3-compatible bucket that every app node shares (docs/operations.md, "Scaling out").
# Credentials come from boto3's own chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or
# the machine's role), never from settings.
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "local":
    _media_storage: dict[str, object] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    _bucket = env.str("AWS_STORAGE_BUCKET_NAME", default="")
    if not _bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    _media_domain = env.str("AWS_S3_CUSTOM_DOMAIN", default="")
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "location": env.str("AWS_LOCATION", default=""),
            # Images are served from a public domain (a CDN, or the bucket's address) when
            # one is given, at addresses that never expire, so cached pages keep working;
            # without one, every address is signed and expires after an hour.
            "custom_domain": _media_domain or None,
            "querystring_auth": not _media_domain,
            "default_acl": None,  # the bucket's policy decides (documents/ stays private)
            "file_overwrite": False,
            # As the nginx set-up for local media: a file is a download, never a page.
            "object_parameters": {
                "ContentDisposition": "attachment",
                "CacheControl": "max-age=86400",
            },
        },
    }
else:
    raise ImproperlyConfigured("MEDIA_STORAGE must be local or s3.")
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env.bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=DEBUG)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields; files are limited separately
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- security --------------------------------------------------------------------------------

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_HTTPS_PROXY", default=False) else None
)
# Which proxies' X-Forwarded-For to believe for the client's address (rate limits, allauth):
# empty trusts none, a number trusts that many proxies in front of the hub, and
# comma-separated networks trust proxies at those addresses (improvement_hub.core.client_ip).
TRUSTED_PROXIES = env.str("TRUSTED_PROXIES", default="")
parse_trusted_proxies(TRUSTED_PROXIES)  # a typo stops the server rather than trusting anyone
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "improvement_hub.core.views.csrf_failure"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# The public site runs on a strict policy: no inline script or style without a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# Wagtail's editor and the API's Swagger page still rely on inline styles and scripts.
# Only signed-in Hub Team members use them; they get this looser policy
# (see docs/decisions/0006-content-security-policy.md).
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "frame-ancestors": [SELF],
    },
}
ADMIN_PATH_PREFIXES = ("/admin/", "/api/v1/docs")

# --- logging ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "wagtail": {"level": env.str("WAGTAIL_LOG_LEVEL", default="WARNING")},
        "django_tasks": {"level": env.str("TASKS_LOG_LEVEL", default="WARNING")},
    },
}

# --- the hub ------------------------------------------------------------------------------------

# (count, seconds) per person: enough for real use, not for floods or scripts.
IDEAS_RATE_LIMITS = {
    "idea": (env.int("IDEAS_PER_HOUR", default=10), 3600),
    "comment": (env.int("COMMENTS_PER_10_MINUTES", default=20), 600),
    "support": (env.int("SUPPORTS_PER_10_MINUTES", default=60), 600),
}
# The Innovation Lab's response targets, in working days, and privacy rules.
LAB_ACKNOWLEDGE_WORKING_DAYS = env.int("LAB_ACKNOWLEDGE_WORKING_DAYS", default=5)
LAB_DECIDE_WORKING_DAYS = env.int("LAB_DECIDE_WORKING_DAYS", default=20)
LAB_RETENTION_MONTHS = env.int("LAB_RETENTION_MONTHS", default=12)
# (per IP address an hour, per email address a day)
LAB_REFERRAL_RATE_LIMITS = (
    env.int("LAB_REFERRALS_PER_IP_PER_HOUR", default=10),
    env.int("LAB_REFERRALS_PER_EMAIL_PER_DAY", default=5),
)
# The Ideas Forum's target to answer an idea (the insights dashboard's cycle time).
IDEAS_ANSWER_WORKING_DAYS = env.int("IDEAS_ANSWER_WORKING_DAYS", default=10)
# Newsletter sign-ups: (per IP address an hour, per email address a day)
NEWSLETTER_RATE_LIMITS = (
    env.int("NEWSLETTER_SIGNUPS_PER_IP_PER_HOUR", default=10),
    env.int("NEWSLETTER_SIGNUPS_PER_EMAIL_PER_DAY", default=5),
)
# Evidence files: outside the web root, served only through a permission-checked view.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
DATA_UPLOAD_MAX_NUMBER_FILES = 5
HUB_PHASE = env.str("HUB_PHASE", default="Beta")
HUB_FEEDBACK_URL = env.str("HUB_FEEDBACK_URL", default="")

ACCOUNT_FORMS = {
    "login": "improvement_hub.accounts.forms.LoginForm",
    "signup": "improvement_hub.accounts.forms.SignupForm",
    "reset_password": "improvement_hub.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "improvement_hub.accounts.forms.ResetPasswordKeyForm",
    "set_password": "improvement_hub.accounts.forms.SetPasswordForm",
    "reauthenticate": "improvement_hub.accounts.forms.ReauthenticateForm",
    "change_password": "improvement_hub.accounts.forms.ChangePasswordForm",
    "add_email": "improvement_hub.accounts.forms.AddEmailForm",
}
