"""Loading the offline analyzers' word lists and checkers once, soon after the app starts.

A person's first check or match would otherwise wait for them (1 to 3 s: Harper, the dictionaries,
the skill gazetteer, the stemmers) while its request holds a database connection. The semantic
extra's model is left to load on first use: it is optional, and heavier.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from resumate.ai.check.service import check
from resumate.ai.match import scoring
from resumate.ai.match.service import posting
from resumate.document.sample import sample_resume

log = logging.getLogger("resumate")

JOB = "Software engineer. Python and PostgreSQL required; Kubernetes a plus."


def warm_analyzers() -> None:
    """Run the check and the match once on the sample resume; failures only log."""
    try:
        data = sample_resume()
        check(data, None, datetime.now(UTC).date())
        scoring.match(data, posting(JOB), meaning=False)
    except Exception as exc:  # a warm-up must never take the app down
        log.warning("warming the writing check and job match failed: %s", type(exc).__name__)
