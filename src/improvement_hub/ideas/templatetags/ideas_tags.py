"""Template helpers for the Ideas Forum."""

from django import template
from django.contrib.auth.models import AnonymousUser
from django.template import Context

from improvement_hub.ideas import permissions
from improvement_hub.ideas.models import Comment, Idea

register = template.Library()


@register.simple_tag(takes_context=True)
def idea_author_name(context: Context, idea: Idea) -> str:
    """The author's name (‘A former member’ once they close their account), or ‘A member
    of staff’ if they chose to show it to the Hub Team only."""
    user = context.get("user") or AnonymousUser()
    if idea.is_by(user):
        return "You"
    if permissions.can_see_author(user, idea):
        return idea.author.public_name or "A member of staff"
    return "A member of staff"


@register.simple_tag(takes_context=True)
def can_edit_comment(context: Context, comment: Comment) -> bool:
    return permissions.can_edit_comment(context.get("user") or AnonymousUser(), comment)
