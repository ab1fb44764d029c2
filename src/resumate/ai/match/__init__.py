"""Job match: how well a resume fits a job, explained, offline (see `scoring`)."""
