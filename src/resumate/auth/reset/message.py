"""The reset mail's words."""

from __future__ import annotations

from html import escape

from resumate.mail import Mail

SUBJECT = "Reset your Resumate password"


def reset_mail(to: str, link: str, minutes: int) -> Mail:
    text = (
        "Someone (we hope you) asked to reset the password of your Resumate account.\n\n"
        f"Choose a new password here; the link works once, for {minutes} minutes:\n\n"
        f"{link}\n\n"
        "If it wasn't you, ignore this mail: your password stays as it is.\n"
    )
    html = (
        '<div style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;'
        'color:#1f2937;max-width:32rem">'
        "<p>Someone (we hope you) asked to reset the password of your Resumate account.</p>"
        f'<p><a href="{escape(link)}" style="display:inline-block;padding:.6em 1.2em;'
        'background:#0f766e;color:#fff;border-radius:6px;text-decoration:none;font-weight:600">'
        "Choose a new password</a></p>"
        f"<p>The link works once, for {minutes} minutes. If it wasn't you, ignore this mail: "
        "your password stays as it is.</p></div>"
    )
    return Mail(to=to, subject=SUBJECT, text=text, html=html, link=link)
