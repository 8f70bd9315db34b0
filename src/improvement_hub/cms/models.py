"""Editorial content: the home page, standard pages and the council's branding."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

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

    panels = [
        FieldPanel("service_name"),
        FieldPanel("organisation_name"),
        FieldPanel("strapline"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading="Logo"),
        FieldPanel("accent_colour"),
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
        if errors:
            raise ValidationError(errors)


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
    subpage_types = ["cms.StandardPage"]
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
