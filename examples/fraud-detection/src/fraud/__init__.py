"""Card-transaction fraud scoring."""

__version__ = "0.3.1"
