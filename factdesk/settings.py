"""FactDesk settings, read from the environment in one place.

With nothing set, the embedded default serves: DEBUG on, a SQLite file under
var/, and Celery tasks run eagerly in-process, so a newcomer needs no server.
Production sets DATABASE_URL, REDIS_URL (or CELERY_BROKER_URL), SECRET_KEY,
DEBUG=0 and ALLOWED_HOSTS; start-up refuses an insecure combination.
"""
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("FACTDESK_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

# --- Core and security -------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set and DEBUG is off: refusing to start. "
            "Set SECRET_KEY to a long random string (python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = "django-insecure-factdesk-development-only-key-never-use-in-production"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is empty and DEBUG is off: set ALLOWED_HOSTS=factdesk.example.org,…")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Behind a TLS-terminating proxy, production turns these on (they are what
# `manage.py check --deploy` asks for); SECURE_SSL_REDIRECT can be switched off
# when the proxy already redirects.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if not DEBUG else None
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# --- Applications ------------------------------------------------------------
INSTALLED_APPS = [
    "factdesk.admin_site.AdminConfig",  # django.contrib.admin, its model admins loaded when the site is first used
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our own static files: no CDN needed
    "axes",  # admin sign-in lockout (see "Sign-in lockout" below)
    "factdesk.accounts",  # API tokens: model, services, admin, `manage.py token_create`
    "sources",
    "claims",
    "claims.webhooks",
    "claims.facts",  # facts across sources (issue 12): its own app, label "facts"
]

MIDDLEWARE = [
    "factdesk.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factdesk.urls"
WSGI_APPLICATION = "factdesk.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "factdesk" / "templates"],  # the home page at /
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

# --- Database ----------------------------------------------------------------
# DATABASE_URL, e.g. postgres://factdesk@127.0.0.1:5432/factdesk (psycopg 3).
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'factdesk.sqlite3'}")}
if "DATABASE_URL" not in env.ENVIRON:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded default's SQLite file lives here
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite lets one writer in at a time. Taking the write lock when a transaction
    # starts (IMMEDIATE) makes a second writer wait its turn (up to the timeout)
    # instead of failing on a lock upgrade; the tests' database is a file for
    # the same reason (an in-memory one shared between threads cannot wait).
    # https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-transaction-behavior
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    DATABASES["default"].setdefault("TEST", {}).setdefault("NAME", str(VAR_DIR / "test_factdesk.sqlite3"))
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ---------------------------------------------------------------------
# Throttle counters, the failed-token counters and the token lookup cache live
# here. With REDIS_URL set it is Redis, shared by every process (a limit of
# 120/min holds across 4 workers); without it, local memory, one per process,
# as fits the embedded default. A Redis that stops answering is treated as an
# empty cache (factdesk/cache.py): requests go on, unthrottled and uncached,
# instead of failing with it.
# https://docs.djangoproject.com/en/5.2/topics/cache/#redis
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {
        "BACKEND": "factdesk.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "factdesk",
        "OPTIONS": {"socket_connect_timeout": env.float("FACTDESK_CACHE_TIMEOUT_SECONDS", default=0.5),
                    "socket_timeout": env.float("FACTDESK_CACHE_TIMEOUT_SECONDS", default=0.5)},
    }}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "factdesk"}}

# --- Auth, i18n, static files ------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out sign-in before the password is checked; counts failures (django-axes).
    "factdesk.accounts.backends.SignInLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
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
STATIC_ROOT = VAR_DIR / "static"
WHITENOISE_USE_FINDERS = DEBUG  # without collectstatic, the development server still serves the admin's files
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=6 * 1024 * 1024)

# --- Celery ------------------------------------------------------------------
# With no broker configured, tasks run eagerly in-process (after the commit that
# enqueued them), which is the embedded default. REDIS_URL (read above, with the
# cache) or CELERY_BROKER_URL switches to a real broker and a separate
# `celery -A factdesk worker`.
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
# A job is acknowledged after it ran, so a worker killed mid-job leaves the
# message to be redelivered; the task itself is idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis redelivers an unacknowledged message after this; it must exceed the
# longest job. Long delays never go through countdowns (see claims/tasks.py).
# The restore interval is how often a worker looks for such messages.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
}
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Webhook deliveries have a queue of their own so that a backlog of extraction
# never starves them; a worker consumes both unless started with -Q.
CELERY_TASK_DEFAULT_QUEUE = "celery"
# The two queues, "celery" and "webhooks", are declared where the Celery app is made (factdesk/celery.py):
# kombu, which declares them, loads with Celery, not with every Django start-up.
CELERY_TASK_ROUTES = {"claims.webhooks.tasks.*": {"queue": "webhooks"}}
# A message that cannot be published fails fast: the row it stands for is in the
# database already, and the dispatcher sends it when the broker is back.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
# The dispatcher hands due work (queued jobs, due deliveries) to the broker; see claims/outbox.py.
FACTDESK_DISPATCH_EVERY_SECONDS = env.float("FACTDESK_DISPATCH_EVERY_SECONDS", default=10.0)
CELERY_BEAT_SCHEDULE = {
    "dispatch-outbox": {"task": "claims.tasks.dispatch_outbox", "schedule": FACTDESK_DISPATCH_EVERY_SECONDS},
    # Claims whose grouping task never ran (broker down when extraction committed).
    "group-ungrouped-claims": {
        "task": "claims.facts.tasks.group_pending",
        "schedule": env.int("FACTDESK_GROUPING_SWEEP_EVERY_SECONDS", default=300),
    },
}

# --- Outbox and dispatcher (claims/outbox.py) ---------------------------------
# Work is a row first (an extraction job, a webhook delivery) and a broker
# message second. A row sent to the broker is left alone for the lease; if it
# is still waiting then (a message lost with the broker), it is sent again.
FACTDESK_OUTBOX_LEASE_SECONDS = env.int("FACTDESK_OUTBOX_LEASE_SECONDS", default=60)
# With the broker's queue empty, a row sent this long ago that no worker has started
# was lost with the broker (a Redis restarted empty) and is sent again at once.
FACTDESK_OUTBOX_RESEND_GRACE_SECONDS = env.int("FACTDESK_OUTBOX_RESEND_GRACE_SECONDS", default=10)
FACTDESK_OUTBOX_BATCH = env.int("FACTDESK_OUTBOX_BATCH", default=500)
# The embedded default (no broker) has no celery beat: the web server's process
# runs the dispatcher in a thread this often instead (0 switches it off).
FACTDESK_EMBEDDED_DISPATCH_EVERY_SECONDS = env.float("FACTDESK_EMBEDDED_DISPATCH_EVERY_SECONDS", default=2.0)
# After the broker refuses a message, commits stop trying it for this long.
FACTDESK_OUTBOX_BROKER_BACKOFF_SECONDS = env.float("FACTDESK_OUTBOX_BROKER_BACKOFF_SECONDS", default=5.0)
# A running job's worker beats this often; a job whose beat is older than the
# stale limit has lost its worker and is queued again (or failed after the
# last attempt).
FACTDESK_JOB_HEARTBEAT_SECONDS = env.float("FACTDESK_JOB_HEARTBEAT_SECONDS", default=15.0)
FACTDESK_JOB_STALE_AFTER_SECONDS = env.float("FACTDESK_JOB_STALE_AFTER_SECONDS", default=60.0)
FACTDESK_JOB_MAX_ATTEMPTS = env.int("FACTDESK_JOB_MAX_ATTEMPTS", default=5)

# --- Webhooks (claims/webhooks/) -------------------------------------------------
# https://www.standardwebhooks.com/ — the payload shape, headers and signatures.
# Where receivers find the API: the links in every event's data.
FACTDESK_PUBLIC_URL = env.str("FACTDESK_PUBLIC_URL", default="http://127.0.0.1:8000").rstrip("/")
# Networks an endpoint may resolve into although they are private or loopback
# (comma-separated CIDRs). Empty in production; tests and local development set
# 127.0.0.0/8. Checked when an endpoint is saved and at every delivery.
FACTDESK_WEBHOOK_ALLOWED_NETWORKS = env.str("FACTDESK_WEBHOOK_ALLOWED_NETWORKS", default="")
FACTDESK_WEBHOOK_CONNECT_TIMEOUT_SECONDS = env.float("FACTDESK_WEBHOOK_CONNECT_TIMEOUT_SECONDS", default=3.0)
FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS = env.float("FACTDESK_WEBHOOK_READ_TIMEOUT_SECONDS", default=10.0)
FACTDESK_WEBHOOK_RESPONSE_BYTES = env.int("FACTDESK_WEBHOOK_RESPONSE_BYTES", default=4096)
# Seconds to wait before each attempt (the first is immediate), like Svix's
# schedule: https://docs.svix.com/retries. Each wait is spread by ± the jitter
# fraction; a receiver's Retry-After lengthens it.
FACTDESK_WEBHOOK_RETRY_SCHEDULE = [
    float(value) for value in env.list("FACTDESK_WEBHOOK_RETRY_SCHEDULE",
                                       default=["0", "5", "300", "1800", "7200", "18000", "36000", "36000"])
]
FACTDESK_WEBHOOK_RETRY_JITTER = env.float("FACTDESK_WEBHOOK_RETRY_JITTER", default=0.2)
# An endpoint whose every delivery failed for this long is disabled, with the reason shown.
FACTDESK_WEBHOOK_DISABLE_AFTER_DAYS = env.float("FACTDESK_WEBHOOK_DISABLE_AFTER_DAYS", default=5.0)
# At most this many workers wait on one slow endpoint (attempts running past a
# second); its other deliveries step aside for a few seconds, so a hanging
# receiver never holds every worker.
FACTDESK_WEBHOOK_SLOW_ENDPOINT_WORKERS = env.int("FACTDESK_WEBHOOK_SLOW_ENDPOINT_WORKERS", default=2)
# After a rotation the old secret keeps signing beside the new one for this long.
FACTDESK_WEBHOOK_SECRET_OVERLAP_HOURS = env.float("FACTDESK_WEBHOOK_SECRET_OVERLAP_HOURS", default=24.0)

# --- FactDesk ----------------------------------------------------------------
# Ingestion refuses documents whose extracted text is larger than this.
FACTDESK_MAX_DOCUMENT_CHARS = env.int("FACTDESK_MAX_DOCUMENT_CHARS", default=5_000_000)
# Outbound HTTP (ingest by URL, later webhooks): timeouts, size cap, and whether
# private/loopback addresses may be fetched (never in production).
FACTDESK_FETCH_TIMEOUT_SECONDS = env.float("FACTDESK_FETCH_TIMEOUT_SECONDS", default=10.0)
FACTDESK_FETCH_MAX_BYTES = env.int("FACTDESK_FETCH_MAX_BYTES", default=10 * 1024 * 1024)
FACTDESK_FETCH_MAX_REDIRECTS = env.int("FACTDESK_FETCH_MAX_REDIRECTS", default=5)
FACTDESK_FETCH_ALLOW_PRIVATE = env.bool("FACTDESK_FETCH_ALLOW_PRIVATE", default=False)
FACTDESK_FETCH_USER_AGENT = "FactDesk/1.0 (+claims tracking)"

# --- Facts (claims/facts; the README's "Facts" section) ---------------------
# A claim joins a fact whose period lies within this many days of its own.
FACTDESK_FACT_PERIOD_GAP_DAYS = env.int("FACTDESK_FACT_PERIOD_GAP_DAYS", default=14)
# Two approved figures from different sources conflict only when reported
# within this many hours of each other (later figures are updates, not disputes).
FACTDESK_FACT_DISPUTE_WINDOW_HOURS = env.int("FACTDESK_FACT_DISPUTE_WINDOW_HOURS", default=24)
# The organisation named as the author of the ClaimReview export, and the
# public address claim pages are linked from (https://schema.org/ClaimReview).
FACTDESK_ORGANISATION_NAME = env.str("FACTDESK_ORGANISATION_NAME", default="FactDesk")
FACTDESK_ORGANISATION_URL = env.str("FACTDESK_ORGANISATION_URL", default="http://127.0.0.1:8000/")

# --- Clients, tokens and sign-in lockout ---------------------------------------
# How many proxies in front of FactDesk append to X-Forwarded-For. 0 (the default):
# the client is REMOTE_ADDR and the header is ignored, since a client can write
# anything there; behind one reverse proxy, 1. Throttles and the sign-in lockout
# count per client address from factdesk.client_ip.
FACTDESK_NUM_PROXIES = env.int("FACTDESK_NUM_PROXIES", default=0)
# Seconds a token lookup (secret hash → token and user) stays in the cache; 0: none; 60 at most.
# Revocation, deletion and changes to the user are seen at once whatever it is.
FACTDESK_TOKEN_CACHE_SECONDS = env.int("FACTDESK_TOKEN_CACHE_SECONDS", default=60)

# Sign-in lockout for people (the admin's login form), by django-axes: after
# AXES_FAILURE_LIMIT wrong passwords for one username from one address, that
# pair is refused for the cool-off time, with a page that says so (HTTP 429).
# Attempts are rows in the database (admin: Axes → Access attempts), so the
# count holds across processes on SQLite and PostgreSQL alike; a successful
# sign-in clears it. `manage.py axes_reset_username NAME` lifts a lockout.
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("FACTDESK_SIGNIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.float("FACTDESK_SIGNIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "factdesk.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "factdesk.client_ip.client_ip"
AXES_VERBOSE = False

# --- REST API ----------------------------------------------------------------
# https://www.django-rest-framework.org/api-guide/settings/
# Programs authenticate with a token (Authorization: Bearer …), people with a
# session (browsable API, admin). Token auth comes first so that an anonymous
# request gets 401 with a WWW-Authenticate challenge, not 403.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["claims.api.parsers.CappedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "claims.api.renderers.JSONRenderer",  # DRF's JSON, encoded with orjson
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "claims.api.schema.FactDeskAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": [
        "claims.api.throttling.UserThrottle",
        "claims.api.throttling.AnonymousThrottle",
    ],
    # Requests per user and per anonymous address; "none" switches one off.
    # https://www.django-rest-framework.org/api-guide/throttling/
    "DEFAULT_THROTTLE_RATES": {
        "user": env.str("FACTDESK_API_RATE_USER", default="3000/min") or None,
        "anon": env.str("FACTDESK_API_RATE_ANON", default="120/min") or None,
        # Requests with an unknown, expired or revoked bearer token, per client address: past
        # this, every bearer request from that address is 429 until the period ends.
        "bad_token": env.str("FACTDESK_API_RATE_BAD_TOKEN", default="30/min") or None,
    },
    "NUM_PROXIES": FACTDESK_NUM_PROXIES,
    "EXCEPTION_HANDLER": "claims.api.errors.exception_handler",
}
for _scope, _rate in REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].items():
    if _rate and _rate.lower() == "none":
        REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][_scope] = None
SPECTACULAR_SETTINGS = {
    "TITLE": "FactDesk API",
    "DESCRIPTION": (
        "Claims extracted from news reporting, their sources, and their review. Errors are RFC 9457 problem "
        "details. Review requests must send If-Match with the claim's ETag."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "ClaimKindEnum": "claims.models.ClaimKind",
        "JobStatusEnum": "claims.models.JobStatus",
        "OutcomeEnum": "claims.models.Outcome",
        "DeliveryStatusEnum": "claims.webhooks.models.DeliveryStatus",
        "SpeakerKindEnum": "sources.models.Speaker.Kind",
    },
}

# --- Logging -----------------------------------------------------------------
# One line per event on standard error, tagged with the request or job id.
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "factdesk.logging.ContextFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s [%(context_id)s] %(message)s"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["context"],
            "formatter": "line",
        },
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "trafilatura": {"level": "WARNING"},
        "htmldate": {"level": "WARNING"},
    },
}
