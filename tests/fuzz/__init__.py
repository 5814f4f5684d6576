"""Hostile-input tests of the per-message steps: property-based, reproducible in CI, long on demand."""
