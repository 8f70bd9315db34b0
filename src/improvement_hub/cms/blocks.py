"""The blocks a news item, story or case study is written in.

The chart of a measure is read live, at every view, through the cms selectors (which read
the initiatives app's): an editor can choose only a published measure, and a measure that
stops being published is not drawn, whatever a page saved earlier says.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.module_loading import import_string
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock


def _selector(name: str) -> Any:
    """A function of cms.selectors, found when it is called: the selectors read the pages
    these blocks belong to (cms.models), so importing them here would make a cycle."""
    return import_string(f"improvement_hub.cms.selectors.{name}")


TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

_PATH_ON_THIS_SITE = RegexValidator(
    r"^(/[^\s]*|https://[^\s]+)$", "Enter a path on this site, like /ideas/, or an https link"
)


def published_measure_choices() -> list[tuple[str, str]]:
    """The measures an editor may chart: published ones only (read at form time)."""
    return _selector("published_measure_choices")()


class ImageBlock(blocks.StructBlock):
    """An image with the words a screen reader says for it (required) and a caption."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        label="Alternative text",
        max_length=250,
        help_text="Describe what the image shows for someone who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=800)
    attribution = blocks.CharBlock(
        required=False, max_length=120, help_text="Who said it, e.g. ‘A parent in Sparkbrook’"
    )

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    """A headline number: what it is and where it comes from."""

    number = blocks.CharBlock(max_length=20, help_text="For example: 42%, £1.2m or 3 in 4")
    label = blocks.CharBlock(max_length=160, help_text="What the number counts")
    source = blocks.CharBlock(max_length=200, help_text="Where the number comes from, and when")

    class Meta:
        icon = "pick"
        template = "cms/blocks/figure.html"


class MeasureChartBlock(blocks.StructBlock):
    """An initiative's published measure: its SPC chart and its plain-English summary."""

    measure = blocks.ChoiceBlock(
        choices=published_measure_choices,
        help_text="Only the public measures of published initiatives can be chosen.",
    )
    heading = blocks.CharBlock(
        required=False, max_length=120, help_text="Blank: the measure's own name"
    )

    class Meta:
        icon = "chart"  # not in every icon set; Wagtail falls back quietly
        template = "cms/blocks/measure_chart.html"

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context=parent_context)
        context["chart"] = _selector("published_measure_chart")(value.get("measure"))
        return context


class CallToActionBlock(blocks.StructBlock):
    """One clear next step: a start button to a page of the hub or a link."""

    text = blocks.CharBlock(max_length=200, required=False, help_text="A sentence before it")
    button_text = blocks.CharBlock(max_length=60, help_text="For example: Refer a problem")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        required=False,
        max_length=300,
        validators=[_PATH_ON_THIS_SITE],
        help_text="Used when no page is chosen, e.g. /lab/refer/",
    )

    class Meta:
        icon = "link"
        template = "cms/blocks/call_to_action.html"

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or enter a link")}
            )
        return value


class ArticleStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=TEXT_FEATURES, template="cms/blocks/text.html")
    image = ImageBlock()
    quote = QuoteBlock()
    measure_chart = MeasureChartBlock(label="Chart of a measure")
    figure = FigureBlock()
    call_to_action = CallToActionBlock()
