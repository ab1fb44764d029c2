import pytest
from jinja2.exceptions import SecurityError

from resumate.rendering.environment import (
    compile_template,
    date_range,
    display_url,
    month_year,
    safe_url,
)


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ ().__class__.__bases__[0].__subclasses__() }}",
        "{{ resume.__class__ }}",
        "{{ ''|attr('__class__') }}",
        "{{ resume|attr('__init__')|attr('__globals__') }}",
        "{{ resume.update({'x': 1}) }}",
        "{{ [].append(1) }}",
    ],
)
def test_sandbox_escapes_fail(source: str) -> None:
    with pytest.raises(SecurityError):
        compile_template(source).render(resume={"a": 1})


def test_values_are_autoescaped() -> None:
    html = compile_template("<p>{{ name }}</p>").render(name="<b>x</b>")
    assert html == "<p>&lt;b&gt;x&lt;/b&gt;</p>"


def test_template_syntax_in_data_is_not_evaluated() -> None:
    html = compile_template("{{ name }}").render(name="{{ 7*7 }}")
    assert html == "{{ 7*7 }}"


@pytest.mark.parametrize(
    ("date", "shown"), [("2014-12-01", "Dec 2014"), ("2014-12", "Dec 2014"), ("2014", "2014")]
)
def test_dates_read_like_a_resume(date: str, shown: str) -> None:
    assert month_year(date) == shown


def test_date_ranges() -> None:
    assert date_range("2013-12-01", "2014-12-01") == "Dec 2013 – Dec 2014"
    assert date_range("2013-12", None) == "Dec 2013 – Present"
    assert date_range("2016-08-24", "2016-08-24") == "Aug 2016"


def test_urls() -> None:
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url("https://ex.com") == "https://ex.com"
    assert display_url("https://www.ex.com/") == "www.ex.com"
