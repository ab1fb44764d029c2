"""Tidying an imported resume with the person's assistant: a language model may move the text
the file reader put in the wrong field, and may add none.

The reader's result is complete on its own; this only refines it. Whatever the model answers,
every string it gives is checked against the file's own text (`check`), and one that is not there
is left as read. Contact details never reach the model (`private`).
"""
