"""AI assistance: offline analyzers that always run, and generation that proposes changes.

Nothing here writes a resume on its own: every generated result is a list of changes the person
accepts one by one, checked against the master resume's facts (`guard`).
"""
