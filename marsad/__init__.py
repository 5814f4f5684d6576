"""Marsad: Arabic news articles in, structured geocoded events out, on Kafka."""

__all__ = ["__version__"]

__version__ = "0.1.0"
