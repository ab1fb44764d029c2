"""Where a PDF page's glyphs stand, turned into rows, runs and columns in reading order.

A glyph knows only its box. Glyphs on one baseline make a row; a row breaks into runs wherever
a gap wider than `CELL_GAP` ems stands between two glyphs, or, on a page that draws its blanks,
a gap wider than `BOX_GAP` with no blank in it (a date set flush right, the items of a contact
line, a table's cells, or the two columns of a page). A page has two columns where some band of
its rows leaves an upright strip of the page (the gutter) that no run crosses, with text on both
sides — and the two sides are separate flows of text: rows of one side sit between the lines of
a paragraph on the other. A date column or a column of section headings beside the entries
shares its rows with the other side or stands in its gaps, so it stays on one line with what it
dates (a cell).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from resumate.transfer.reading.glyphs import Glyph, Row, Run

# A gap between two glyphs of a row wider than this many ems starts a new run.
CELL_GAP = 1.5
# Where a page draws its blanks (as browsers and word processors do), a gap without one that is
# wider than this is a new run too: boxes set side by side, not words.
BOX_GAP = 0.8
BLANKS_SHARE = 0.03
# Glyphs whose baselines differ by less than this share of their size are on one row.
BASELINE_TOLERANCE = 0.3
# A drawn-over copy of a glyph (poor man's bold) starts within this share of its width.
OVERPRINT = 0.3
# Columns: each side holds this many rows; the band of rows they share is this share of the
# page's height at least; this many rows of a side sit inside the other side's paragraphs (whose
# lines are at most `PARAGRAPH_PITCH` ems apart). Pages with more rows are read as one column.
MIN_SIDE_ROWS = 5
MIN_BAND_SHARE = 0.3
MIN_INTERLEAVED = 3
PARAGRAPH_PITCH = 2.2
MAX_ROWS_FOR_COLUMNS = 250
GRID_CELLS = 300
CANDIDATES = 8


def rows_of(glyphs: list[Glyph]) -> list[Row]:
    """The page's rows from top to bottom, each split into runs."""
    rows: list[Row] = []
    batch: list[Glyph] = []
    anchor: Glyph | None = None
    blanks = sum(glyph.blank for glyph in glyphs) >= BLANKS_SHARE * len(glyphs)
    for glyph in sorted(glyphs, key=lambda g: -g.baseline):
        if anchor is not None and anchor.baseline - glyph.baseline > BASELINE_TOLERANCE * min(
            max(anchor.size, 1.0), max(glyph.size, 1.0)
        ):
            rows.extend(_row(batch, blanks))
            batch = []
            anchor = None
        if anchor is None and not glyph.blank:
            anchor = glyph
        batch.append(glyph)
    rows.extend(_row(batch, blanks))
    return rows


def _row(glyphs: list[Glyph], blanks: bool) -> list[Row]:
    runs: list[Run] = []
    words: list[Glyph] = []
    for glyph in sorted(glyphs, key=lambda g: g.x0):
        last = words[-1] if words else None
        if glyph.blank:
            if last is not None and not last.blank:
                words.append(glyph)
            continue
        if last is not None and _overprinted(last, glyph):
            # The same glyph drawn again a hair to the right is bold; on the spot, a copy.
            words[-1] = replace(last, bold=last.bold or glyph.x0 - last.x0 > 0.01 * last.size)
            continue
        before = next((word for word in reversed(words) if not word.blank), None)
        if before is not None and _apart(before, glyph, blanks and not words[-1].blank):
            runs.append(Run(_trimmed(words)))
            words = []
        words.append(glyph)
    runs.append(Run(_trimmed(words)))
    runs = [run for run in runs if run.glyphs]
    return [Row(max(g.baseline for g in glyphs), runs)] if runs else []


def _apart(before: Glyph, glyph: Glyph, boxes: bool) -> bool:
    em = (before.size + glyph.size) / 2
    return glyph.x0 - before.x1 > (BOX_GAP if boxes else CELL_GAP) * em


def _overprinted(last: Glyph, glyph: Glyph) -> bool:
    width = last.x1 - last.x0
    return glyph.text == last.text and width > 0 and glyph.x0 - last.x0 <= OVERPRINT * width


def _trimmed(glyphs: list[Glyph]) -> list[Glyph]:
    while glyphs and glyphs[-1].blank:
        glyphs.pop()
    return glyphs


@dataclass(frozen=True, slots=True)
class _Rules:
    """What makes a band two columns: rows on each side, share of the page, rows interleaved."""

    side_rows: int
    page_share: float
    interleaved: int
    header: bool = False  # a band at the top of the page, ending where one side does


BODY = _Rules(MIN_SIDE_ROWS, MIN_BAND_SHARE, MIN_INTERLEAVED)
# A résumé's header of two blocks side by side: the name on one side, contact details on the other.
HEADER = _Rules(2, 0.0, 1, header=True)
HEADER_ROWS = 10


@dataclass(slots=True)
class _Band:
    """Rows `start:end` of a region, split at `x` into two columns."""

    start: int
    end: int
    x: float
    extent: float = field(default=0.0)


def reading_order(
    rows: list[Row], page_height: float, rtl: bool = False, first_page: bool = False
) -> list[Row]:
    """The rows in reading order: above a two-column band, its first column, its second, below.

    Rows split at the gutter come back as two rows, `column` 0 for the one read first: the left
    column, or the right one on a page set right to left. On the first page, a header of two
    blocks side by side is read block by block too.
    """
    if len(rows) > MAX_ROWS_FOR_COLUMNS:
        return rows
    return _ordered(rows, page_height, rtl, first_page)


def _ordered(rows: list[Row], page_height: float, rtl: bool, top: bool) -> list[Row]:
    band = _band(rows, page_height, BODY)
    if band is None:
        return _headed(rows, page_height, rtl) if top else rows
    above = _ordered(rows[: band.start], page_height, rtl, top)
    below = _ordered(rows[band.end :], page_height, rtl, False)
    return above + _columns(rows[band.start : band.end], band.x, rtl) + below


def _headed(rows: list[Row], page_height: float, rtl: bool) -> list[Row]:
    band = _band(rows[:HEADER_ROWS], page_height, HEADER)
    if band is None:
        return rows
    rest = _ordered(rows[band.end :], page_height, rtl, False)
    return _columns(rows[: band.end], band.x, rtl) + rest


def _columns(rows: list[Row], x: float, rtl: bool) -> list[Row]:
    """The band's rows split at `x`: the first column's, then the second's."""
    left: list[Row] = []
    right: list[Row] = []
    for row in rows:
        sides = ([run for run in row.runs if run.x1 <= x], [run for run in row.runs if run.x1 > x])
        left += [Row(row.baseline, sides[0], int(rtl))] if sides[0] else []
        right += [Row(row.baseline, sides[1], int(not rtl))] if sides[1] else []
    return right + left if rtl else left + right


def _band(rows: list[Row], page_height: float, rules: _Rules) -> _Band | None:
    """The tallest band of rows with a gutter between two flows of text, if any."""
    runs = [run for row in rows for run in row.runs]
    if len(rows) < 2 * rules.side_rows or not runs:
        return None
    low = min(run.x0 for run in runs)
    width = max(run.x1 for run in runs) - low
    step = max(width / GRID_CELLS, 1.0)
    masks = []
    for row in rows:
        mask = 0
        for run in row.runs:
            first, last = int((run.x0 - low) / step), int((run.x1 - low) / step)
            mask |= ((1 << (last - first + 1)) - 1) << first
        masks.append(mask)
    found: dict[tuple[int, int], list[int]] = {}
    for cell in range(1, int(width / step)):
        bit = 1 << cell
        start = 0
        for index, mask in enumerate([*masks, bit]):
            if not mask & bit:
                continue
            # Fewer rows than a side needs make no band: `_end` is not asked (it is the hot spot).
            end = _end(masks[start:index], cell, rules) if index - start >= rules.side_rows else 0
            if end and (start == 0 or not rules.header):
                found.setdefault((start, start + end), []).append(cell)
            start = index + 1
    bands = [
        _Band(start, end, low + (group[0] + group[-1] + 1) / 2 * step)
        for (start, end), cells in found.items()
        for group in _contiguous(cells)
    ]
    for band in bands:
        band.extent = rows[band.start].top - rows[band.end - 1].bottom
    bands = [band for band in bands if band.extent >= rules.page_share * page_height]
    bands.sort(key=lambda band: -band.extent)
    return next(
        (
            band
            for band in bands[:CANDIDATES]
            if _two_flows(rows[band.start : band.end], band.x, rules.interleaved)
        ),
        None,
    )


def _contiguous(cells: list[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for cell in cells:
        if groups and groups[-1][-1] == cell - 1:
            groups[-1].append(cell)
        else:
            groups.append([cell])
    return groups


def _end(masks: list[int], cell: int, rules: _Rules) -> int:
    """How many of these rows (clear of `cell`) make a band, 0 if too few have text each side.

    A header's band ends with the last row of its shorter side: what follows is the body."""
    below = (1 << cell) - 1
    left = [i for i, mask in enumerate(masks) if mask & below]
    right = [i for i, mask in enumerate(masks) if mask >> (cell + 1)]
    if len(left) < rules.side_rows or len(right) < rules.side_rows:
        return 0
    return min(left[-1], right[-1]) + 1 if rules.header else len(masks)


def _two_flows(rows: list[Row], x: float, needed: int) -> bool:
    """Whether rows of each side stand between the lines of the other side's paragraphs."""
    left = [any(run.x1 <= x for run in row.runs) for row in rows]
    right = [any(run.x1 > x for run in row.runs) for row in rows]
    return _interleaved(rows, left, right) + _interleaved(rows, right, left) >= needed


def _interleaved(rows: list[Row], side: list[bool], other: list[bool]) -> int:
    """Rows with text on `side` only that fall between two close lines of `other`."""
    count = 0
    above: Row | None = None
    pending = 0  # rows of `side` only since the last row of `other`
    for row, mine, theirs in zip(rows, side, other, strict=True):
        if theirs:
            if above is not None and above.baseline - row.baseline <= PARAGRAPH_PITCH * max(
                above.size, row.size
            ):
                count += pending
            above, pending = row, 0
        elif mine:
            pending += 1
    return count
