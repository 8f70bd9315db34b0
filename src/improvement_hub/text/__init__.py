"""Pure-Python text tools: normalisation and similar-idea search (no Django)."""

from improvement_hub.text.normalise import normalise as normalise
from improvement_hub.text.similarity import Match as Match
from improvement_hub.text.similarity import SimilarityIndex as SimilarityIndex

__all__ = ["Match", "SimilarityIndex", "normalise"]
