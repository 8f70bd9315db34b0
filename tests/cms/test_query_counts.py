"""Pages run a fixed number of SQL queries, whatever the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from improvement_hub.cms.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def _queries(client, path: str) -> int:  # type: ignore[no-untyped-def]
    client.get(path)  # warm caches that are per process, not per request
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/", "/about/", "/accounts/login/"])
def test_page_queries_do_not_grow_with_content(client, demo, path):
    before = _queries(client, path)
    home = HomePage.objects.get()
    for n in range(12):
        page = StandardPage(
            title=f"Extra {n}", slug=f"extra-{n}", body="<p>x</p>", show_in_menus=True
        )
        home.add_child(instance=page)
    after = _queries(client, path)
    assert after == before, f"{path}: {before} queries before, {after} after"
    assert before <= 12
