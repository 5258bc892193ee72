"""A fact's series drawn as SVG on the server: figure (or claimed start time) over publication time.

One marker per claim, shaped and coloured by outlet; hollow while awaiting
review, faded when rejected or superseded; a red ring on claims in conflict;
the range across approved claims shaded; the best figure as a dashed line.
No script, no external file: the page that shows it makes no network call.
Every text comes from articles, so every text is escaped.
"""
from __future__ import annotations

import math
from datetime import datetime, timedelta

from django.utils.html import escape

from .models import Fact, FactKind
from .selectors import Timeline, TimelineRow
from .series import Standing

WIDTH, HEIGHT = 880, 340
LEFT, RIGHT, TOP, BOTTOM = 104, 230, 24, 46
# Colour-blind-safe (Okabe–Ito) colours and distinct shapes: an outlet keeps both.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#8C6D1F", "#000000")
SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "hexagon")
CONFLICT = "#C0392B"


def _value(row: TimelineRow, kind: str) -> float | None:
    if kind == FactKind.CEASEFIRE:
        return row.claim.effective_at.timestamp() if row.claim.effective_at else None
    return float(row.claim.count) if row.claim.count is not None else None


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / ticks if span > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _shape(shape: str, x: float, y: float, size: float, fill: str, stroke: str, opacity: float) -> str:
    style = f'fill="{fill}" stroke="{stroke}" stroke-width="2" opacity="{opacity:.2f}"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" {style}/>'
    if shape == "square":
        return f'<rect x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size:.1f}" height="{2 * size:.1f}" {style}/>'
    corners = {"triangle": [(0, -1.25), (1.1, 0.8), (-1.1, 0.8)], "triangle-down": [(0, 1.25), (1.1, -0.8),
                                                                                       (-1.1, -0.8)],
               "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
               "hexagon": [(math.cos(a) * 1.2, math.sin(a) * 1.2) for a in [i * math.pi / 3 for i in range(6)]]}
    points = " ".join(f"{x + dx * size:.1f},{y + dy * size:.1f}" for dx, dy in corners[shape])
    return f'<polygon points="{points}" {style}/>'


def fact_chart_svg(fact: Fact, timeline: Timeline) -> str:
    kind = fact.kind
    rows = [row for row in timeline.rows if _value(row, kind) is not None and row.claim.document.published_at]
    title = escape(fact.title)
    if not rows:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="80" '
                f'viewBox="0 0 {WIDTH} 80"><title>{title}</title><text x="12" y="44" font-family="sans-serif" '
                f'font-size="14" fill="#555">No figures to draw yet.</text></svg>')
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    times = [row.claim.document.published_at for row in rows]
    t0, t1 = min(times), max(times)
    pad = max((t1 - t0) * 0.06, timedelta(hours=6))
    t0, t1 = t0 - pad, t1 + pad
    values = [_value(row, kind) for row in rows]
    series = timeline.series
    if kind == FactKind.CASUALTY:
        highs = [float(row.claim.count_high) for row in rows if row.claim.count_high is not None]
        v0, v1 = 0.0, max(values + highs) * 1.15 or 1.0
    else:
        v0, v1 = min(values), max(values)
        margin = max((v1 - v0) * 0.15, 3 * 3600)
        v0, v1 = v0 - margin, v1 + margin

    def x_of(moment: datetime) -> float:
        return LEFT + (moment - t0) / (t1 - t0) * plot_w

    def y_of(value: float) -> float:
        return TOP + plot_h - (value - v0) / (v1 - v0) * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="fact-chart-title" width="{WIDTH}" '
        f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f'<title id="fact-chart-title">{title}</title>',
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fbfbfb" stroke="#ccc"/>',
    ]
    # The range across approved claims, shaded; the best figure, dashed.
    low, high = ((series.low, series.high) if kind == FactKind.CASUALTY else
                 ((series.earliest_at.timestamp() if series.earliest_at else None),
                  (series.latest_at.timestamp() if series.latest_at else None)))
    if low is not None and high is not None:
        top_y, bottom_y = y_of(high), y_of(low)
        parts.append(f'<rect x="{LEFT}" y="{top_y:.1f}" width="{plot_w}" height="{max(bottom_y - top_y, 2):.1f}" '
                     f'fill="#79A6D2" opacity="0.22"><title>range of approved claims</title></rect>')
    best = series.best
    if best is not None:
        best_value = best.count if kind == FactKind.CASUALTY else best.effective_at.timestamp()
        y = y_of(best_value)
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#333" '
                     f'stroke-dasharray="6 4" stroke-width="1.5"/>')
        label = f"best {best.count:,}" if kind == FactKind.CASUALTY else f"best {best.effective_at:%d %b %H:%M}"
        parts.append(f'<text x="{LEFT + plot_w - 4}" y="{y - 5:.1f}" text-anchor="end" fill="#333">'
                     f'{escape(label)}</text>')
    parts += _axes(kind, t0, t1, v0, v1, x_of, y_of, plot_w)
    outlets = sorted({row.claim.document.outlet.name if row.claim.document.outlet_id else "(no outlet)"
                      for row in rows})
    style_of = {outlet: (COLOURS[i % len(COLOURS)], SHAPES[i % len(SHAPES)]) for i, outlet in enumerate(outlets)}
    placed: list[tuple[float, float]] = []
    for row in rows:
        parts.append(_marker(row, kind, style_of, x_of, y_of, placed))
    parts += _legend(outlets, style_of)
    parts.append("</svg>")
    return "\n".join(parts)


def _marker(row: TimelineRow, kind: str, style_of, x_of, y_of, placed: list[tuple[float, float]]) -> str:
    claim = row.claim
    outlet = claim.document.outlet.name if claim.document.outlet_id else "(no outlet)"
    colour, shape = style_of[outlet]
    x, y = x_of(claim.document.published_at), y_of(_value(row, kind))
    while any(abs(x - px) < 9 and abs(y - py) < 9 for px, py in placed):
        x += 11  # the same figure at the same moment: side by side, not hidden behind each other
    placed.append((x, y))
    hollow = row.standing in (Standing.UNREVIEWED, Standing.DISPUTED)
    faded = row.standing in (Standing.REJECTED, Standing.SUPERSEDED, Standing.BELOW_FLOOR, Standing.OTHER_SOURCE)
    pieces = []
    if kind == FactKind.CASUALTY and claim.count_high is not None:
        pieces.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y:.1f}" y2="{y_of(claim.count_high):.1f}" '
                      f'stroke="{colour}" stroke-width="3" opacity="0.6"/>')
    if kind == FactKind.CASUALTY and claim.qualifier in ("at_least", "more_than"):
        pieces.append(f'<path d="M{x:.1f},{y - 9:.1f} l0,-12 m-4,4 l4,-4 l4,4" stroke="{colour}" fill="none" '
                      f'stroke-width="1.6"/>')
    if row.in_conflict:
        pieces.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="12" fill="none" stroke="{CONFLICT}" '
                      f'stroke-width="2.5"/>')
    pieces.append(_shape(shape, x, y, 6, "#fff" if hollow else colour, colour, 0.45 if faded else 1.0))
    figure = (f"{claim.count:,}" + (f"–{claim.count_high:,}" if claim.count_high is not None else "")
              if kind == FactKind.CASUALTY else f"{claim.effective_at:%Y-%m-%d %H:%M} UTC")
    qualifier = claim.get_qualifier_display() + " " if claim.qualifier not in ("", "exact") else ""
    said = f" ({claim.speaker.name})" if claim.speaker_id else ""
    tip = (f"{outlet}{said}: {qualifier}{figure}, published {claim.document.published_at:%d %b %Y %H:%M} — "
           f"{Standing.LABELS[row.standing]}{' — in conflict' if row.in_conflict else ''}")
    return f'<g class="claim" data-claim="{claim.pk}"><title>{escape(tip)}</title>{"".join(pieces)}</g>'


def _axes(kind, t0, t1, v0, v1, x_of, y_of, plot_w) -> list[str]:
    parts = []
    if kind == FactKind.CASUALTY:
        step = _nice_step(v1 - v0)
        value = 0.0
        while value <= v1:
            y = y_of(value)
            parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>')
            parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{value:,.0f}</text>')
            value += step
        parts.append(f'<text transform="translate(18 {TOP + 120}) rotate(-90)" text-anchor="middle" fill="#333">'
                     f'figure reported</text>')
    else:
        hours = max(1, round((v1 - v0) / 3600 / 5))
        start = math.ceil(v0 / (hours * 3600)) * hours * 3600
        value = start
        while value <= v1:
            y = y_of(value)
            moment = datetime.utcfromtimestamp(value)
            parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>')
            parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">'
                         f'{moment:%d %b %H:%M}</text>')
            value += hours * 3600
        parts.append(f'<text transform="translate(18 {TOP + 120}) rotate(-90)" text-anchor="middle" fill="#333">'
                     f'start claimed (UTC)</text>')
    span = t1 - t0
    ticks = 6
    for i in range(ticks + 1):
        moment = t0 + span * i / ticks
        x = x_of(moment)
        label = moment.strftime("%d %b %H:%M") if span < timedelta(days=3) else moment.strftime("%d %b %Y")
        parts.append(f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" fill="#555">{label}</text>')
    parts.append(f'<text x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 8}" text-anchor="middle" fill="#333">'
                 f'publication time</text>')
    return parts


def _legend(outlets: list[str], style_of) -> list[str]:
    x = WIDTH - RIGHT + 18
    parts = [f'<text x="{x}" y="{TOP + 10}" font-weight="bold" fill="#333">Outlets</text>']
    y = TOP + 30
    for outlet in outlets:
        colour, shape = style_of[outlet]
        parts.append(_shape(shape, x + 6, y - 4, 5, colour, colour, 1.0))
        name = outlet if len(outlet) <= 26 else outlet[:25] + "…"
        parts.append(f'<text x="{x + 18}" y="{y}" fill="#333">{escape(name)}</text>')
        y += 20
    y += 8
    keys = [
        (f'<circle cx="{x + 6}" cy="{y - 4}" r="5" fill="#fff" stroke="#555" stroke-width="2"/>', "awaiting review"),
        (f'<circle cx="{x + 6}" cy="{y + 16}" r="5" fill="#555" opacity="0.45"/>', "superseded / other"),
        (f'<circle cx="{x + 6}" cy="{y + 36}" r="9" fill="none" stroke="{CONFLICT}" stroke-width="2.5"/>',
         "in conflict (disputed)"),
        (f'<rect x="{x}" y="{y + 50}" width="12" height="10" fill="#79A6D2" opacity="0.4"/>', "range, approved"),
        (f'<line x1="{x}" x2="{x + 12}" y1="{y + 75}" y2="{y + 75}" stroke="#333" stroke-dasharray="4 3"/>',
         "best figure"),
    ]
    for i, (symbol, label) in enumerate(keys):
        parts.append(symbol)
        parts.append(f'<text x="{x + 18}" y="{y + i * 20}" fill="#333">{label}</text>')
    return parts
