"""Issue 10, item 16: the About page is linked from the footer of every page."""

import re

import pytest
from django.test import Client


@pytest.mark.django_db
def test_every_page_links_to_about_from_the_footer(demo):
    for path in ["/", "/ideas/", "/initiatives/", "/no-such-page/"]:
        page = Client().get(path)
        footer = re.search(r"<footer.*?</footer>", page.text, re.S)
        assert footer, path
        assert 'href="/about/"' in footer.group(0), path
    assert Client().get("/about/").status_code == 200
