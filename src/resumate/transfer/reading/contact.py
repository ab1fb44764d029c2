"""The person's basics from the top of a resume: name, label, e-mail, phone, links, place.

The name is the largest text above the first section (the first line when all text is one
size); the label is the short line under it. Contact details are told by their form, wherever
they sit in the top lines or a "Contact" section: an e-mail address, a phone number, a link (a
known network's becomes a profile, named as the line names it, as does a known network's name
with a name on it: "GitHub: ada"), and a place ("London, GB").
A link printed without its scheme takes the one the file's link annotation has, else https.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from resumate.document.countries import country_code
from resumate.transfer.reading.lines import CELL, Line

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{6,}\d(?!\w)")
# A web address, with or without its scheme; the name before the ending has two letters or more,
# so that "M.Sc" or "B.A." is not taken for one.
LINK = re.compile(
    r"(?i)\b(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)*[a-z0-9-]{2,}\.[a-z]{2,}(?:/\S*)?"
)
# What sits between contact details on one line.
SEPARATORS = re.compile(r"\s*(?:\t|\s[·•|◦▪‧∙⋅/]\s|\s{3,})\s*")
NETWORKS = {
    "linkedin.com": "LinkedIn", "github.com": "GitHub", "gitlab.com": "GitLab",
    "twitter.com": "Twitter", "x.com": "X", "dribbble.com": "Dribbble", "behance.net": "Behance",
    "stackoverflow.com": "Stack Overflow", "medium.com": "Medium", "xing.com": "XING",
    "instagram.com": "Instagram", "youtube.com": "YouTube", "orcid.org": "ORCID",
    "scholar.google.com": "Google Scholar", "researchgate.net": "ResearchGate",
    "mastodon.social": "Mastodon", "bsky.app": "Bluesky", "kaggle.com": "Kaggle",
}  # fmt: skip
NETWORK_NAMES = {name.casefold(): name for name in NETWORKS.values()}
# A network's name and the person's name on it, with no address: "LinkedIn: ada-lovelace".
NAMED_HANDLE = re.compile(r"([^\W\d][\w ]*?):\s*([\w.-]+)")
SURE, LIKELY, GUESSED = 0.95, 0.8, 0.6


def read_basics(
    profile: list[Line], contact: list[Line], body: float
) -> tuple[dict[str, Any], dict[str, float]]:
    """The basics found in the lines above the first section and in a contact section."""
    basics: dict[str, Any] = {}
    sure: dict[str, float] = {}
    name_at = name_line(profile, body)
    rest = list(profile)
    if name_at is not None:
        name = rest.pop(name_at)
        basics["name"] = " ".join(name.cells)
        larger = name.size > body * 1.2 or name.heading
        sure["basics.name"] = SURE if larger else (LIKELY if name_at == 0 else GUESSED)
        # The label is under the name, or under a contact line set beside the name.
        for at in range(name_at, min(name_at + 2, len(rest))):
            following = rest[at]
            label = following.cells[0] if following.cells else ""
            if is_label(label):
                basics["label"] = label
                sure["basics.label"] = 0.85 if at == name_at else GUESSED
                # The contact details may share the label's line, set to its right.
                rest[at] = replace(following, text=CELL.join(following.cells[1:]), spans=())
                break
    pieces = [(piece, line) for line in rejoined([*rest, *contact]) for piece in split_pieces(line)]
    profiles: list[dict[str, str]] = []
    network_named: str | None = None
    leftovers: list[tuple[str, Line]] = []
    for piece, line in pieces:
        if piece.casefold() in NETWORK_NAMES or (line.bold and re.fullmatch(r"[^\W\d]+", piece)):
            known = NETWORK_NAMES.get(piece.casefold(), piece)
            linked = next((link for link in line.links if network_of(link) == known), None)
            if linked is not None:  # a link's text is the network's name: "[GitHub](https://…)"
                profiles.append({"network": known, "username": username(linked), "url": linked})
                sure[f"basics.profiles[{len(profiles) - 1}]"] = 0.9
            else:  # the network's name on its own, its address to follow
                network_named = known
            continue
        handle = NAMED_HANDLE.fullmatch(piece)  # "Twitter: ada", the name on it alone
        if handle and not LINK.fullmatch(handle.group(2)):
            on = NETWORK_NAMES.get(handle.group(1).casefold())
            if on is not None:
                linked = next((link for link in line.links if network_of(link) == on), None)
                entry = {"network": on, "username": handle.group(2), "url": linked}
                profiles.append({key: value for key, value in entry.items() if value})
                sure[f"basics.profiles[{len(profiles) - 1}]"] = LIKELY
                continue
        email = EMAIL.fullmatch(piece.removeprefix("mailto:"))
        if email and "email" not in basics:
            basics["email"] = email.group(0)
            sure["basics.email"] = SURE
        elif PHONE.fullmatch(piece) and "phone" not in basics:
            basics["phone"] = piece
            sure["basics.phone"] = SURE
        elif is_link_piece(piece):
            label, _, address = piece.rpartition(" ")
            url = full_link(address, line.links)
            # "LinkedIn linkedin.com/in/ada", "Twitter ada twitter.com", or the link alone.
            named, _, user = label.partition(" ")
            if network_named and named and not user:  # "Twitter", then "ada twitter.com"
                named, user = network_named, named
            network: str | None = named or network_named or network_of(url)
            if network is None and "url" not in basics:
                basics["url"] = url
                sure["basics.url"] = SURE
            elif network is not None:
                network = NETWORK_NAMES.get(network.casefold(), network)
                entry = {"network": network, "username": user or username(url), "url": url}
                profiles.append({key: value for key, value in entry.items() if value})
                sure[f"basics.profiles[{len(profiles) - 1}]"] = 0.9
            network_named = None
        elif (linked := only_link(line)) is not None and re.fullmatch(r"[\w.-]+", piece):
            # The link's text is a name on its network: "mayaokafor", linked to the profile.
            network = network_of(linked)
            if network is not None:
                profiles.append({"network": network, "username": piece, "url": linked})
                sure[f"basics.profiles[{len(profiles) - 1}]"] = LIKELY
            elif "url" not in basics:
                basics["url"] = linked
                sure["basics.url"] = LIKELY
        else:
            leftovers.append((piece, line))
    for key, value in linked_details([*rest, *contact]).items():
        if key not in basics:
            basics[key] = value
            sure[f"basics.{key}"] = LIKELY
    if profiles:
        basics["profiles"] = profiles
    location = next((place for text, _ in leftovers if (place := read_place(text))), None)
    if location:
        basics["location"] = location
        sure["basics.location"] = 0.8
    elif town := next((text for text, line in leftovers if is_town(text, line)), None):
        # A name alone among the contact details ("ada@example.com | +47 … | Oslo"): the town.
        basics["location"] = {"city": town}
        sure["basics.location"] = GUESSED
    return basics, sure


def is_town(text: str, line: Line) -> bool:
    """A place's name alone on a line of contact details: a few capitalised words, no digits."""
    words = text.split()
    on_contact_line = bool(EMAIL.search(line.text) or PHONE.search(line.text))
    named = all(word[:1].isupper() and word.replace("-", "").isalpha() for word in words)
    return on_contact_line and 1 <= len(words) <= 3 and named


def only_link(line: Line) -> str | None:
    """The one web link a line carries, if it carries one and no other."""
    web = [link for link in line.links if link.lower().startswith(("http://", "https://"))]
    return web[0] if len(web) == 1 else None


def detail(text: str) -> bool:
    """Whether a text is a contact detail: an e-mail address, a phone number, a link, a place."""
    bare = text.strip()
    return bool(
        EMAIL.search(bare) or PHONE.fullmatch(bare) or is_link_piece(bare) or read_place(bare)
    )


def linked_details(lines: list[Line]) -> dict[str, str]:
    """An e-mail address and a phone number from the lines' links (mailto:, tel:), for a file
    that wraps the address over two lines but links it whole."""
    found: dict[str, str] = {}
    for link in (link for line in lines for link in line.links):
        scheme, _, rest = link.partition(":")
        if scheme.lower() == "mailto" and EMAIL.fullmatch(rest.split("?")[0]):
            found.setdefault("email", rest.split("?")[0])
        elif scheme.lower() == "tel" and PHONE.fullmatch(rest):
            found.setdefault("phone", rest)
    return found


def rejoined(lines: list[Line]) -> list[Line]:
    """Lines with a detail wrapped onto the next ("2712 Broadway St, San Francisco," ...) joined."""
    joined: list[Line] = []
    for line in lines:
        if joined and joined[-1].text.endswith(",") and CELL not in joined[-1].text:
            last = joined[-1]
            joined[-1] = replace(
                last, text=f"{last.text} {line.text}", links=last.links + line.links
            )
        else:
            joined.append(line)
    return joined


def name_line(profile: list[Line], body: float) -> int | None:
    """Where the name is among the top lines: the largest text that is not a contact detail."""
    candidates = [
        (index, line)
        for index, line in enumerate(profile[:8])
        if not EMAIL.search(line.text) and not PHONE.search(line.text) and len(line.text) <= 80
    ]
    if not candidates:
        return None
    largest = max(line.size for _, line in candidates)
    return next(index for index, line in candidates if line.size == largest)


def is_label(text: str) -> bool:
    """Whether the text under the name is the person's label ("Senior Product Designer")."""
    return (
        0 < len(text) <= 100
        and not EMAIL.search(text)
        and not PHONE.search(text)
        and not LINK.search(text)
        and not {"address", "postalCode", "countryCode"} & set(read_place(text) or {})
    )


def is_link_piece(piece: str) -> bool:
    """A link, alone or after a short name of it ("Portfolio ada.dev")."""
    label, _, address = piece.rpartition(" ")
    return bool(LINK.fullmatch(address)) and len(label.split()) <= 3 and "@" not in address


def split_pieces(line: Line) -> list[str]:
    """A contact line's separate details."""
    return [piece.strip() for piece in SEPARATORS.split(line.text) if piece.strip(" ·•|")]


def full_link(printed: str, links: tuple[str, ...]) -> str:
    """The link a printed address stands for: the annotation's own, else with https."""
    key = link_key(printed)
    for found in links:
        link = found if re.match(r"(?i)[a-z][a-z0-9+.-]*:", found) else f"https://{found}"
        if link_key(link) == key:
            # Chromium writes a bare site's link with a slash the person did not type.
            bare_site = urlsplit(link).path == "/" and not printed.endswith("/")
            return link[:-1] if bare_site else link
    return printed if re.match(r"(?i)https?://", printed) else f"https://{printed}"


def link_key(link: str) -> str:
    bare = re.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", link.strip())
    return bare.rstrip("/").casefold()


def network_of(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return next((name for domain, name in NETWORKS.items() if host == domain), None)


def username(url: str) -> str:
    """The last part of a profile's path: "linkedin.com/in/ada" → "ada"."""
    parts = [part for part in urlsplit(url).path.split("/") if part]
    return parts[-1].lstrip("@") if parts else ""


def read_place(text: str) -> dict[str, str] | None:
    """A place as templates print one: "[street,] city[, region][, postal code][, country]",
    the country by its code or its name in any resume language."""
    parts = [part.strip() for part in text.split(",")]
    if not 2 <= len(parts) <= 5 or not all(parts) or any(len(part) > 60 for part in parts):
        return None
    if any(len(part.split()) > 5 for part in parts) or "@" in text:
        return None
    place: dict[str, str] = {}
    if re.fullmatch(r"[A-Z]{2}", parts[-1]):
        place["countryCode"] = parts.pop()
    elif country := country_code(parts[-1]):
        place["countryCode"] = country
        parts.pop()
    if len(parts) >= 2 and re.match(r"\d", parts[0]):
        place["address"] = parts.pop(0)
    postal = [part for part in parts[1:] if re.search(r"\d", part)]
    if postal:
        place["postalCode"] = postal[-1]
        parts.remove(postal[-1])
    if not parts or any(char.isdigit() for part in parts for char in part):
        return None
    place["city"] = parts[0]
    if len(parts) > 1:
        place["region"] = ", ".join(parts[1:])
    return place
