"""What the assistant is shown: contact details as markers, put back in its answer."""

from __future__ import annotations

from typing import Any

from resumate.tidy.private import Private

READING: dict[str, Any] = {
    "basics": {
        "name": "Rosa Díaz",
        "label": "Charge nurse",
        "email": "rosa@example.com",
        "phone": "+1 555 0100",
        "location": {"address": "4 Elm Road", "city": "Tucson"},
        "profiles": [
            {"network": "LinkedIn", "username": "rosadiaz", "url": "https://li.example/rosadiaz"}
        ],
    },
    "work": [
        {
            "name": "St. Mary's Hospital",
            "url": "https://stmarys.example.org",
            "location": "Tucson",
            "summary": "Rosa Díaz ran nights 2019 - 2021 (call 520 555 0199, www.rosa.example)",
            "highlights": [
                "Built a Node.js rota on 15.03.2020",
                "Wrote to ward@stmarys.example.org",
            ],
        }
    ],
    "references": [{"name": "Dr. Ortiz", "reference": "Call 520 555 0123"}],
}


def test_the_assistant_sees_no_contact_detail() -> None:
    private = Private(READING)
    view = private.view(READING)
    assert view["basics"] == {"label": "Charge nurse"}
    assert "references" not in view
    job = view["work"][0]
    assert job["url"].startswith("[private ")
    assert job["location"].startswith("[private ")  # the person's own city, wherever it is
    assert job["summary"].startswith("[private ")
    assert "ran nights 2019 - 2021 (call [private" in job["summary"]
    assert job["highlights"][0] == "Built a Node.js rota on 15.03.2020"  # no link, no phone
    assert job["highlights"][1].startswith("Wrote to [private ")
    shown = str(view)
    hidden = ("Rosa", "rosa@", "555 0100", "520 555", "Elm Road", "stmarys.example", "rosa.example")
    assert [detail for detail in hidden if detail in shown] == []


def test_markers_are_put_back_and_made_up_ones_stay() -> None:
    private = Private(READING)
    view = private.view(READING)
    moved = {"work": [{**view["work"][0], "name": "[private 99]"}]}
    back = private.show(moved)
    assert back["work"][0]["url"] == "https://stmarys.example.org"
    assert back["work"][0]["summary"] == READING["work"][0]["summary"]
    assert back["work"][0]["name"] == "[private 99]"
