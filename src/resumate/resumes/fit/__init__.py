"""Fit to N pages: the loosest readable design on which a resume prints that short."""
