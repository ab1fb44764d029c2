"""Reading the resumes people already have: PDF, Word, LinkedIn's export, plain text."""
