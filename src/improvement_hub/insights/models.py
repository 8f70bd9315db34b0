"""The insights' own data: precomputed daily aggregates (filled by a background task)."""
