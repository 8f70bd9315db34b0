"""What an account lets a person do, as the sign-up page says it: only what is true now.

Higher apps add their own line when it holds (the spaces app: "join open sessions" while
open sessions are on the calendar), without accounts importing them: each registers a
function, in its ``AppConfig.ready``, that returns a short phrase or ``None``.
"""

from collections.abc import Callable

SignupOffer = Callable[[], str | None]

_offers: list[SignupOffer] = []


def signup_offer_register(offer: SignupOffer) -> None:
    """Adds ``offer`` (called on each sign-up page) to what the page may promise."""
    if offer not in _offers:
        _offers.append(offer)


def signup_offer_list() -> list[str]:
    """The phrases that hold now, in the order they were registered."""
    return [phrase for offer in _offers if (phrase := offer())]
