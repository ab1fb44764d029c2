"""LinkedIn's data export read as a JSON Resume: every value from its cell, the rest named."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping
from typing import Any

import pytest

from resumate.document.schemas import dump_resume
from resumate.transfer.lenient import read_leniently
from resumate.transfer.reading.limits import Unreadable
from resumate.transfer.reading.linkedin import degree_parts, is_linkedin_export, read_linkedin

# The columns of each file as LinkedIn's export writes them.
PROFILE = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
           "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
           "Instant Messengers"]  # fmt: skip
EMAILS = ["Email Address", "Confirmed", "Primary", "Updated On"]
PHONES = ["Extension", "Number", "Type"]
POSITIONS = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
EDUCATION = ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"]
SKILLS = ["Name"]
LANGUAGES = ["Name", "Proficiency"]
CERTIFICATIONS = ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"]
PROJECTS = ["Title", "Description", "Url", "Started On", "Finished On"]
HONORS = ["Title", "Description", "Issued On"]
PUBLICATIONS = ["Name", "Published On", "Description", "Publisher", "Url"]
VOLUNTEERING = ["Company Name", "Role", "Cause", "Started On", "Finished On", "Description"]
Files = Mapping[str, str | bytes]
NOTES = 'Notes:\n"When exporting your connection data, you may notice that some are missing."\n\n'


def table(header: list[str], *rows: dict[str, str]) -> str:
    """A CSV as LinkedIn writes it: the header row, then each row's cells by column."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([row.get(column, "") for column in header] for row in rows)
    return out.getvalue()


def export(files: Files, folder: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(folder + name, content)
    return buffer.getvalue()


def profile(**cells: str) -> Files:
    """An export holding only a Profile.csv with these cells (keyword: column, spaces as _)."""
    return {"Profile.csv": table(PROFILE, {k.replace("_", " "): v for k, v in cells.items()})}


def read(files: Files) -> tuple[dict[str, Any], list[str]]:
    resume = read_linkedin(export(files))
    return resume.document, resume.warnings


FULL = {
    "Profile.csv": table(PROFILE, {
        "First Name": " Jürgen ", "Last Name": "Müller-Lüdenscheidt",
        "Headline": "Staff Engineer at Zalando", "Zip Code": "10115",
        "Summary": "Ich baue verlässliche Systeme.\n\nBuilding calm, reliable software since 2010.",
        "Geo Location": "Berlin, Germany", "Twitter Handles": "[jmueller]",
        "Websites": "[PERSONAL:https://mueller.dev]",
    }),
    "Email Addresses.csv": table(EMAILS, {"Email Address": "jurgen@mueller.dev",
                                          "Confirmed": "Yes", "Primary": "Yes",
                                          "Updated On": "1/15/20, 3:45 PM"}),
    "PhoneNumbers.csv": table(PHONES, {"Number": "+49 30 1234567", "Type": "Mobile"}),
    "Positions.csv": table(POSITIONS, {
        "Company Name": "Zalando SE", "Title": "Staff Engineer", "Location": "Berlin, Germany",
        "Description": "Leads the checkout platform.\n• Cut p95 latency by 40 %\n- Mentored six",
        "Started On": "Mar 2021",
    }, {
        "Company Name": "Société Générale", "Title": "Développeur", "Started On": "Sep 2016",
        "Finished On": "Feb 2021", "Description": "Systèmes de paiement.",
    }),
    "Education.csv": table(EDUCATION, {
        "School Name": "Technische Universität München", "Start Date": "2010",
        "End Date": "2016", "Degree Name": "Master of Science in Informatik",
    }),
    "Skills.csv": table(SKILLS, {"Name": "Python"}, {"Name": "Verteilte Systeme"}),
    "Languages.csv": table(LANGUAGES, {"Name": "Deutsch",
                                       "Proficiency": "Native or bilingual proficiency"},
                           {"Name": "English"}),
    "Certifications.csv": table(CERTIFICATIONS, {
        "Name": "Certified Kubernetes Administrator", "Url": "https://www.credly.com/badges/1",
        "Authority": "The Linux Foundation", "Started On": "Jun 2022",
    }),
    "Projects.csv": table(PROJECTS, {
        "Title": "Übersetzer", "Description": "Ein Werkzeug.\n* Läuft offline",
        "Url": "https://github.com/jmueller/uebersetzer", "Started On": "Jan 2019",
        "Finished On": "Dec 2019",
    }),
    "Honors.csv": table(HONORS, {"Title": "Hackathon-Sieger", "Issued On": "Nov 2018",
                                 "Description": "Erster Platz."}),
    "Publications.csv": table(PUBLICATIONS, {
        "Name": "Zuverlässige Zahlungen", "Published On": "Jan 1, 2020", "Publisher": "heise",
        "Url": "https://heise.de/a/1", "Description": "Über Idempotenz.",
    }),
    "Volunteering.csv": table(VOLUNTEERING, {
        "Company Name": "CoderDojo Berlin", "Role": "Mentor", "Started On": "Jan 2018",
        "Description": "Teaching children to code.",
    }),
}  # fmt: skip

FULL_DOCUMENT = {
    "basics": {
        "name": "Jürgen Müller-Lüdenscheidt",
        "label": "Staff Engineer at Zalando",
        "email": "jurgen@mueller.dev",
        "phone": "+49 30 1234567",
        "url": "https://mueller.dev",
        "summary": "Ich baue verlässliche Systeme.\n\nBuilding calm, reliable software since 2010.",
        "location": {"postalCode": "10115", "city": "Berlin", "countryCode": "DE"},
        "profiles": [{"network": "Twitter", "username": "jmueller"}],
    },
    "work": [
        {
            "name": "Zalando SE",
            "location": "Berlin, Germany",
            "position": "Staff Engineer",
            "startDate": "2021-03",
            "summary": "Leads the checkout platform.",
            "highlights": ["Cut p95 latency by 40 %", "Mentored six"],
        },
        {
            "name": "Société Générale",
            "position": "Développeur",
            "startDate": "2016-09",
            "endDate": "2021-02",
            "summary": "Systèmes de paiement.",
        },
    ],
    "volunteer": [
        {
            "organization": "CoderDojo Berlin",
            "position": "Mentor",
            "startDate": "2018-01",
            "summary": "Teaching children to code.",
        }
    ],
    "education": [
        {
            "institution": "Technische Universität München",
            "area": "Informatik",
            "studyType": "Master of Science",
            "startDate": "2010",
            "endDate": "2016",
        }
    ],
    "awards": [{"title": "Hackathon-Sieger", "date": "2018-11", "summary": "Erster Platz."}],
    "certificates": [
        {
            "name": "Certified Kubernetes Administrator",
            "date": "2022-06",
            "url": "https://www.credly.com/badges/1",
            "issuer": "The Linux Foundation",
        }
    ],
    "publications": [
        {
            "name": "Zuverlässige Zahlungen",
            "publisher": "heise",
            "releaseDate": "2020-01-01",
            "url": "https://heise.de/a/1",
            "summary": "Über Idempotenz.",
        }
    ],
    "skills": [{"name": "Python"}, {"name": "Verteilte Systeme"}],
    "languages": [
        {"language": "Deutsch", "fluency": "Native or bilingual proficiency"},
        {"language": "English"},
    ],
    "projects": [
        {
            "name": "Übersetzer",
            "description": "Ein Werkzeug.",
            "highlights": ["Läuft offline"],
            "startDate": "2019-01",
            "endDate": "2019-12",
            "url": "https://github.com/jmueller/uebersetzer",
        }
    ],
}


def test_a_full_export_maps_every_documented_file() -> None:
    assert read(FULL) == (FULL_DOCUMENT, [])


def test_the_document_passes_the_import_unchanged_and_without_warnings() -> None:
    imported = read_leniently(read_linkedin(export(FULL)).document)
    assert imported.warnings == []
    assert dump_resume(imported.document) == FULL_DOCUMENT


@pytest.mark.parametrize(
    ("first", "last", "name"),
    [
        ("Zoë", "O'Brien", "Zoë O'Brien"),
        ("Анна", "Петрова", "Анна Петрова"),
        ("伟", "王", "王伟"),
        ("민준", "김", "김민준"),
        ("", "Ng", "Ng"),
    ],
)
def test_names_are_written_as_their_script_writes_them(first: str, last: str, name: str) -> None:
    document, _ = read(profile(First_Name=first, Last_Name=last))
    assert document["basics"]["name"] == name


def test_notes_above_the_header_row_are_skipped_and_rows_counted_as_in_the_file() -> None:
    positions = NOTES + table(POSITIONS, {"Company Name": "Acme", "Started On": "Sommer 2019"})
    document, warnings = read({"Positions.csv": positions})
    assert document == {"work": [{"name": "Acme"}]}
    assert warnings == [
        "Positions.csv, row 5: the Started On “Sommer 2019” is not a date the import can read; "
        "left out."
    ]


def test_files_are_found_in_a_subfolder_in_any_case() -> None:
    files: Files = {
        "PROFILE.CSV": table(PROFILE, {"First Name": "Ada"}),
        "email_addresses.csv": table(EMAILS, {"Email Address": "ada@lovelace.org"}),
    }
    data = export(files, folder="Basic_LinkedInDataExport_05-01-2024/")
    assert is_linkedin_export(data)
    assert read_linkedin(data).document == {"basics": {"name": "Ada", "email": "ada@lovelace.org"}}


def test_a_byte_order_mark_is_skipped() -> None:
    document, _ = read({"Skills.csv": "\ufeff" + table(SKILLS, {"Name": "Go"}), **profile()})
    assert document == {"skills": [{"name": "Go"}]}


def test_an_empty_finished_on_is_an_ongoing_position() -> None:
    rows = {"Company Name": "Acme", "Started On": "Jan 2020", "Finished On": ""}
    document, _ = read({"Positions.csv": table(POSITIONS, rows)})
    assert document["work"] == [{"name": "Acme", "startDate": "2020-01"}]


def test_dates_are_read_as_linkedin_writes_them() -> None:
    written = {"A": "01/15/2020", "B": "2019", "C": "Present", "D": "13/15/2020"}
    rows = [{"Name": name, "Started On": on} for name, on in written.items()]
    document, warnings = read({**profile(), "Certifications.csv": table(CERTIFICATIONS, *rows)})
    assert document["certificates"] == [
        {"name": "A", "date": "2020-01-15"},
        {"name": "B", "date": "2019"},
        {"name": "C"},
        {"name": "D"},
    ]
    assert warnings == [
        "Certifications.csv, row 5: the Started On “13/15/2020” is not a date the import can "
        "read; left out."
    ]


def test_the_primary_email_is_kept_and_the_others_are_named() -> None:
    emails = table(
        EMAILS,
        {"Email Address": "old@mueller.dev", "Confirmed": "Yes", "Primary": "No"},
        {"Email Address": "your@email.com", "Confirmed": "No", "Primary": "No"},
        {"Email Address": "jurgen@mueller.dev", "Confirmed": "Yes", "Primary": "Yes"},
    )
    document, warnings = read({**profile(), "Email Addresses.csv": emails})
    assert document == {"basics": {"email": "jurgen@mueller.dev"}}
    assert warnings == [
        "Email Addresses.csv, row 3: the e-mail address “your@email.com” is a placeholder, "
        "not an e-mail address; left out.",
        "Email Addresses.csv: a resume holds one e-mail address; kept jurgen@mueller.dev, "
        "left out old@mueller.dev.",
    ]


def test_missing_optional_files_leave_their_sections_out() -> None:
    positions = table(POSITIONS, {"Company Name": "Acme", "Title": "Engineer"})
    assert read({"Positions.csv": positions}) == (
        {"work": [{"name": "Acme", "position": "Engineer"}]},
        [],
    )


def test_columns_with_no_place_in_json_resume_are_named_once_per_file() -> None:
    education = table(
        EDUCATION,
        {"School Name": "TU Berlin", "Notes": "Thesis on compilers", "Activities": "Choir"},
        {"School Name": "FU Berlin", "Activities": "Rowing"},
    )
    _, warnings = read({**profile(Birth_Date="Mar 4, 1990"), "Education.csv": education})
    assert warnings == [
        "Profile.csv: Birth Date has no place in a JSON Resume; left out.",
        "Education.csv: Notes and Activities have no place in a JSON Resume; left out.",
    ]


def test_a_value_longer_than_its_field_is_left_out_with_a_warning() -> None:
    document, warnings = read(profile(First_Name="Ada", Headline="x" * 501, Summary="y" * 10_001))
    assert document == {"basics": {"name": "Ada"}}
    assert warnings == [
        "Profile.csv, row 2: the Headline is longer than the 500 characters it may have; left out.",
        "Profile.csv, row 2: the Summary is longer than the 10,000 characters it may have; "
        "left out.",
    ]


@pytest.mark.parametrize(
    ("geo", "location"),
    [
        ("Berlin, Germany", {"city": "Berlin", "countryCode": "DE"}),
        (
            "München, Bayern, Deutschland",
            {"city": "München", "region": "Bayern", "countryCode": "DE"},
        ),
        ("San Francisco Bay Area", {"city": "San Francisco Bay Area"}),
        ("Brazil", {"countryCode": "BR"}),
    ],
)
def test_the_geo_location_gives_city_region_and_a_country_named_in_full(
    geo: str, location: dict[str, str]
) -> None:
    document, _ = read(profile(Geo_Location=geo))
    assert document["basics"]["location"] == location


def test_the_personal_website_is_kept_and_the_others_are_named() -> None:
    websites = "[COMPANY:https://acme.com],[PERSONAL:https://ada.dev],[OTHER:nowhere]"
    document, warnings = read(profile(Websites=websites))
    assert document["basics"]["url"] == "https://ada.dev"
    assert warnings == [
        "Profile.csv, row 2: the website “nowhere” is not a link; left out.",
        "Profile.csv, row 2: a resume holds one website; kept https://ada.dev, left out "
        "https://acme.com.",
    ]


def test_a_linkedin_profile_is_added_only_from_a_profile_url_in_the_export() -> None:
    header = [*PROFILE, "Profile URL"]
    link = "https://www.linkedin.com/in/ada-lovelace"
    document, _ = read({"Profile.csv": table(header, {"First Name": "Ada", "Profile URL": link})})
    assert document["basics"]["profiles"] == [
        {"network": "LinkedIn", "username": "ada-lovelace", "url": link}
    ]
    assert "profiles" not in read(profile(First_Name="Ada"))[0]["basics"]


@pytest.mark.parametrize(
    ("degree", "study_type", "area"),
    [
        ("Master of Science in Informatik", "Master of Science", "Informatik"),
        ("Bachelor of Arts, Economics", "Bachelor of Arts", "Economics"),
        ("Doctor of Philosophy, Ph.D.", None, None),
        ("Master of Business Administration - MBA", None, None),
        ("Diploma in Business, Marketing", None, None),
    ],
)
def test_a_degree_is_split_into_type_and_area_only_when_clear(
    degree: str, study_type: str | None, area: str | None
) -> None:
    whole = {"studyType": degree}
    assert degree_parts(degree) == ({"area": area, "studyType": study_type} if area else whole)


def test_a_file_not_in_utf8_is_left_out_with_a_warning() -> None:
    document, warnings = read({**profile(First_Name="Ada"), "Skills.csv": b"Name\nGr\xfcn\n"})
    assert document == {"basics": {"name": "Ada"}}
    assert warnings == ["Skills.csv is not UTF-8 text, as LinkedIn writes it; left out."]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"First Name,Last Name\nAda,Lovelace\n", "This LinkedIn export is damaged or is not a"),
        (export({"Connections.csv": "First Name\n"}), "it has no Profile.csv or Positions.csv"),
    ],
)
def test_what_is_no_linkedin_export_is_unreadable(data: bytes, message: str) -> None:
    with pytest.raises(Unreadable, match=message):
        read_linkedin(data)
    assert not is_linkedin_export(data)


@pytest.mark.parametrize("megabytes", [60, 5])
def test_a_zip_bomb_is_unreadable(megabytes: int) -> None:
    data = export({**profile(), "Connections.csv": b"\0" * (megabytes * 2**20)})
    with pytest.raises(Unreadable, match="unpacks"):
        read_linkedin(data)


def test_a_damaged_file_in_the_zip_is_unreadable() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("Profile.csv", table(PROFILE, {"First Name": "Ada"}))
    data = buffer.getvalue().replace(b"Ada", b"Eve", 1)  # the stored bytes no longer match the CRC
    with pytest.raises(Unreadable, match=r"its Profile\.csv cannot be unpacked"):
        read_linkedin(data)


def test_a_word_file_is_no_linkedin_export() -> None:
    assert not is_linkedin_export(export({"word/document.xml": "<w:document/>"}))
