"""The writing coach, date and contact checks, and offline spelling and grammar."""
