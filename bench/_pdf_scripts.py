"""The second table of the PDF benchmark: one resume in Latin, Japanese, Arabic and Hebrew.

The same layout and the same amount of text in each script, printed on the same warm renderer
in turns (Latin, Japanese, Arabic, Hebrew, Latin, ...), so a slower machine or a busy neighbour
weighs on every row alike. What differs is the fonts: a CJK face is 5 to 10 MB, its subset
and the corrected character maps are bigger, right-to-left text is shaped and reordered.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from resumate.rendering.document import Document, TemplateSource, render_document
from resumate.rendering.renderer import Renderer

SCRIPTS: dict[str, dict[str, Any]] = {
    "Latin": {
        "basics": {
            "name": "Hanna Berg",
            "label": "Software engineer",
            "summary": "Ten years of building distributed systems and cloud services.",
        },
        "work": [
            {
                "name": "Tech Company",
                "position": "Senior engineer",
                "startDate": "2019-03",
                "highlights": ["Cut response times by 40%", "Led the move to Kubernetes"],
            }
        ],
        "skills": [{"name": "Backend", "keywords": ["Python", "PostgreSQL", "Go"]}],
    },
    "Japanese": {
        "basics": {
            "name": "山田 花子",
            "label": "ソフトウェアエンジニア",
            "summary": "分散システムとクラウドサービスの構築に十年の経験があります。",
        },
        "work": [
            {
                "name": "株式会社テック",
                "position": "シニアエンジニア",
                "startDate": "2019-03",
                "highlights": ["応答時間を40%短縮", "Kubernetesへの移行を主導"],
            }
        ],
        "skills": [{"name": "バックエンド", "keywords": ["Python", "PostgreSQL", "Go"]}],
    },
    "Arabic": {
        "basics": {
            "name": "ليلى حسن",
            "label": "مهندسة برمجيات",
            "summary": "عشر سنوات من الخبرة في بناء الأنظمة الموزعة والخدمات السحابية.",
        },
        "work": [
            {
                "name": "شركة التقنية",
                "position": "مهندسة أولى",
                "startDate": "2019-03",
                "highlights": ["تقليل زمن الاستجابة بنسبة ٤٠٪", "قيادة الانتقال إلى Kubernetes"],
            }
        ],
        "skills": [{"name": "الواجهات الخلفية", "keywords": ["Python", "PostgreSQL", "Go"]}],
    },
    "Hebrew": {
        "basics": {
            "name": "נועה כהן",
            "label": "מהנדסת תוכנה",
            "summary": "עשר שנות ניסיון בבניית מערכות מבוזרות ושירותי ענן.",
        },
        "work": [
            {
                "name": "חברת הטכנולוגיה",
                "position": "מהנדסת בכירה",
                "startDate": "2019-03",
                "highlights": ["הפחתת זמן התגובה ב-40%", "הובלת המעבר ל-Kubernetes"],
            }
        ],
        "skills": [{"name": "צד שרת", "keywords": ["Python", "PostgreSQL", "Go"]}],
    },
}


@dataclass(frozen=True)
class ScriptRun:
    script: str
    samples_ms: list[float]
    size_kb: float


def documents(template: TemplateSource) -> dict[str, Document]:
    return {script: render_document(template, data, {}) for script, data in SCRIPTS.items()}


async def print_ms(renderer: Renderer, document: Document) -> tuple[float, int]:
    start = time.perf_counter()
    printed = await renderer.pdf(document.html, title=document.title, author=document.author)
    return (time.perf_counter() - start) * 1000, len(printed.data)


async def by_script(renderer: Renderer, template: TemplateSource, rounds: int) -> list[ScriptRun]:
    """Each script's print times, the scripts taking turns; one untimed round warms them up."""
    printable = documents(template)
    for document in printable.values():
        await print_ms(renderer, document)
    samples: dict[str, list[float]] = {script: [] for script in printable}
    sizes: dict[str, int] = {}
    for _ in range(rounds):
        for script, document in printable.items():
            elapsed, sizes[script] = await print_ms(renderer, document)
            samples[script].append(elapsed)
    return [ScriptRun(script, samples[script], sizes[script] / 1024) for script in printable]
