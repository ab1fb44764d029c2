"""A resume exported as a file to use elsewhere: Word, Markdown, plain text, a page as PNG."""
