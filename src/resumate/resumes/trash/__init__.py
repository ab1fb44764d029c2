"""The trash: resumes deleted, restorable for the retention period, then purged."""
