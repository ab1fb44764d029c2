"""What goes wrong with AI assistance, each error with its status and code.

ResumateError
├── AINotConfigured (503 ai_not_configured)      generation is off: no provider chosen
├── ProviderUnavailable (503 ai_unavailable)     timed out, refused, or the breaker is open
├── BadAnswer (502 ai_bad_answer)                no valid answer after the repair attempt
├── BudgetSpent (429 ai_budget_spent)            the day's tokens are used up
└── AIRateLimited (429 ai_rate_limited)          too many calls in a minute
"""

from __future__ import annotations

from resumate.errors import ResumateError, ServiceUnavailable, TooManyRequests


class AINotConfigured(ServiceUnavailable):
    code = "ai_not_configured"
    default_message = "Writing help is off: the site's operator has not chosen a language model."


class ProviderUnavailable(ServiceUnavailable):
    code = "ai_unavailable"
    default_message = "The language model did not answer. Try again shortly."


class BadAnswer(ResumateError):
    status = 502
    code = "ai_bad_answer"
    default_message = "The language model's answer could not be used. Try again."


class BudgetSpent(TooManyRequests):
    code = "ai_budget_spent"
    default_message = "You have used today's writing help. It renews at midnight UTC."


class AIRateLimited(TooManyRequests):
    code = "ai_rate_limited"
    default_message = "Too many requests for writing help. Wait a minute and try again."
