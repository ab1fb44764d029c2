"""Direct uploads: the browser sends a resume file to the uploads bucket, not through the app.

    POST /api/resumes/import/uploads           a signed upload form (`tickets`), for one file
        browser ── POST the file ──▶ uploads bucket, `<owner>/<random>`
    POST /api/resumes/import/uploads/{id}      the app takes the file (reads, then removes it)
                                               and imports it like one sent in a form

Who signs the form decides what it may reach (`signers`): with the Cognito provider and an
identity pool, credentials the pool gives that one person, which IAM limits to their own folder
(`<identity id>/`); otherwise the app's own credentials, for a form naming one key. Either way
the form allows one key and up to 10 MB, and lasts minutes; the upload id that names the key is
sealed to the person it was given to (`tickets`), so no one else can import it.
"""
