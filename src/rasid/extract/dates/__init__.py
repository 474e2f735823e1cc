"""When: Arabic (and English) date expressions resolved to calendar dates.

    text --parse--> Parsed expressions --resolve(publication date)--> DateRef values
"""
from rasid.extract.dates.extractor import DateExtractor, extract_dates, is_future

__all__ = ["DateExtractor", "extract_dates", "is_future"]
