import pytest
from jinja2.exceptions import SecurityError

from resumate.rendering.environment import compile_template, display_url, safe_url


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


def test_urls() -> None:
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url("https://ex.com") == "https://ex.com"
    assert display_url("https://www.ex.com/") == "www.ex.com"
