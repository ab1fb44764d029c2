"""Share links: one per recipient, each showing the resume as a web page (and its PDF).

    owner ── POST /api/resumes/{id}/shares ──▶ Share (label, expiry, password, redaction,
             GET · DELETE .../shares[/{id}]        download allowed, frozen or latest)
    visitor ── GET /r/{token} ────────────────▶ the web resume: the template's own HTML,
               GET /r/{token}/pdf                 redacted on the server before rendering

A link's token (192 random bits) is shown once; only its SHA-256 is kept, and a visit finds
its link by that hash. A link that is unknown, expired, withdrawn or asked with a wrong password
answers the same page. Views and downloads are counted per link without cookies and without
keeping addresses (`counting`).
"""
