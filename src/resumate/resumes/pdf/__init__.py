"""PDFs of resumes, and the exact HTML they are printed from (the live preview)."""
