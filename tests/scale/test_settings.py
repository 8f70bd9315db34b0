"""The scale path's settings, read from the environment by a fresh process as a deployment
would: which cache, task backend and media storage each variable chooses, with what options.

No S3 server runs here, so the media storage is checked as configured (its class, bucket,
endpoint and the addresses it gives files, which need no request), not by uploading a file.
"""

import json
import os
import subprocess
import sys

SHOW = """
import json
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages
from django_tasks import task_backends
storage = storages["default"]
print(json.dumps({
    "cache": type(caches["default"]).__module__ + "." + type(caches["default"]).__name__,
    "cache_settings": {k: v for k, v in settings.CACHES["default"].items() if k != "OPTIONS"},
    "tasks": type(task_backends["default"]).__name__,
    "rq_queues": getattr(settings, "RQ_QUEUES", None),
    "storage": type(storage).__module__ + "." + type(storage).__name__,
    "bucket": getattr(storage, "bucket_name", None),
    "endpoint": getattr(storage, "endpoint_url", None),
    "region": getattr(storage, "region_name", None),
    "signed": getattr(storage, "querystring_auth", None),
    "overwrite": getattr(storage, "file_overwrite", None),
    "object_parameters": getattr(storage, "object_parameters", None),
    "image_url": storage.url("original_images/bins.jpg"),
    "media_url": settings.MEDIA_URL,
}))
"""


def _settings(**env: str) -> dict:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"TASKS_BACKEND", "CACHE_URL", "MEDIA_STORAGE", "DJANGO_SETTINGS_MODULE"}
        and not k.startswith("AWS_")
    }
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SHOW],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "improvement_hub.config.settings",
            "DEBUG": "true",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _refused(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "from django.conf import settings; settings.DEBUG"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "improvement_hub.config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    return done.stderr


def test_the_defaults_are_one_box_local_memory_the_database_queue_and_a_folder():
    shown = _settings()
    assert shown["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert shown["tasks"] == "DatabaseBackend"
    assert shown["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert shown["image_url"] == "/media/original_images/bins.jpg"


def test_a_redis_cache_url_is_djangos_own_redis_cache_with_its_prefix_and_timeout():
    for scheme in ("redis", "rediss"):
        shown = _settings(CACHE_URL=f"{scheme}://cache.internal:6379/1?key_prefix=hub&timeout=60")
        assert shown["cache"] == "django.core.cache.backends.redis.RedisCache"
        assert shown["cache_settings"] == {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"{scheme}://cache.internal:6379/1",
            "KEY_PREFIX": "hub",
            "TIMEOUT": 60,
        }


def test_rq_is_the_task_backend_for_many_machines_and_needs_its_own_redis():
    shown = _settings(TASKS_BACKEND="rq", TASKS_REDIS_URL="redis://queue.internal:6379/2")
    assert shown["tasks"] == "RQBackend"
    assert shown["rq_queues"]["default"]["URL"] == "redis://queue.internal:6379/2"
    assert "needs TASKS_REDIS_URL" in _refused(DEBUG="true", TASKS_BACKEND="rq")


def test_media_storage_s3_chooses_django_storages_s3_with_the_buckets_settings():
    shown = _settings(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="hub-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_S3_REGION_NAME="eu-west-2",
        AWS_S3_CUSTOM_DOMAIN="media.hub.example.gov.uk",
        MEDIA_URL="https://media.hub.example.gov.uk/",
    )
    assert shown["storage"] == "storages.backends.s3.S3Storage"
    assert shown["bucket"] == "hub-media"
    assert shown["endpoint"] == "https://s3.example.net"
    assert shown["region"] == "eu-west-2"
    assert shown["signed"] is False  # a public domain: addresses that never expire
    assert shown["overwrite"] is False
    assert shown["object_parameters"]["ContentDisposition"] == "attachment"
    assert shown["image_url"] == "https://media.hub.example.gov.uk/original_images/bins.jpg"
    assert shown["media_url"] == "https://media.hub.example.gov.uk/"


def test_without_a_public_domain_s3_addresses_are_signed():
    shown = _settings(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="hub-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_ACCESS_KEY_ID="example-key-id",
        AWS_SECRET_ACCESS_KEY="example-secret",  # noqa: S106
    )
    assert shown["signed"] is True
    assert shown["image_url"].startswith(
        "https://s3.example.net/hub-media/original_images/bins.jpg?"
    )
    assert "Signature=" in shown["image_url"] or "X-Amz-Signature=" in shown["image_url"]


def test_media_storage_s3_without_a_bucket_or_an_unknown_storage_stops_the_server():
    assert "needs AWS_STORAGE_BUCKET_NAME" in _refused(DEBUG="true", MEDIA_STORAGE="s3")
    assert "MEDIA_STORAGE must be local or s3" in _refused(DEBUG="true", MEDIA_STORAGE="ftp")


def test_the_several_machines_environment_of_the_operations_guide_passes_check_deploy(tmp_path):
    clean = {
        k: v
        for k, v in os.environ.items()
        # the suite's own settings (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE)
        if k
        not in {
            "TASKS_BACKEND",
            "DEBUG",
            "SECURE_SSL_REDIRECT",
            "STATIC_MANIFEST",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "improvement_hub", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            **clean,
            "DEBUG": "false",
            "SECRET_KEY": "x" * 30 + "-production-like-secret-key-0123456789-abcdefghij",
            "ALLOWED_HOSTS": "hub.example.gov.uk",
            "CSRF_TRUSTED_ORIGINS": "https://hub.example.gov.uk",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'hub.sqlite3'}",
            "STATIC_MANIFEST": "true",
            "CACHE_URL": "redis://redis.internal:6379/1",
            "TASKS_BACKEND": "rq",
            "TASKS_REDIS_URL": "redis://redis.internal:6379/2",
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": "hub-media",
            "AWS_S3_REGION_NAME": "eu-west-2",
            "AWS_S3_CUSTOM_DOMAIN": "media.hub.example.gov.uk",
            "MEDIA_URL": "https://media.hub.example.gov.uk/",
            "TRUSTED_PROXIES": "10.0.0.0/8",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
