"""Template helpers for the Ideas Forum."""

from django import template

from improvement_hub.ideas import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def idea_author_name(context, idea) -> str:  # type: ignore[no-untyped-def]
    """The author's name (‘A former member’ once they close their account), or ‘A member
    of staff’ if they chose to show it to the Hub Team only."""
    user = context.get("user")
    if user is not None and user.is_authenticated and idea.author_id == user.pk:
        return "You"
    if permissions.can_see_author(user, idea):
        return idea.author.public_name or "A member of staff"
    return "A member of staff"


@register.simple_tag(takes_context=True)
def can_edit_comment(context, comment) -> bool:  # type: ignore[no-untyped-def]
    return permissions.can_edit_comment(context.get("user"), comment)
