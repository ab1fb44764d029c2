"""Every template prints every script in a real font: Arabic and Hebrew right to left, Chinese,
Japanese and Korean in their own glyph forms, emoji in Noto Emoji; each character typed is in
the text layer, under pdfminer (what most résumé parsers use) and poppler's `pdftotext`.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from resumate.rendering.renderer import Renderer
from tests.resume_parser import Line, lines_of, text_items
from tests.templates.test_template_pdfs import TEMPLATES, pdf_fonts, pdf_plain_text, print_pdf

ARABIC: dict[str, Any] = {
    "basics": {
        "name": "ليلى حسن",
        "label": "مهندسة برمجيات",
        "email": "layla@example.com",
        "phone": "+971 50 123 4567",
        "summary": "مهندسة برمجيات لديها خبرة عشر سنوات في بناء الأنظمة الموزعة والخدمات "
        "السحابية، وتقود فرق الهندسة نحو الإصدار المستمر.",
    },
    "work": [
        {
            "name": "شركة التقنية",
            "position": "مهندسة أولى",
            "startDate": "2019-03",
            "highlights": ["تقليل زمن الاستجابة بنسبة ٤٠٪", "لا تأخير في الإصدارات"],
        }
    ],
    "skills": [{"name": "الواجهات الخلفية", "keywords": ["بايثون", "قواعد البيانات"]}],
}
HEBREW: dict[str, Any] = {
    "basics": {
        "name": "נועה כהן",
        "label": "מהנדסת תוכנה",
        "email": "noa@example.com",
        "phone": "+972 52 123 4567",
        "summary": "מהנדסת תוכנה עם עשר שנות ניסיון בבניית מערכות מבוזרות ושירותי ענן, "
        "שמובילה צוותי פיתוח לשחרור רציף.",
    },
    "work": [
        {
            "name": "חברת הטכנולוגיה",
            "position": "מהנדסת בכירה",
            "startDate": "2019-03",
            "highlights": ["הפחתת זמן התגובה", "העברת שירותים לענן"],
        }
    ],
    "skills": [{"name": "צד שרת", "keywords": ["פייתון", "מסדי נתונים"]}],
}
RIGHT_TO_LEFT = {"ar": ARABIC, "he": HEBREW}
CJK: dict[str, tuple[str, dict[str, Any]]] = {
    "ja": (
        "NotoSansJP",
        {
            "basics": {
                "name": "山田 Hanako",
                "label": "ソフトウェアエンジニア",
                "summary": "分散システムの構築に十年の経験。直角の骨",
            },
            "work": [
                {
                    "name": "株式会社テック",
                    "position": "シニアエンジニア",
                    "highlights": ["応答時間を短縮"],
                }
            ],
        },
    ),
    "ko": (
        "NotoSansKR",
        {
            "basics": {
                "name": "김민준 Kim",
                "label": "소프트웨어 엔지니어",
                "summary": "분산 시스템 구축 경력 십 년.",
            },
            "work": [
                {
                    "name": "테크 주식회사",
                    "position": "선임 엔지니어",
                    "highlights": ["응답 시간 단축"],
                }
            ],
        },
    ),
    "zh-Hant": (
        "NotoSansTC",
        {
            "meta": {"language": "zh-Hant"},
            "basics": {
                "name": "陳 Wei",
                "label": "軟體工程師",
                "summary": "十年分散式系統與雲端服務經驗。",
            },
            "work": [
                {
                    "name": "科技股份有限公司",
                    "position": "資深工程師",
                    "highlights": ["縮短回應時間"],
                }
            ],
        },
    ),
    "zh-Hans": (
        "NotoSansSC",
        {
            "basics": {
                "name": "王 Wei",
                "label": "软件工程师",
                "summary": "十年分布式系统与云服务经验。",
            },
            "work": [
                {"name": "科技有限公司", "position": "高级工程师", "highlights": ["缩短响应时间"]}
            ],
        },
    ),
}
SYMBOLS = "✉ ☎ ★ 🚀 ✓"


def typed(data: dict[str, Any]) -> list[str]:
    """The strings a template prints exactly as typed (dates and addresses are reformatted)."""
    found: list[str] = []
    for key, value in data.items():
        if key == "meta":
            continue
        if isinstance(value, dict):
            found += typed(value)
        elif isinstance(value, list):
            for item in value:
                found += typed(item) if isinstance(item, dict) else [str(item)]
        elif not key.endswith("Date"):
            found.append(str(value))
    return found


def letters(data: dict[str, Any]) -> set[str]:
    return {char for text in typed(data) for char in text if not char.isspace()}


def missing(expected: set[str], text: str) -> list[str]:
    return sorted(
        f"U+{ord(char):04X} {unicodedata.name(char, '?')}" for char in expected - set(text)
    )


async def printed(renderer: Renderer, slug: str, data: dict[str, Any]) -> bytes:
    return await print_pdf(renderer, TEMPLATES[slug], data, {"pageSize": "A4"})


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
@pytest.mark.parametrize("language", sorted(RIGHT_TO_LEFT))
async def test_right_to_left_text_reads_back_whole(
    renderer: Renderer, tmp_path: Path, slug: str, language: str
) -> None:
    data = RIGHT_TO_LEFT[language]
    pdf = await printed(renderer, slug, data)
    items, _ = text_items(pdf)
    mined = "".join(item.text for item in items)
    assert missing(letters(data), mined) == []
    assert missing(letters(data), pdf_plain_text(pdf, tmp_path)) == []
    # pdfminer reads glyphs in drawing order: a right-to-left word backwards (numbers and Latin
    # words stay left to right), its joined letters and lam-alef included.
    words = {word.strip("،,.") for text in typed(data) for word in text.split()}
    words = {word for word in words if word.isalpha() and unicodedata.bidirectional(word[0]) != "L"}
    drawn = " ".join(line.text for line in lines_of(items))
    assert sorted(word for word in words if word[::-1] not in drawn) == []
    # poppler puts the words back in reading order.
    read = pdf_plain_text(pdf, tmp_path)
    assert sorted(word for word in words if word not in read) == []


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
@pytest.mark.parametrize("language", sorted(RIGHT_TO_LEFT))
async def test_right_to_left_lines_start_at_the_right(
    renderer: Renderer, slug: str, language: str
) -> None:
    """A one-word highlight sits against the right edge of the column a wrapped summary fills."""
    source = RIGHT_TO_LEFT[language]
    basics = source["basics"]
    word = source["work"][0]["position"].split()[0]
    data = {
        "basics": {key: basics[key] for key in ("name", "email")}
        | {"summary": " ".join([basics["summary"]] * 3)},
        "work": [{"name": source["work"][0]["name"], "highlights": [word]}],
    }
    items, widths = text_items(await printed(renderer, slug, data))
    lines = lines_of(items)
    paragraph = [line for line in lines if len(line.text) > 40]
    assert len(paragraph) >= 2
    left = min(edge(line, min) for line in paragraph)
    right = max(edge(line, max) for line in paragraph)
    short = next(line for line in lines if line.text == word[::-1])
    assert right - edge(short, max) < edge(short, min) - left
    if slug == "sidebar":  # the side column mirrors too: at the right
        email = next(item for item in items if item.text.strip() == basics["email"])
        assert email.x0 > widths[0] / 2


def edge(line: Line, pick: Any) -> float:
    """The line's left edge (`min`) or right edge (`max`)."""
    return float(pick(item.x0 if pick is min else item.x1 for item in line.items))


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
@pytest.mark.parametrize("language", sorted(RIGHT_TO_LEFT))
async def test_contact_details_stay_left_to_right_inside_right_to_left_text(
    renderer: Renderer, slug: str, language: str
) -> None:
    basics = RIGHT_TO_LEFT[language]["basics"]
    items, _ = text_items(await printed(renderer, slug, RIGHT_TO_LEFT[language]))
    # Drawn left to right as typed, not as "4567 123 50 971+".
    drawn = " ".join(line.text for line in lines_of(items))
    assert basics["phone"] in drawn
    assert basics["email"] in drawn


@pytest.mark.parametrize("slug", sorted(TEMPLATES))
@pytest.mark.parametrize("language", sorted(CJK))
async def test_cjk_prints_in_the_languages_own_glyph_forms(
    renderer: Renderer, tmp_path: Path, slug: str, language: str
) -> None:
    face, data = CJK[language]
    pdf = await printed(renderer, slug, data)
    fonts = {name.split("+")[-1] for name in pdf_fonts(pdf, tmp_path)}
    assert {f"{face}-Regular", f"{face}-Bold"} <= fonts
    # The other CJK faces are there for other scripts only: this text never reaches them.
    assert [
        name for name in fonts if name.startswith("NotoSans") and not name.startswith(face)
    ] == []
    items, _ = text_items(pdf)
    assert missing(letters(data), "".join(item.text for item in items)) == []
    assert missing(letters(data), pdf_plain_text(pdf, tmp_path)) == []
    # A bold name mixing CJK and Latin stays one line of real bold glyphs (no Type 3 pieces).
    name = data["basics"]["name"]
    line = next(line for line in lines_of(items) if name.split()[0] in line.text)
    assert line.text == name
    assert all(item.bold for item in line.items if item.text.strip())


@pytest.mark.parametrize("slug", ["classic", "modern"])
async def test_emoji_and_symbols_print_as_text(
    renderer: Renderer, tmp_path: Path, slug: str
) -> None:
    data = {"basics": {"name": "Ada Lovelace", "label": SYMBOLS, "summary": f"{SYMBOLS} ok"}}
    pdf = await printed(renderer, slug, data)
    assert any(name.split("+")[-1].startswith("NotoEmoji") for name in pdf_fonts(pdf, tmp_path))
    symbols = set(SYMBOLS) - {" "}
    items, _ = text_items(pdf)
    assert missing(symbols, "".join(item.text for item in items)) == []
    assert missing(symbols, pdf_plain_text(pdf, tmp_path)) == []


def test_template_styles_mirror_for_right_to_left_text() -> None:
    """Only logical properties (margin-inline-start, text-align: end, ...), never left or right."""
    physical = re.compile(
        r"(?:margin|padding|border|inset)-(?:left|right)|text-align:\s*(?:left|right)"
        r"|float:\s*(?:left|right)|(?<![\w-])(?:left|right):"
    )
    for slug, template in sorted(TEMPLATES.items()):
        code = re.sub(r"/\*.*?\*/", "", template.css, flags=re.S)
        assert physical.findall(code) == [], slug
