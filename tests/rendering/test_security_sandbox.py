"""The template sandbox: the classic SSTI escapes fail, templates reach no file, data stays data.

test_environment.py covers the first few escapes (''.__class__.__mro__, ().__class__.__bases__,
|attr('__class__'), |attr('__init__')|attr('__globals__'), update, append); these are the rest of
the usual list, each of which must raise SecurityError rather than render as a blank.
"""

from __future__ import annotations

import pytest
from jinja2.exceptions import SecurityError, TemplateNotFound
from markupsafe import escape

from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.environment import compile_template
from resumate.templates.builtin import load_builtins

CLASSIC = next(b for b in load_builtins() if b.slug == "classic")
TEMPLATE = TemplateSource(CLASSIC.html, CLASSIC.css, CLASSIC.defaults)


@pytest.mark.parametrize(
    "source",
    [
        # Jinja's own globals, the usual way to reach os.
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ joiner.__init__.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ lipsum|attr('__globals__') }}",
        "{{ range.__class__ }}",
        "{{ dict.__base__ }}",
        # The template's own reference and context.
        "{{ self._TemplateReference__context }}",
        "{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}",
        "{{ self.__init__.__globals__ }}",
        "{{ self.__dict__ }}",
        # Our own filters and globals are functions with __globals__ too.
        "{{ date_range.__globals__ }}",
        "{{ date_range.__code__ }}",
        "{{ (date_range|attr('__globals__'))['os'] }}",
        # Other spellings of the same attribute lookups.
        "{{ ''['__class__'] }}",
        "{{ resume['__class__'] }}",
        "{{ ''|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
        "{{ 'a'.__getattribute__('__class__') }}",
        "{{ '{0.__class__}'.format(resume) }}",
        "{{ '{x.__class__}'.format_map({'x': resume}) }}",
        "{{ '%s'|format(resume.__class__) }}",
        "{{ resume.items.__self__ }}",
        "{{ 'x'.translate.__self__ }}",
        "{{ config.__class__.__init__.__globals__ }}",
        "{% set n = namespace() %}{{ n.__class__ }}",
        "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
        "{{ resume|attr('__class__')|attr('__mro__') }}",
        # Changing the data the template was given.
        "{{ resume.pop('basics') }}",
        "{{ resume.clear() }}",
        "{{ resume.setdefault('x', 1) }}",
        "{{ resume.work.sort() }}",
        "{{ resume.work.pop() }}",
    ],
)
def test_sandbox_escapes_raise(source: str) -> None:
    with pytest.raises(SecurityError):
        compile_template(source).render(resume={"basics": {"name": "Ada"}, "work": [1, 2]})


@pytest.mark.parametrize(
    "source",
    [
        "{% include '/etc/passwd' %}",
        "{% import '/etc/passwd' as passwd %}",
        "{% from '/etc/passwd' import root %}",
        "{% extends '/etc/passwd' %}",
        "{% include '../../../../etc/passwd' %}",
    ],
)
def test_templates_cannot_load_files(source: str) -> None:
    with pytest.raises((TypeError, TemplateNotFound)):  # there is no loader at all
        compile_template(source).render()


def test_huge_ranges_are_refused() -> None:
    with pytest.raises(OverflowError):
        compile_template("{{ range(10**9)|list|length }}").render()


TEMPLATE_SYNTAX = [
    "{{ 7*7 }}",
    "{% for i in range(3) %}X{% endfor %}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{# hidden #}",
    "{% raw %}{{ 7*7 }}{% endraw %}",
    "${7*7} #{7*7} <%= 7*7 %>",
]


@pytest.mark.parametrize("syntax", TEMPLATE_SYNTAX)
def test_template_syntax_in_resume_data_renders_literally(syntax: str) -> None:
    data = {
        "basics": {"name": syntax, "summary": syntax, "profiles": [{"network": syntax}]},
        "work": [{"name": syntax, "highlights": [syntax]}],
        "skills": [{"name": syntax, "keywords": [syntax]}],
        "meta": {"language": syntax},
    }
    html = render_document(TEMPLATE, data, {}).html
    # As written in title, heading and every plain field; the summary and highlight may show
    # some of it as *italic*, which is their inline formatting, not evaluation. The `lang`
    # attribute takes only a language the app knows, never the data's text.
    assert html.count(str(escape(syntax))) >= 6
    assert '<html lang="en" dir="ltr">' in html
    assert "49" not in html
    assert "XXX" not in html
    assert "uid=" not in html
