"""Wagtail hooks: the home page becomes the work list of whoever is signed in."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail import hooks
from wagtail.models import Page

from improvement_hub.accounts.permissions import has_role, is_hub_team
from improvement_hub.accounts.roles import Role
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
    user = request.user
    hub_team = is_hub_team(user)
    context = {
        "page": page,
        "self": page,
        "sections": work_list_for(user),
        # the insights app's rule (Leadership and the Hub Team), read from the roles here:
        # cms and insights are independent apps of the same layer
        "sees_insights": hub_team or has_role(user, Role.LEADERSHIP),
        "writes_newsletter": hub_team,
    }
    return render(request, "cms/work_list.html", context)
