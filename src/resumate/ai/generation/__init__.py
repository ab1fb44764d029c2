"""Writing help from a language model: rewrite, tailor, cover letter and suggested bullets.

Every answer is a proposal checked by the guard; nothing here changes a resume.
"""
