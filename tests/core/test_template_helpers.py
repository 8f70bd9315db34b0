from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.core.paginator import Paginator

from improvement_hub.core.templatetags.hub_forms import elided_pages, error_summary, govuk_datetime

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 11, 25, 6, 15, tzinfo=LONDON), "25 November 2026 at 6:15am"),
        (datetime(2026, 11, 25, 12, 0, tzinfo=LONDON), "25 November 2026 at midday"),
        (datetime(2026, 11, 25, 0, 0, tzinfo=LONDON), "25 November 2026 at 12am"),
        (datetime(2026, 7, 1, 17, 5, tzinfo=LONDON), "1 July 2026 at 5:05pm"),
        (datetime(2026, 7, 1, 16, 5, tzinfo=ZoneInfo("UTC")), "1 July 2026 at 5:05pm"),
    ],
)
def test_govuk_datetime_in_london_time(moment, expected):
    assert govuk_datetime(moment) == expected
    assert govuk_datetime(None) == ""


def test_elided_pages_centre_on_the_current_page():
    page = Paginator(range(500), 10).get_page(25)
    numbers = elided_pages(page)
    assert 25 in numbers
    assert numbers[0] == 1
    assert numbers[-1] == 50


class _Form(forms.Form):
    name = forms.CharField()
    choice = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)

    def clean(self):  # type: ignore[no-untyped-def]
        raise forms.ValidationError("Something about the whole form")


def test_error_summary_links_each_error_to_its_field():
    form = _Form(data={})
    form.is_valid()
    items = error_summary(form)["items"]
    assert {"text": "Something about the whole form", "href": "#id_name"} in items
    assert {"text": "This field is required.", "href": "#id_name"} in items
    assert {"text": "This field is required.", "href": "#id_choice_1"} in items
