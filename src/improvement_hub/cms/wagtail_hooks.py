"""Wagtail hooks: the home page becomes the work list of whoever is signed in."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail import hooks
from wagtail.models import Page

from improvement_hub.cms.models import HomePage
from improvement_hub.cms.work import work_list_for


@hooks.register("before_serve_page")
def home_page_as_work_list(
    page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any
) -> HttpResponse | None:
    """Signed in, ``/`` is the person's work list (cms/work.py); signed out, the editors'
    home page. Read at request time: never cached with the page."""
    if not isinstance(page, HomePage) or not request.user.is_authenticated:
        return None
    context = {"page": page, "self": page, "sections": work_list_for(request.user)}
    return render(request, "cms/work_list.html", context)
