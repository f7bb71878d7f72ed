"""The components of the pipeline, one module per field family (their order: pipeline.py)."""

from . import claims, count, landing, place, quantities, sentences, statement, times, weapon

__all__ = ["claims", "count", "landing", "place", "quantities", "sentences", "statement", "times", "weapon"]
