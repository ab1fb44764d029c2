"""What an applicant tracking system reads from a resume's PDF, field by field."""
