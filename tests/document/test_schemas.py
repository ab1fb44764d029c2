"""The JSON Resume data model against the standard's own schema data, plus its limits."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from resumate.document.fields import (
    MAX_DOCUMENT_BYTES,
    MAX_EXTRA_DEPTH,
    MAX_HIGHLIGHTS,
    MAX_LIST_ITEMS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
)
from resumate.document.schemas import JsonResume, dump_resume, parse_resume

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "shared" / "jsonresume"
if not (REFERENCE_DIR / "fixtures").is_dir():
    raise RuntimeError(f"JSON Resume reference data not found at {REFERENCE_DIR}")

Loc = tuple[str | int, ...]


def _load(relative: str) -> Any:
    return json.loads((REFERENCE_DIR / relative).read_text(encoding="utf-8"))


def _fixture_cases(want_valid: bool) -> list[Any]:
    cases = []
    for path in sorted((REFERENCE_DIR / "fixtures").glob("*.json")):
        if path.name == "dates.json":
            continue
        for name, doc in _load(f"fixtures/{path.name}").items():
            if re.search(r"invalid$", name, re.IGNORECASE):
                is_valid = False
            elif re.search(r"valid\d*$", name, re.IGNORECASE):
                is_valid = True
            else:
                raise RuntimeError(f"fixture case {path.name}:{name} is neither valid nor invalid")
            if is_valid == want_valid:
                cases.append(pytest.param(doc, id=f"{path.stem}-{name}"))
    if not cases:
        raise RuntimeError(f"no fixture cases found under {REFERENCE_DIR}")
    return cases


def _only_path(doc: Any) -> Loc:
    """The path down a fixture document whose objects and arrays each hold one entry."""
    path: list[str | int] = []
    while isinstance(doc, dict | list) and len(doc) == 1:
        key, doc = next(iter(doc.items())) if isinstance(doc, dict) else (0, doc[0])
        path.append(key)
    return tuple(path)


def _error_locs(doc: Any) -> list[Loc]:
    with pytest.raises(ValidationError) as caught:
        parse_resume(doc)
    return [error["loc"] for error in caught.value.errors()]


def _single_error(doc: Any) -> tuple[Loc, str]:
    with pytest.raises(ValidationError) as caught:
        parse_resume(doc)
    (error,) = caught.value.errors()
    return error["loc"], error["msg"]


def _nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("doc", _fixture_cases(want_valid=True))
def test_valid_fixture_case_is_accepted_and_round_trips(doc: Any) -> None:
    assert dump_resume(parse_resume(doc)) == doc


@pytest.mark.parametrize("doc", _fixture_cases(want_valid=False))
def test_invalid_fixture_case_is_rejected_at_its_field(doc: Any) -> None:
    assert _error_locs(doc) == [_only_path(doc)]


@pytest.mark.parametrize(("name", "value"), _load("fixtures/dates.json").items())
def test_dates_fixture_accepts_only_schema_dates(name: str, value: str) -> None:
    doc = {"work": [{"startDate": value}]}
    if name == "invalid":
        assert _single_error(doc) == (
            ("work", 0, "startDate"),
            "must be a date as YYYY, YYYY-MM or YYYY-MM-DD. “2013-12-021” does not read as a date.",
        )
    else:
        assert dump_resume(parse_resume(doc)) == doc


@pytest.mark.parametrize("value", ["2013", "2013-12", "2013-12-02"])
def test_each_date_precision_is_accepted(value: str) -> None:
    parse_resume({"awards": [{"date": value}]})


@pytest.mark.parametrize("value", ["13", "2013-1", "2013/12/02", "2013-12-02T10:00", "2013\n"])
def test_non_schema_date_is_rejected(value: str) -> None:
    assert _error_locs({"awards": [{"date": value}]}) == [("awards", 0, "date")]


def test_sample_resume_round_trips_unchanged_with_key_order() -> None:
    sample = _load("sample.resume.json")
    dumped = dump_resume(parse_resume(sample))
    assert dumped == sample
    assert json.dumps(dumped) == json.dumps(sample)


def test_unknown_keys_survive_at_top_level_and_inside_sections() -> None:
    doc = {
        "basics": {
            "name": "Ada",
            "pronouns": "she/her",
            "location": {"city": "London", "geo": {"lat": 51.5, "lon": -0.1}},
            "profiles": [{"network": "GitHub", "followers": 12}],
        },
        "work": [{"name": "Analytical Engines", "x-tags": ["math", None, True]}],
        "meta": {"version": "v1.0.0", "theme": "elegant"},
        "x-resumate": {"draft": True, "notes": None},
    }
    assert dump_resume(parse_resume(doc)) == doc


def test_unknown_key_spelled_like_a_python_field_name_stays_unknown() -> None:
    doc = {"work": [{"start_date": 2013}], "schema_": {"a": 1}}
    assert dump_resume(parse_resume(doc)) == doc


def test_python_names_in_a_request_body_stay_unknown_keys() -> None:
    # FastAPI validates bodies with plain model_validate: it must not read start_date as startDate.
    raw = {"work": [{"start_date": "2020", "name": "Acme"}]}
    assert dump_resume(JsonResume.model_validate(raw)) == raw


def test_error_locations_use_json_keys() -> None:
    assert _error_locs({"work": [{}, {"startDate": "soon"}]}) == [("work", 1, "startDate")]


@pytest.mark.parametrize(
    ("doc", "loc"),
    [
        ({"basics": {"name": 42}}, ("basics", "name")),
        ({"basics": {"phone": 7121172923}}, ("basics", "phone")),
        ({"education": [{"score": 4.0}]}, ("education", 0, "score")),
        ({"skills": [{"keywords": "HTML, CSS"}]}, ("skills", 0, "keywords")),
        ({"skills": [{"keywords": [1]}]}, ("skills", 0, "keywords", 0)),
        ({"work": {"name": "Pied Piper"}}, ("work",)),
        ({"work": ({"name": "Pied Piper"},)}, ("work",)),
        ({"basics": ["Richard"]}, ("basics",)),
        ({"basics": {"name": None}}, ("basics", "name")),
    ],
)
def test_wrong_json_type_is_rejected_without_coercion(doc: Any, loc: Loc) -> None:
    assert _error_locs(doc) == [loc]


def test_non_object_document_is_rejected() -> None:
    assert _error_locs(["not", "a", "resume"]) == [()]


def test_null_gets_a_message_saying_to_omit_the_field() -> None:
    assert _single_error({"meta": None}) == (("meta",), "may be omitted but must not be null")


def test_assigning_null_to_a_field_is_rejected() -> None:
    doc = parse_resume({"basics": {"name": "Ada"}})
    with pytest.raises(ValidationError):
        doc.basics = None


@pytest.mark.parametrize("url", ["piedpiper.example.com", "/me.png", "", "foo-bar-baz"])
def test_url_without_scheme_is_accepted(url: str) -> None:
    parse_resume({"basics": {"url": url, "image": url}, "projects": [{"url": url}]})


@pytest.mark.parametrize("email", ["richard@mail.com", "r+cv@localhost", ""])
def test_plausible_or_empty_email_is_accepted(email: str) -> None:
    parse_resume({"basics": {"email": email}})


@pytest.mark.parametrize("email", ["richard", "richard@", "@mail.com", "r h@mail.com"])
def test_email_without_local_part_and_domain_is_rejected(email: str) -> None:
    assert _single_error({"basics": {"email": email}}) == (
        ("basics", "email"),
        "must be an email address like name@example.com",
    )


# Each case is (document at the limit, document one past it, error location, message part).
LIMIT_CASES = [
    pytest.param(
        {"basics": {"name": "x" * MAX_SHORT_TEXT}},
        {"basics": {"name": "x" * (MAX_SHORT_TEXT + 1)}},
        ("basics", "name"),
        f"at most {MAX_SHORT_TEXT} characters",
        id="short-text",
    ),
    pytest.param(
        {"work": [{"summary": "x" * MAX_LONG_TEXT}]},
        {"work": [{"summary": "x" * (MAX_LONG_TEXT + 1)}]},
        ("work", 0, "summary"),
        f"at most {MAX_LONG_TEXT} characters",
        id="long-text",
    ),
    pytest.param(
        {"work": [{}] * MAX_LIST_ITEMS},
        {"work": [{}] * (MAX_LIST_ITEMS + 1)},
        ("work",),
        f"at most {MAX_LIST_ITEMS} items",
        id="section-entries",
    ),
    pytest.param(
        {"projects": [{"highlights": ["x"] * MAX_HIGHLIGHTS}]},
        {"projects": [{"highlights": ["x"] * (MAX_HIGHLIGHTS + 1)}]},
        ("projects", 0, "highlights"),
        f"at most {MAX_HIGHLIGHTS} items",
        id="highlights",
    ),
    pytest.param(
        {"skills": [{"keywords": ["x"] * MAX_HIGHLIGHTS}]},
        {"skills": [{"keywords": ["x"] * (MAX_HIGHLIGHTS + 1)}]},
        ("skills", 0, "keywords"),
        f"at most {MAX_HIGHLIGHTS} items",
        id="keywords",
    ),
    pytest.param(
        {"meta": {"x-tool": _nested(MAX_EXTRA_DEPTH)}},
        {"meta": {"x-tool": _nested(MAX_EXTRA_DEPTH + 1)}},
        ("meta", "x-tool"),
        f"at most {MAX_EXTRA_DEPTH} levels",
        id="extra-depth",
    ),
    pytest.param(
        {"x": "y" * (MAX_DOCUMENT_BYTES - len('{"x":""}'))},
        {"x": "y" * (MAX_DOCUMENT_BYTES - len('{"x":""}') + 1)},
        (),
        f"at most {MAX_DOCUMENT_BYTES} bytes",
        id="document-bytes",
    ),
]


@pytest.mark.parametrize(("at_limit", "over_limit", "loc", "message"), LIMIT_CASES)
def test_value_at_limit_is_accepted(at_limit: Any, over_limit: Any, loc: Loc, message: str) -> None:
    assert dump_resume(parse_resume(at_limit)) == at_limit


@pytest.mark.parametrize(("at_limit", "over_limit", "loc", "message"), LIMIT_CASES)
def test_value_over_limit_is_rejected_naming_field_and_limit(
    at_limit: Any, over_limit: Any, loc: Loc, message: str
) -> None:
    error_loc, error_message = _single_error(over_limit)
    assert error_loc == loc
    assert message in error_message


def test_document_size_counts_utf8_bytes() -> None:
    # "é" is one character but two bytes, so half as many of them already fill the budget.
    doc = {"x": "é" * (MAX_DOCUMENT_BYTES // 2)}
    assert _single_error(doc)[0] == ()


@pytest.mark.parametrize("value", [float("nan"), (1, 2), {1: "a"}, b"bytes"])
def test_unknown_key_holding_non_json_value_is_rejected(value: object) -> None:
    assert _single_error({"basics": {"x": value}}) == (("basics", "x"), "must be JSON data")
