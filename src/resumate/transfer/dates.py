"""Dates as people write them in their files, read as the standard's YYYY, YYYY-MM or YYYY-MM-DD.

JSON Resume asks for ISO 8601, but files written by hand or by other tools say "Mar 2016",
"03/2016", "'16" or "heute". The readers are the document's own (`resumate.document.dates`), the
ones the editor reads typed dates by, so an import and a person typing agree on every date.
"""

from __future__ import annotations

from resumate.document.dates import NOW_WORDS, full_year, means_now, month_names, read_date

__all__ = ["NOW_WORDS", "full_year", "means_now", "month_names", "read_date"]
