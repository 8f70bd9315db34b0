"""The header's notification count."""

from django import template

from improvement_hub.notifications.selectors import notification_unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context: template.Context) -> int:
    user = context.get("user")
    return notification_unread_count(user=user) if user is not None else 0
