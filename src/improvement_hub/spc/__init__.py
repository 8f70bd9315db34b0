"""XmR charts by NHS England's Making Data Count method (pure Python, no Django)."""

from improvement_hub.spc.results import Direction as Direction
from improvement_hub.spc.results import Point as Point
from improvement_hub.spc.results import Segment as Segment
from improvement_hub.spc.results import SpcResult as SpcResult
from improvement_hub.spc.xmr import xmr as xmr

__all__ = ["Direction", "Point", "Segment", "SpcResult", "xmr"]
