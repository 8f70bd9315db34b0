"""Editorial content: the home page, standard pages, news, stories and case studies, the
accessibility statement and the council's branding."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from improvement_hub.cms.blocks import ArticleStreamBlock
from improvement_hub.core import page_cache
from improvement_hub.council import selectors as council

_HEX_COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
HEX_COLOUR = RegexValidator(_HEX_COLOUR_PATTERN, "Enter a colour like #005a5a")


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of white text on ``hex_colour``."""
    return 1.05 / (_relative_luminance(hex_colour) + 0.05)


@register_setting(icon="image")
class BrandingSettings(BaseSiteSetting):
    """How the hub presents itself: a council's own brand, never the GOV.UK one."""

    service_name = models.CharField(max_length=80, default="Improvement Hub")
    organisation_name = models.CharField(
        max_length=120, blank=True, help_text="The council that runs the hub, shown in the footer."
    )
    strapline = models.CharField(max_length=160, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header on a white background, at most 48 pixels high.",
    )
    logo_alt_text = models.CharField(
        max_length=120, blank=True, help_text="For example: Birmingham City Council"
    )
    accent_colour = models.CharField(
        max_length=7,
        default="#005a5a",
        validators=[HEX_COLOUR],
        help_text="Header colour. White text on it must have a contrast ratio of at least 4.5:1.",
    )
    lab_name = models.CharField(
        "the Lab's name",
        max_length=80,
        blank=True,
        help_text="The Innovation Lab's own name, e.g. Brum Lab. Shown in the footer.",
    )
    lab_strapline = models.CharField("the Lab's strapline", max_length=160, blank=True)
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page is shared on social media (at least 1200 × 630 pixels).",
    )
    social_image_alt_text = models.CharField(max_length=250, blank=True)
    contact_email = models.EmailField(
        blank=True,
        help_text="Where people can ask for help: shown on error pages and the accessibility "
        "statement.",
    )

    panels = [
        FieldPanel("service_name"),
        FieldPanel("organisation_name"),
        FieldPanel("strapline"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading="Logo"),
        FieldPanel("accent_colour"),
        MultiFieldPanel(
            [FieldPanel("lab_name"), FieldPanel("lab_strapline")], heading="Innovation Lab"
        ),
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_image_alt_text")],
            heading="Social sharing",
        ),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = "branding"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if re.match(_HEX_COLOUR_PATTERN, self.accent_colour or "") and (
            contrast_with_white(self.accent_colour) < 4.5
        ):
            errors["accent_colour"] = (
                "Choose a darker colour: white text on it must have a contrast ratio of at "
                f"least 4.5:1 (this one has {contrast_with_white(self.accent_colour):.1f}:1)"
            )
        if self.logo_id and not self.logo_alt_text:
            errors["logo_alt_text"] = "Enter alternative text for the logo"
        if self.social_image_id and not self.social_image_alt_text:
            errors["social_image_alt_text"] = "Enter alternative text for the social sharing image"
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        changed = not self._state.adding  # the first read creates the row with the defaults
        super().save(*args, **kwargs)
        if changed:
            page_cache.bump_site()  # every stored page shows the branding


class StrandBlock(blocks.StructBlock):
    """One of the hub's four strands, as it appears on the home page."""

    title = blocks.CharBlock(max_length=80)
    summary = blocks.TextBlock(max_length=400)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        required=False, max_length=200, help_text="Used when no page is chosen, e.g. /ideas/"
    )

    class Meta:
        icon = "list-ul"
        template = "cms/blocks/strand.html"


class HomePage(Page):
    """The hub's front door: what it is, and its four strands."""

    intro = models.TextField(max_length=600, blank=True)
    body = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    strands = StreamField([("strand", StrandBlock())], blank=True, use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("strands"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.StandardPage", "cms.NewsIndexPage", "cms.AccessibilityStatementPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class StandardPage(Page):
    """An editorial page: about, accessibility statement, privacy notice, cookies."""

    summary = models.TextField(max_length=400, blank=True, help_text="Shown under the title.")
    body = RichTextField(
        features=["h2", "h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"]
    )
    last_reviewed = models.DateField(null=True, blank=True)
    menu_url = models.CharField(
        "menu link goes to",
        max_length=200,
        blank=True,
        validators=[RegexValidator(r"^/[^\s]*$", "Enter a path on this site, like /ideas/")],
        help_text="For a strand with its own pages, e.g. /ideas/. Blank: this page.",
    )

    promote_panels = [*Page.promote_panels, FieldPanel("menu_url")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = "standard page"


# --- news, stories and case studies -----------------------------------------------------------

ARTICLES_PER_PAGE = 10


class NewsIndexPage(Page):
    """News and stories: every news item, story and case study below it, newest first,
    filtered by the council priority it is tagged with."""

    intro = models.TextField(max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage", "cms.StoryPage", "cms.CaseStudyPage"]

    class Meta:
        verbose_name = "news index page"

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        context = super().get_context(request, *args, **kwargs)
        priorities = list(council.priority_list_active().only("id", "name", "slug", "position"))
        chosen = request.GET.get("priority", "")
        priority = next((p for p in priorities if p.slug == chosen), None)
        page_obj: PaginatorPage = Paginator(
            self.articles(priority=priority), ARTICLES_PER_PAGE
        ).get_page(request.GET.get("page"))
        context.update({"priorities": priorities, "priority": priority, "page_obj": page_obj})
        return context

    def articles(self, *, priority: Any = None) -> QuerySet["ArticlePage"]:
        """The live news items, stories and case studies below, newest first, with their
        priorities (a fixed number of queries whatever the number of articles)."""
        articles = ArticlePage.objects.child_of(self).live().public()
        if priority is not None:
            articles = articles.filter(priorities=priority)
        return (
            articles.select_related("content_type")
            .prefetch_related("priorities")
            .defer_streamfields()
            .order_by("-first_published_on", "-id")
        )


class ArticlePage(Page):
    """What a news item, a story and a case study share. Not created itself."""

    first_published_on = models.DateField(
        "date", help_text="Shown on the page and in the feed, e.g. 16 June 2017."
    )
    summary = models.TextField(
        max_length=300, help_text="One or two sentences, shown in lists, the feed and on shares."
    )
    priorities = ParentalManyToManyField(
        "council.Priority",
        blank=True,
        related_name="+",
        help_text="The council priorities it is about: readers filter news by them.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Used when the page is shared on social media.",
    )
    image_alt_text = models.CharField("alternative text", max_length=250, blank=True)
    body = StreamField(ArticleStreamBlock(), use_json_field=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("first_published_on"),
        FieldPanel("summary"),
        FieldPanel("priorities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text")], heading="Social sharing image"
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    is_creatable = False
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "cms/article_page.html"

    class Meta:
        verbose_name = "article"

    def clean(self) -> None:
        super().clean()
        if self.image_id and not self.image_alt_text:
            raise ValidationError({"image_alt_text": "Enter alternative text for the image"})

    @property
    def kind_label(self) -> str:
        return str(self.specific_class._meta.verbose_name).capitalize()


class NewsPage(ArticlePage):
    """News: something that happened or will happen."""

    template = "cms/article_page.html"

    class Meta:
        verbose_name = "news item"


class StoryPage(ArticlePage):
    """A story: a person's or a team's experience of a change."""

    template = "cms/article_page.html"

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"


class CaseStudyPage(ArticlePage):
    """A case study: what an initiative tried and what changed, with its measures' charts."""

    template = "cms/article_page.html"

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"


# --- the accessibility statement ----------------------------------------------------------


class KnownIssueBlock(blocks.StructBlock):
    """Something that does not meet WCAG 2.2 AA yet, and when it will."""

    problem = blocks.TextBlock(max_length=600, help_text="What does not work, for whom")
    criterion = blocks.CharBlock(
        max_length=120, help_text="The WCAG 2.2 success criterion, e.g. 1.4.10 Reflow"
    )
    fix_by = blocks.DateBlock(required=False, help_text="When we plan to fix it")

    class Meta:
        icon = "warning"


class AccessibilityStatementPage(Page):
    """An accessibility statement in the GOV.UK model format. How the service was tested is
    written from what its automated tests check (cms/accessibility.py); editors keep the
    known issues, the contact and the dates."""

    known_issues = StreamField(
        [("issue", KnownIssueBlock())],
        blank=True,
        use_json_field=True,
        help_text="Blank: the service says it fully complies with WCAG 2.2 AA.",
    )
    improvement_plan = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="What you are doing to improve accessibility.",
    )
    prepared_on = models.DateField(help_text="When the statement was first prepared")
    last_reviewed = models.DateField(null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("known_issues"),
        FieldPanel("improvement_plan"),
        FieldPanel("prepared_on"),
        FieldPanel("last_reviewed"),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "accessibility statement"

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        from improvement_hub.cms import accessibility

        context = super().get_context(request, *args, **kwargs)
        context["checks"] = accessibility.CHECKS
        context["standard"] = accessibility.STANDARD
        return context


from improvement_hub.cms.newsletter_models import (  # noqa: E402,F401
    NewsletterDelivery,
    NewsletterIssue,
    NewsletterSubscriber,
)
