"""The provenance guard: proposals may not state facts the master resume does not.

`check_changes` and `check_text` flag every new figure, date, organisation, name, title,
certificate and skill, contact details, over-long text and obeyed injected instructions;
`injection` cleans and fences untrusted job text before it goes into a prompt.
"""

from resumate.ai.guard.guard import Flag, FlagKind, check_changes, check_text

__all__ = ["Flag", "FlagKind", "check_changes", "check_text"]
