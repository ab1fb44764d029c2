"""The parser check on a resume with a section of its own and headings the person renamed."""

from __future__ import annotations

import copy

import httpx

from resumate.document.sample import sample_resume
from tests.helpers import create_resume, sign_up
from tests.transfer.report.test_router import report, template_id

PATENTS = {"id": "pat1", "title": "Patents", "items": [{"name": "Folding hinge"}]}


async def test_a_custom_section_reads_as_text_and_costs_no_field(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    classic = await template_id(client, account, "classic")
    reports = []
    for custom in ([], [PATENTS]):
        data = copy.deepcopy(sample_resume()) | {"customSections": custom}
        resume = await create_resume(client, account, data=data, templateId=classic)
        reports.append(await report(client, account, resume["id"]))
    without, with_patents = reports
    assert with_patents["score"] == without["score"]
    assert with_patents["findings"] == without["findings"]
    assert [f["path"] for f in with_patents["fields"]] == [f["path"] for f in without["fields"]]
    assert "patents" in [line.casefold() for line in with_patents["text"]]
    assert "Folding hinge" in " ".join(with_patents["text"])


async def test_a_heading_parsers_do_not_know_is_a_finding(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    classic = await template_id(client, account, "classic")
    known = {"work": "Work experience", "education": "Qualifications"}  # names parsers know
    for titles, codes in ((known, []), ({"work": "Studio work"}, ["headings"])):
        resume = await create_resume(
            client,
            account,
            data=sample_resume(),
            templateId=classic,
            theme={"sectionTitles": titles},
        )
        found = await report(client, account, resume["id"])
        assert [f["code"] for f in found["findings"] if f["code"] == "headings"] == codes
        if codes:
            assert "“Studio work”" in found["findings"][-1]["message"]
