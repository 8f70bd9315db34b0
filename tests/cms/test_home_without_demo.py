"""The site before any demo: migrations alone make a working home page."""

import pytest

from improvement_hub.cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_home_page_exists_after_migrate_without_demo(client):
    assert HomePage.objects.count() == 1
    assert client.get("/").status_code == 200
