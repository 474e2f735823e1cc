"""Who said what, through whom: quotes with speaker, channel, denial and anonymity."""
from rasid.extract.quotes.extract import QuoteExtractor, extract_quotes

__all__ = ["QuoteExtractor", "extract_quotes"]
