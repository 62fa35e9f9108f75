"""Guided lessons as data: one TOML file per lesson in ``lessons/``, read and checked here.

A teacher adds a lesson by dropping in a file; nothing else changes. A file that cannot be
used never breaks the others: :func:`load_lessons` returns the good lessons and, for each
bad file, a :class:`LessonProblem` naming the file, the field and what is wrong, for the
page to show. Pure: no Streamlit; ``tomllib`` is the standard library's reader.

A lesson file::

    order = 1                                   # optional: position in the list
    title.en = "Adam from its parts"            # every text in every language of the lab
    title.zh = "..."
    title.zh-Hant = "..."
    summary.en = "..."                          # ... zh, zh-Hant

    [[steps]]
    link = "/moments?o0=momentum&o0.lr=0.001"   # a lab page and its settings: a copied link
    title.en = "..."
    text.en = "..."
    notice.en = "..."                           # optional: what to notice
    question.en = "..."                         # optional: a question for the class
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from i18n import LANGS

LESSONS_DIR = Path(__file__).resolve().parent
LESSON_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
MAX_STEPS = 50
MAX_TEXT = 4000  # characters of one text in one language
# Link parameters a lesson cannot set: the lab's own (language, projector mode) and
# Streamlit's embedding switches belong to whoever shows the lesson.
RESERVED_PARAMS = frozenset({"lang", "present", "hide", "embed", "embed_options"})
TEXTS = ("title", "text", "notice", "question")
REQUIRED_STEP_TEXTS = ("title", "text")
STEP_FIELDS = frozenset({"link", *TEXTS})
LESSON_FIELDS = frozenset({"order", "title", "summary", "steps"})

Texts = Mapping[str, str]


@dataclass(frozen=True)
class Step:
    """One step: the lab ``page`` (a file stem, e.g. "moments") opened with ``query``,
    and its texts by language (``notice`` and ``question`` may be None)."""

    page: str
    query: tuple[tuple[str, str], ...]
    title: Texts
    text: Texts
    notice: Texts | None = None
    question: Texts | None = None


@dataclass(frozen=True)
class Lesson:
    id: str  # the file's stem; ?lesson=<id>
    order: int
    title: Texts
    summary: Texts
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class LessonProblem:
    """Why a file is not offered: ``field`` is a path into the file ("steps[3].title.zh")."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return ": ".join(part for part in (self.file, self.field, self.message) if part)


class _Check:
    """Collects every problem of one file (a teacher fixes them all in one go)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[LessonProblem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(LessonProblem(self.file, field, message))

    def unknown_fields(self, table: Mapping[str, Any], allowed: Collection[str], at: str) -> None:
        for name in table:
            if name not in allowed:
                expected = ", ".join(sorted(allowed))
                self.fail(f"{at}{name}", f"unknown field (expected one of: {expected})")

    def texts(self, table: Mapping[str, Any], name: str, at: str, *, required: bool) -> Texts:
        field = f"{at}{name}"
        value = table.get(name)
        if value is None:
            if required:
                self.fail(field, f"missing (a text in each language: {', '.join(LANGS)})")
            return MappingProxyType({})
        if not isinstance(value, dict):
            self.fail(field, f"expected a table of texts by language ({', '.join(LANGS)})")
            return MappingProxyType({})
        for lang in value:
            if lang not in LANGS:
                self.fail(f"{field}.{lang}", f"unknown language (expected {', '.join(LANGS)})")
        for lang in LANGS:
            text = value.get(lang)
            if text is None:
                self.fail(f"{field}.{lang}", "missing: every text is needed in every language")
            elif not isinstance(text, str) or not text.strip():
                self.fail(f"{field}.{lang}", "expected non-empty text")
            elif len(text) > MAX_TEXT:
                self.fail(f"{field}.{lang}", f"longer than {MAX_TEXT} characters")
        return MappingProxyType({lang: value[lang] for lang in LANGS if lang in value})

    def link(self, value: Any, field: str, pages: Collection[str]) -> tuple[str, tuple] | None:
        if not isinstance(value, str) or not value.strip():
            self.fail(field, 'expected a link to a lab page, e.g. "/playground?surface=saddle"')
            return None
        parts = urlsplit(value.strip())
        page = parts.path.strip("/")
        if page not in pages:
            self.fail(field, f"unknown page {page!r} (expected one of: {', '.join(pages)})")
            return None
        try:
            query = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
        except ValueError:
            self.fail(field, f"not a query string (name=value&...): {parts.query!r}")
            return None
        reserved = sorted({key for key, _ in query} & RESERVED_PARAMS)
        if reserved:
            self.fail(field, f"sets {', '.join(reserved)}, which the lesson page decides")
            return None
        return page, tuple(query)


def _step(check: _Check, raw: Any, at: str, pages: Collection[str]) -> Step | None:
    if not isinstance(raw, dict):
        check.fail(at.rstrip("."), "expected a table ([[steps]])")
        return None
    check.unknown_fields(raw, STEP_FIELDS, at)
    if "link" not in raw:
        check.fail(f"{at}link", "missing (the lab page this step shows)")
    target = check.link(raw["link"], f"{at}link", pages) if "link" in raw else None
    texts = {
        name: check.texts(raw, name, at, required=name in REQUIRED_STEP_TEXTS) for name in TEXTS
    }
    if target is None:
        return None
    optional = {name: texts[name] or None for name in ("notice", "question")}
    return Step(target[0], target[1], texts["title"], texts["text"], **optional)


def parse_lesson(
    lesson_id: str, source: str, pages: Collection[str], file: str | None = None
) -> tuple[Lesson | None, list[LessonProblem]]:
    """The lesson in ``source`` (TOML text), or None and every problem found in it.

    ``pages`` are the lab pages a step may link to (file stems, e.g. "playground").
    """
    check = _Check(file or f"{lesson_id}.toml")
    if not LESSON_ID.fullmatch(lesson_id):
        check.fail("", "the file name must be lower-case letters, digits, - or _ (.toml)")
        return None, check.problems
    try:
        raw = tomllib.loads(source)
    except tomllib.TOMLDecodeError as err:
        check.fail("", f"not valid TOML: {err}")
        return None, check.problems
    check.unknown_fields(raw, LESSON_FIELDS, "")
    order = raw.get("order", 100)
    if not isinstance(order, int) or isinstance(order, bool):
        check.fail("order", f"expected a whole number, got {order!r}")
    title = check.texts(raw, "title", "", required=True)
    summary = check.texts(raw, "summary", "", required=True)
    raw_steps = raw.get("steps")
    steps: list[Step | None] = []
    if not isinstance(raw_steps, list) or not raw_steps:
        check.fail("steps", "missing: a lesson needs at least one [[steps]] table")
    elif len(raw_steps) > MAX_STEPS:
        check.fail("steps", f"at most {MAX_STEPS} steps, got {len(raw_steps)}")
    else:
        steps = [
            _step(check, item, f"steps[{n}].", pages) for n, item in enumerate(raw_steps, start=1)
        ]
    if check.problems:
        return None, check.problems
    return Lesson(lesson_id, order, title, summary, tuple(steps)), []


def load_lessons(
    pages: Collection[str], directory: Path | None = None
) -> tuple[list[Lesson], list[LessonProblem]]:
    """Every lesson file in ``directory`` (default: this folder), in order, and the problems
    of those left out."""
    lessons, problems = [], []
    for path in sorted((directory or LESSONS_DIR).glob("*.toml")):
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            problems.append(LessonProblem(path.name, "", f"cannot be read: {err}"))
            continue
        lesson, found = parse_lesson(path.stem, source, pages, file=path.name)
        problems += found
        if lesson is not None:
            lessons.append(lesson)
    return sorted(lessons, key=lambda lesson: (lesson.order, lesson.id)), problems
