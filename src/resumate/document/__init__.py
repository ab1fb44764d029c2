"""The resume document, declared once: the JSON Resume models, the theme, the editor's fields.

Everything else (rendering, the API, the editor page) takes the document's shape from here.
"""
