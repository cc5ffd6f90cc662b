"""The only settings module. Everything that differs between machines comes from the environment.

Defaults are safe for production (DEBUG off, secure cookies when DEBUG is off) and convenient
for development: with no DATABASE_URL the database is a SQLite file in the project, and with no
REDIS_URL the Celery broker is kombu's filesystem transport under ``var/broker`` (a real worker
process still runs; nothing is eager). ``.env.example`` lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from factcheck import queue  # the task names (its module imports nothing of the project)
from workbench import broker

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("WORKBENCH_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_number(name: str, default: float, *, cast: type = float, minimum: float = 0) -> float:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = cast(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}.") from exc
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {raw!r}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    # A key everyone can read would let anyone forge sessions and signed cookies: only a local
    # DEBUG run (`make run`) may use the development key.
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: set the SECRET_KEY environment variable (a long random "
            "string, e.g. from `python -c 'import secrets; print(secrets.token_urlsafe(50))'`), "
            "or DEBUG=true for local development only."
        )
    SECRET_KEY = "dev-insecure-factcheck-workbench-key-change-me-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Behind HTTPS (DEBUG off) cookies are secure; a local `make run` sets DEBUG=true.
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
# Reverse proxies in front (each sets X-Forwarded-Proto and appends to X-Forwarded-For). With 0,
# those headers are ignored: any client can send them, to pass as HTTPS or as another address.
TRUSTED_PROXY_COUNT = int(env_number("TRUSTED_PROXY_COUNT", 0, cast=int))
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Sent only on HTTPS responses (by SecurityMiddleware): plain-HTTP deployments are unaffected.
SECURE_HSTS_SECONDS = int(env_number("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, cast=int))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_celery_results",
    "axes",
    "factcheck",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "workbench.urls"
WSGI_APPLICATION = "workbench.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "factcheck" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Workers and the web server share the SQLite file; wait for locks instead of failing.
    # Write-ahead logging lets reads go on during a write and commits with one sync, not three.
    # In the default rollback journal a threaded fetch worker's readers and writers queued on the
    # file's lock (bench/fetch.py, 1 request/s per host: 33 pages/s before, 37-39 after).
    # synchronous=NORMAL, as SQLite advises with WAL: a commit waits for no disk sync (the log is
    # synced at checkpoints). The file stays consistent; the last commits before a power loss or
    # OS crash can be lost. Every writer queues for the one write lock, which a sync per commit
    # held longer (bench/ingest.py: 67 -> 72-76 articles/s).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
    # Connections are kept between requests as with PostgreSQL (CONN_MAX_AGE 60): opening one
    # (the file, WAL mode, the PRAGMAs) cost about a tenth of a match API request's CPU. Django
    # closes a kept connection that errored, and none is held inside a transaction between requests.
    # A file, not memory, so that the tests' real worker processes share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "workbench.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Keys of several deployments (or test runs) sharing one Redis database stay apart.
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX"),
        }
    }
else:
    # A shared cache without a server: the database table (its add() is atomic, which the
    # per-host rate limit relies on). Created by `manage.py createcachetable`.
    CACHES = {
        "default": {
            "BACKEND": "workbench.dbcache.DatabaseCache",  # incr in two statements
            "LOCATION": "workbench_cache",
            # Past MAX_ENTRIES (Django's default: 300) a write deletes a third of the entries,
            # live ones included, such as per-host rate-limit slots not yet reached, which let
            # two fetches to one host go at once. Expired entries are still deleted as they go.
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
LOGIN_URL = "/admin/login/"

# Sign-in attempts are limited (django-axes): after LOGIN_FAILURE_LIMIT failures for one user
# name, or from one address, sign-in is refused (429) for LOGIN_LOCKOUT_MINUTES, even with the
# right password. Admins see and clear lockouts in the admin (Axes › Access attempts).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_number("LOGIN_FAILURE_LIMIT", 10, cast=int, minimum=1))
AXES_COOLOFF_TIME = timedelta(minutes=env_number("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "workbench.proxies.client_address"

# Content-Security-Policy (django-csp): scripts, frames, fonts and connections only from this
# server, so injected markup cannot run. Inline styles stay allowed: Django's admin, DRF's
# browsable API and Swagger UI (/api/docs/, served from drf-spectacular-sidecar) use them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "trafilatura": {"level": "ERROR"},
        "htmldate": {"level": "ERROR"},
        # httpx logs every request URL at INFO, API keys in query strings included.
        "httpx": {"level": "WARNING"},
        "axes.apps": {"level": "WARNING"},  # its start-up banner, in every process
    },
}

# --- Celery ------------------------------------------------------------------------------
BROKER_DIR = Path(env_str("WORKBENCH_BROKER_DIR") or VAR_DIR / "broker")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # An unacknowledged task (its worker died) is handed out again after this many seconds.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env_number("BROKER_VISIBILITY_TIMEOUT", 3600, minimum=1),
        # Look for such tasks every 10 s (kombu's default scans only every tenth time).
        "unacked_restore_interval": 10,
        "unacked_restore_throttle": 1,
        # A Redis that does not answer fails a send in seconds (factcheck/queue.py logs it).
        "socket_connect_timeout": 2,
    }
else:
    CELERY_BROKER_URL = "embedded://"  # workbench/broker.py
    # kombu's filesystem transport looks for new messages once a second by default, which caps
    # a worker at (prefetch slots) tasks per second; a fetch worker with 16 threads needs more.
    # A thread that finishes also waits for the next poll to be handed a task: at 0.1 s a fetch
    # worker's threads stood idle ~15% of the time; 0.02 s costs an idle worker ~1.5% of a core.
    CELERY_BROKER_TRANSPORT_OPTIONS = broker.folder_options(
        BROKER_DIR, polling_interval=env_number("BROKER_POLLING_INTERVAL", 0.02, minimum=0.01)
    )
# Workers wait out a broker outage of any length (Celery's default gives up after 100 tries).
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_RESULT_BACKEND = "django-db"
# Tasks report through the rows they write; storing every return value cost a write per task.
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXTENDED = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Two reserved tasks per pool process: a process that finishes one starts the next at once
# instead of waiting for the broker's next poll (the embedded broker's is every 20 ms; ingest
# bench on SQLite 53 -> 67 articles/s). Reserved tasks are unacknowledged (acks_late), so a
# worker that dies gives them back.
CELERY_WORKER_PREFETCH_MULTIPLIER = 2
# Celery's Django fixup closes every database connection before and after each task unless this
# is set; a threaded fetch worker then opened a PostgreSQL connection per fetch (~25 ms of a 0.3 s
# task on a busy machine). With it set, workbench/celery.py closes them as Django does around a
# request: when broken or older than CONN_MAX_AGE.
CELERY_DB_REUSE_MAX = 1000
CELERY_TASK_DEFAULT_QUEUE = "analyse"
CELERY_TASK_ROUTES = {
    queue.ARTICLE_FETCH: {"queue": "fetch"},
    queue.SOURCE_FETCH: {"queue": "fetch"},
    queue.WEBHOOK_DELIVER: {"queue": "fetch"},
}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE: dict = {}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- Fetching ----------------------------------------------------------------------------
# Only tests and local demos may reach private, loopback or link-local addresses.
FETCH_ALLOW_PRIVATE_NETWORKS = env_bool("FETCH_ALLOW_PRIVATE_NETWORKS", False)
FETCH_USER_AGENT_CONTACT = env_str(
    "FETCH_USER_AGENT_CONTACT", "https://github.com/factcheck-workbench/factcheck-workbench"
)
FETCH_USER_AGENT = f"FactcheckWorkbench/0.1 (+{FETCH_USER_AGENT_CONTACT})"
FETCH_CONNECT_TIMEOUT = env_number("FETCH_CONNECT_TIMEOUT", 5.0)
FETCH_READ_TIMEOUT = env_number("FETCH_READ_TIMEOUT", 10.0)
FETCH_TOTAL_TIMEOUT = env_number("FETCH_TOTAL_TIMEOUT", 30.0)
ARTICLE_MAX_BYTES = int(env_number("ARTICLE_MAX_BYTES", 10 * 1024 * 1024, cast=int, minimum=1))

# --- Claim extraction --------------------------------------------------------------------
CHECKWORTHINESS_THRESHOLD = env_number("CHECKWORTHINESS_THRESHOLD", 0.5)
if CHECKWORTHINESS_THRESHOLD > 1:
    raise ImproperlyConfigured("CHECKWORTHINESS_THRESHOLD must be between 0 and 1.")

# --- REST API ----------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "factcheck.api.schema.ApiSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "factcheck.api.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "factcheck.api.authentication.CachedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["factcheck.api.throttling.TokenRateThrottle"],
    "DEFAULT_FILTER_BACKENDS": ["factcheck.api.filters.FilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "factcheck.api.pagination.PagePagination",
    "EXCEPTION_HANDLER": "factcheck.api.exceptions.api_exception_handler",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "factcheck.api.params.ContentNegotiation",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # The anonymous throttle's address: X-Forwarded-For only as far as trusted proxies wrote it.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
# Requests per token (or per signed-in user; per address when anonymous), e.g. "1000/hour".
API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "2000/hour")
API_ANON_THROTTLE_RATE = env_str("API_ANON_THROTTLE_RATE", "60/hour")
# How long an API token's user and permissions may be served from the cache (0: never cached).
# Any change to tokens, users, roles or permissions made through the models invalidates at once.
API_AUTH_CACHE_SECONDS = env_number("API_AUTH_CACHE_SECONDS", 60, cast=int)
# PostgreSQL text search configuration of the claims `q` filter.
API_SEARCH_CONFIG = env_str("API_SEARCH_CONFIG", "english")
SPECTACULAR_SETTINGS = {
    "TITLE": "Factcheck Workbench API",
    "VERSION": "1.0.0",
    "DESCRIPTION": "Articles, claims, verdicts, ClaimReview JSON-LD and signed webhooks.",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Response bodies are documented exactly (every key, no other): tests check answers by it.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "factcheck.api.schema.exact_responses",
    ],
    # Swagger UI from the installed sidecar package, so /api/docs/ works without a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "factcheck.models.Article.Status",
        "ClaimStatusEnum": "factcheck.models.Claim.Status",
        "SourceStatusEnum": "factcheck.models.Source.Status",
        "VerdictStatusEnum": "factcheck.models.Verdict.Status",
        "DeliveryStatusEnum": "factcheck.models.WebhookDelivery.Status",
        "WebhookEventEnum": "factcheck.models.WebhookSubscription.Event",
    },
}

# --- ClaimReview and webhooks --------------------------------------------------------------
# The public address verdict URLs are built on (ClaimReview `url`, webhook payloads).
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Where the public fact-check pages are served (/factchecks/...): the ClaimReview `url` is
# {SITE_URL}/factchecks/{claim_id}-{slug}/. Empty: the address a request came to, else
# PUBLIC_BASE_URL.
SITE_URL = env_str("SITE_URL", "").rstrip("/")
CLAIMREVIEW_AUTHOR_NAME = env_str("CLAIMREVIEW_AUTHOR_NAME", "Factcheck Workbench")
CLAIMREVIEW_AUTHOR_URL = env_str("CLAIMREVIEW_AUTHOR_URL", SITE_URL or PUBLIC_BASE_URL)
CLAIMREVIEW_AUTHOR_LOGO = env_str("CLAIMREVIEW_AUTHOR_LOGO", "")
# Another address for a verdict ({site}, {verdict_id}, {claim_id}, {slug}); empty = the public page.
VERDICT_URL_TEMPLATE = env_str("VERDICT_URL_TEMPLATE", "")
WEBHOOK_TIMEOUT = env_number("WEBHOOK_TIMEOUT", 10.0)
WEBHOOK_MAX_ATTEMPTS = int(env_number("WEBHOOK_MAX_ATTEMPTS", 6, cast=int, minimum=1))
WEBHOOK_RETRY_BACKOFF = env_number("WEBHOOK_RETRY_BACKOFF", 1.0)
WEBHOOK_RETRY_BACKOFF_MAX = env_number("WEBHOOK_RETRY_BACKOFF_MAX", 600.0)

# --- Sources -------------------------------------------------------------------------------
# Finding, fetching and ranking evidence (factcheck/sources/). Every provider but article links
# is off until its URL (or key) is set, so a fresh install never calls a third party unasked.
SOURCES_FIND_ON_INGEST = env_bool("SOURCES_FIND_ON_INGEST", True)
SOURCES_ARTICLE_LINKS = env_bool("SOURCES_ARTICLE_LINKS", True)
SOURCES_ARTICLE_LINKS_MAX = int(env_number("SOURCES_ARTICLE_LINKS_MAX", 10, cast=int, minimum=1))
SOURCES_WIKIPEDIA_URL = env_str("SOURCES_WIKIPEDIA_URL")  # e.g. https://en.wikipedia.org
SOURCES_SEARXNG_URL = env_str("SOURCES_SEARXNG_URL")  # e.g. http://127.0.0.1:8888
SOURCES_FACTCHECK_API_KEY = env_str("SOURCES_FACTCHECK_API_KEY")
SOURCES_FACTCHECK_URL = env_str("SOURCES_FACTCHECK_URL", "https://factchecktools.googleapis.com")
SOURCES_FACTCHECK_MAX_PAGES = int(env_number("SOURCES_FACTCHECK_MAX_PAGES", 2, cast=int, minimum=1))
SOURCES_RESULTS_PER_PROVIDER = int(
    env_number("SOURCES_RESULTS_PER_PROVIDER", 5, cast=int, minimum=1)
)
SOURCE_REFETCH_AGE = env_number("SOURCE_REFETCH_AGE", 7 * 24 * 3600)  # seconds
SOURCE_MAX_BYTES = int(env_number("SOURCE_MAX_BYTES", 5 * 1024 * 1024, cast=int, minimum=1))
SOURCE_RESPECT_ROBOTS = env_bool("SOURCE_RESPECT_ROBOTS", True)
FETCH_PER_HOST_INTERVAL = env_number("FETCH_PER_HOST_INTERVAL", 1.0)  # seconds between requests
# Origins ("http://10.0.0.5:8080") exempt from the private-address check: an intranet service
# the newsroom deliberately fetches from. Redirects away from them are checked as usual.
FETCH_TRUSTED_ORIGINS = env_list("FETCH_TRUSTED_ORIGINS", [])
SOURCE_FETCH_MAX_ATTEMPTS = int(env_number("SOURCE_FETCH_MAX_ATTEMPTS", 5, cast=int, minimum=1))
SOURCE_RETRY_BASE_DELAY = env_number("SOURCE_RETRY_BASE_DELAY", 2.0)  # seconds, doubled per try
SOURCE_RETRY_MAX_DELAY = env_number("SOURCE_RETRY_MAX_DELAY", 600.0)  # also caps Retry-After
# The number check's bands (README "Number check"): a claimed figure and a passage's figure about
# the same thing "agree" when their gap is within the agrees band — NUMBER_TOLERANCE of the larger
# value for counts, money and measures, NUMBER_POINTS_TOLERANCE points for percentages (degrees for
# temperatures), both doubled when either side says "about" — are "close" within
# NUMBER_CLOSE_FACTOR × that band, and "conflict" beyond it.
NUMBER_TOLERANCE = env_number("NUMBER_TOLERANCE", 0.05)
NUMBER_POINTS_TOLERANCE = env_number("NUMBER_POINTS_TOLERANCE", 0.5)
NUMBER_CLOSE_FACTOR = env_number("NUMBER_CLOSE_FACTOR", 2.0, minimum=1)
VERDICT_SOURCE_RECHECK_AGE = env_number("VERDICT_SOURCE_RECHECK_AGE", 24 * 3600)  # seconds
SOURCES_RECHECK_EVERY = env_number("SOURCES_RECHECK_EVERY", 3600, minimum=60)  # seconds
CELERY_BEAT_SCHEDULE["sources-recheck"] = {
    "task": queue.SOURCES_RECHECK,
    "schedule": SOURCES_RECHECK_EVERY,
}

# --- Reconciler ----------------------------------------------------------------------------
# Work left queued/fetching/pending/unsearched/unranked for RECONCILE_AFTER seconds (a lost
# message, a killed worker) is queued again by Celery beat every RECONCILE_EVERY seconds, at most
# RECONCILE_MAX_ATTEMPTS times, then failed "Gave up after N attempts". RECONCILE_AFTER must
# exceed the longest retry wait (SOURCE_RETRY_MAX_DELAY, WEBHOOK_RETRY_BACKOFF_MAX).
RECONCILE_AFTER = env_number("RECONCILE_AFTER", 1800, minimum=1)  # seconds
RECONCILE_EVERY = env_number("RECONCILE_EVERY", 60, minimum=1)  # seconds
RECONCILE_MAX_ATTEMPTS = int(env_number("RECONCILE_MAX_ATTEMPTS", 3, cast=int, minimum=1))
CELERY_BEAT_SCHEDULE["work-reconcile"] = {
    "task": queue.WORK_RECONCILE,
    "schedule": RECONCILE_EVERY,
    "options": {"expires": RECONCILE_EVERY},  # a run still queued when the next is due is dropped
}

# --- Matching ------------------------------------------------------------------------------
# "Checked before?" (factcheck/matching/, README "Checked before? Claim matching"). Scores are in
# [0, 1]: at `suggest` a match is shown to editors (and returned by the match API), at
# `same_claim` it is the same claim (numbers and named entities must agree as well).
MATCH_SUGGEST_THRESHOLD = env_number("MATCH_SUGGEST_THRESHOLD", 0.5)
MATCH_SAME_CLAIM_THRESHOLD = env_number("MATCH_SAME_CLAIM_THRESHOLD", 0.85)
if not MATCH_SUGGEST_THRESHOLD <= MATCH_SAME_CLAIM_THRESHOLD <= 1:
    raise ImproperlyConfigured("Need MATCH_SUGGEST_THRESHOLD <= MATCH_SAME_CLAIM_THRESHOLD <= 1.")
# How often (seconds) a process's in-memory match index asks the database what changed.
MATCH_REFRESH_SECONDS = env_number("MATCH_REFRESH_SECONDS", 1.0)
MATCH_TEXT_MAX_LENGTH = 5000  # characters of a match API query
MATCH_ON_INGEST = env_bool("MATCH_ON_INGEST", True)  # match every new claim in a worker
