"""Changing the account's e-mail address: confirmed from the new inbox, announced to the old."""
