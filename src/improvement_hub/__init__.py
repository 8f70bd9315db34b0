"""Improvement Hub: the platform that runs a council's Improvement Hub."""

__version__ = "0.1.0"
