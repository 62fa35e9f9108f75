"""Every query the class sessions make, in one place (SQLAlchemy Core, bound parameters
only: no SQL is ever built from what a user typed).

Who may do what is checked here, in the same transaction as the change:

- the teacher token (``NewClass.token``, its hash stored) sends views, asks, reveals,
  reads all answers and ends the class;
- a student token (from :meth:`Repository.join`) answers the class's open question;
- a join code alone lets a client join, at most ``JoinLimit.max_failures`` wrong codes per
  ``window_s`` seconds per client.

A refused request raises a :class:`classroom.errors.ClassroomError` and changes nothing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from classroom import codes, questions
from classroom.errors import (
    BadDuration,
    ClassExpired,
    NicknameTaken,
    NotAllowed,
    QuestionClosed,
    TooManyAttempts,
    UnknownClass,
)
from classroom.questions import Question
from classroom.tables import answers, classes, join_failures, students
from classroom.tables import questions as questions_table

MIN_HOURS, MAX_HOURS = 0.25, 12.0
MAX_PAGE_CHARS = 200
CODE_RETRIES = 20


@dataclass(frozen=True)
class JoinLimit:
    max_failures: int = 10
    window_s: float = 600.0


@dataclass(frozen=True)
class NewClass:
    """What the teacher gets once: the code to project and the secret token to keep."""

    code: str
    token: str
    expires_at: float


@dataclass(frozen=True)
class ClassInfo:
    code: str
    expires_at: float
    students: int
    view_version: int


@dataclass(frozen=True)
class View:
    """The view the teacher sent: a page file and its link's query (version 0: none yet)."""

    page: str | None
    query: dict[str, str]
    version: int


@dataclass(frozen=True)
class Student:
    id: int
    nickname: str
    token: str  # the student's own secret, kept in their session only


@dataclass(frozen=True)
class Answer:
    nickname: str
    x: float | None
    y: float | None
    choice: int | None


class Repository:
    """The class sessions' store. ``clock`` gives UNIX seconds (tests move it by hand)."""

    def __init__(
        self,
        engine: sa.Engine,
        *,
        clock: Callable[[], float] = time.time,
        join_limit: JoinLimit = JoinLimit(),
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.join_limit = join_limit

    # --- transactions -------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def _insert(self, table: sa.Table):
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        return dialect.insert(table)

    # --- lookups ------------------------------------------------------------------------

    def _class_row(self, conn: sa.Connection, code: str) -> sa.Row:
        normal = codes.normalize_code(code)
        row = None
        if normal is not None:
            row = conn.execute(sa.select(classes).where(classes.c.code == normal)).first()
        if row is None:
            raise UnknownClass(code=str(code)[:20])
        if row.expires_at <= self.clock():
            raise ClassExpired(code=row.code)
        return row

    def _teacher_row(self, conn: sa.Connection, code: str, token: str) -> sa.Row:
        row = self._class_row(conn, code)
        if not codes.token_matches(token, row.teacher_hash):
            raise NotAllowed()
        return row

    def _student_row(self, conn: sa.Connection, class_id: int, token: str) -> sa.Row:
        row = None
        if isinstance(token, str) and 0 < len(token) <= 256:
            row = conn.execute(
                sa.select(students).where(
                    students.c.class_id == class_id,
                    students.c.token_hash == codes.token_hash(token),
                )
            ).first()
        if row is None:
            raise NotAllowed()
        return row

    def _open_question(self, conn: sa.Connection, class_id: int, question_id: int) -> Question:
        latest = self._latest_question(conn, class_id)
        if latest is None or latest.id != question_id or latest.revealed:
            raise QuestionClosed()
        return latest

    @staticmethod
    def _latest_question(conn: sa.Connection, class_id: int) -> Question | None:
        row = conn.execute(
            sa.select(questions_table)
            .where(questions_table.c.class_id == class_id)
            .order_by(questions_table.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return Question(row.id, row.kind, json.loads(row.payload), bool(row.revealed))

    # --- the teacher --------------------------------------------------------------------

    def create_class(self, hours: float = 3.0) -> NewClass:
        """A new class open for ``hours``; also deletes every class that has expired."""
        if isinstance(hours, bool) or not isinstance(hours, int | float):
            raise BadDuration(lo=MIN_HOURS, hi=MAX_HOURS, given=repr(hours))
        if not MIN_HOURS <= hours <= MAX_HOURS:
            raise BadDuration(lo=MIN_HOURS, hi=MAX_HOURS, given=f"{hours:g}")
        now = self.clock()
        token = codes.new_token()
        with self._write() as conn:
            self._purge(conn, now)
            for _ in range(CODE_RETRIES):
                code = codes.new_code()
                taken = conn.execute(sa.select(classes.c.id).where(classes.c.code == code))
                if taken.first() is None:
                    break
            conn.execute(
                classes.insert().values(
                    code=code,
                    teacher_hash=codes.token_hash(token),
                    created_at=now,
                    expires_at=now + hours * 3600,
                )
            )
        return NewClass(code, token, now + hours * 3600)

    def _purge(self, conn: sa.Connection, now: float) -> None:
        conn.execute(sa.delete(classes).where(classes.c.expires_at <= now))
        conn.execute(
            sa.delete(join_failures).where(join_failures.c.at <= now - self.join_limit.window_s)
        )

    def class_info(self, code: str, token: str) -> ClassInfo:
        with self._read() as conn:
            row = self._teacher_row(conn, code, token)
            count = conn.execute(
                sa.select(sa.func.count())
                .select_from(students)
                .where(students.c.class_id == row.id)
            ).scalar_one()
        return ClassInfo(row.code, row.expires_at, count, row.view_version)

    def send_view(self, code: str, token: str, page: str, query: Mapping[str, str]) -> int:
        """Make (``page``, ``query``) the class's view; returns its new version."""
        plain = questions.check_query(query)
        if not isinstance(page, str) or not 0 < len(page) <= MAX_PAGE_CHARS:
            raise ValueError(f"page must be 1 to {MAX_PAGE_CHARS} characters; got {page!r}")
        with self._write() as conn:
            row = self._teacher_row(conn, code, token)
            conn.execute(
                sa.update(classes)
                .where(classes.c.id == row.id)
                .values(
                    view_page=page,
                    view_query=json.dumps(plain, sort_keys=True),
                    view_version=classes.c.view_version + 1,
                )
            )
            return row.view_version + 1

    def ask(self, code: str, token: str, kind: str, payload: Mapping[str, Any]) -> int:
        """A new question (closing any earlier one); returns its id."""
        if kind not in questions.KINDS:
            raise ValueError(f"kind must be one of {questions.KINDS}; got {kind!r}")
        with self._write() as conn:
            row = self._teacher_row(conn, code, token)
            result = conn.execute(
                questions_table.insert().values(
                    class_id=row.id,
                    kind=kind,
                    payload=json.dumps(payload, sort_keys=True),
                    asked_at=self.clock(),
                )
            )
            return int(result.inserted_primary_key[0])

    def reveal(self, code: str, token: str, question_id: int) -> int:
        """Close the open question: no answer is accepted after this (a replay is refused).
        Returns the question's id."""
        with self._write() as conn:
            row = self._teacher_row(conn, code, token)
            self._open_question(conn, row.id, question_id)
            conn.execute(
                sa.update(questions_table)
                .where(questions_table.c.id == question_id)
                .values(revealed=True)
            )
            return question_id

    def answers(self, code: str, token: str, question_id: int) -> list[Answer]:
        """Every answer to the question, oldest first (teacher only)."""
        with self._read() as conn:
            row = self._teacher_row(conn, code, token)
            result = conn.execute(
                sa.select(students.c.nickname, answers.c.x, answers.c.y, answers.c.choice)
                .join(students, students.c.id == answers.c.student_id)
                .join(questions_table, questions_table.c.id == answers.c.question_id)
                .where(answers.c.question_id == question_id, questions_table.c.class_id == row.id)
                .order_by(answers.c.answered_at, answers.c.id)
            )
            return [Answer(*r) for r in result]

    def end_class(self, code: str, token: str) -> str:
        """Delete the class and everything its students sent; returns its code."""
        with self._write() as conn:
            row = self._teacher_row(conn, code, token)
            # Explicit, child tables first: correct even where cascades were not enforced.
            question_ids = sa.select(questions_table.c.id).where(
                questions_table.c.class_id == row.id
            )
            conn.execute(sa.delete(answers).where(answers.c.question_id.in_(question_ids)))
            conn.execute(sa.delete(questions_table).where(questions_table.c.class_id == row.id))
            conn.execute(sa.delete(students).where(students.c.class_id == row.id))
            conn.execute(sa.delete(classes).where(classes.c.id == row.id))
            return row.code

    # --- anyone with the code -----------------------------------------------------------

    def current_view(self, code: str) -> View:
        with self._read() as conn:
            row = self._class_row(conn, code)
        return View(row.view_page, json.loads(row.view_query), row.view_version)

    def current_question(self, code: str) -> Question | None:
        with self._read() as conn:
            row = self._class_row(conn, code)
            return self._latest_question(conn, row.id)

    # --- students -----------------------------------------------------------------------

    def join(self, code: str, nickname: str, client: str) -> Student:
        """Join with ``nickname``; refused (and counted against ``client``) for a wrong code."""
        name = codes.clean_nickname(nickname)
        client = str(client)[:100]
        now = self.clock()
        with self._read() as conn:
            failures = conn.execute(
                sa.select(sa.func.count())
                .select_from(join_failures)
                .where(
                    join_failures.c.client == client,
                    join_failures.c.at > now - self.join_limit.window_s,
                )
            ).scalar_one()
        if failures >= self.join_limit.max_failures:
            raise TooManyAttempts(minutes=max(1, round(self.join_limit.window_s / 60)))
        token = codes.new_token()
        try:
            with self._write() as conn:
                row = self._class_row(conn, code)
                taken = conn.execute(
                    sa.select(students.c.id).where(
                        students.c.class_id == row.id, students.c.nickname == name
                    )
                ).first()
                if taken is not None:
                    raise NicknameTaken(nickname=name)
                result = conn.execute(
                    students.insert().values(
                        class_id=row.id,
                        nickname=name,
                        token_hash=codes.token_hash(token),
                        joined_at=now,
                    )
                )
        except (UnknownClass, ClassExpired):
            with self._write() as conn:
                conn.execute(join_failures.insert().values(client=client, at=now))
            raise
        except sa.exc.IntegrityError as err:  # the same nickname joining at the same moment
            raise NicknameTaken(nickname=name) from err
        return Student(int(result.inserted_primary_key[0]), name, token)

    def student(self, code: str, token: str) -> Student:
        """The student ``token`` belongs to, in this class (NotAllowed otherwise)."""
        with self._read() as conn:
            row = self._class_row(conn, code)
            student = self._student_row(conn, row.id, token)
        return Student(student.id, student.nickname, token)

    def answer_point(self, code: str, token: str, question_id: int, x: float, y: float) -> None:
        """Store (or replace) the student's guess for the open prediction."""
        self._answer(
            code,
            token,
            question_id,
            lambda q: dict(zip("xy", questions.check_point(q, x, y), strict=True)),
        )

    def answer_choice(self, code: str, token: str, question_id: int, index: int) -> None:
        """Store (or replace) the student's option for the open multiple-choice question."""
        self._answer(
            code, token, question_id, lambda q: {"choice": questions.check_choice(q, index)}
        )

    def _answer(self, code, token, question_id, values_for: Callable[[Question], dict]) -> None:
        with self._write() as conn:
            row = self._class_row(conn, code)
            student = self._student_row(conn, row.id, token)
            question = self._open_question(conn, row.id, question_id)
            values = {"x": None, "y": None, "choice": None, **values_for(question)}
            statement = self._insert(answers).values(
                question_id=question.id, student_id=student.id, answered_at=self.clock(), **values
            )
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=[answers.c.question_id, answers.c.student_id],
                    set_={**values, "answered_at": statement.excluded.answered_at},
                )
            )

    def my_answer(self, code: str, token: str, question_id: int) -> Answer | None:
        with self._read() as conn:
            row = self._class_row(conn, code)
            student = self._student_row(conn, row.id, token)
            found = conn.execute(
                sa.select(answers.c.x, answers.c.y, answers.c.choice).where(
                    answers.c.question_id == question_id, answers.c.student_id == student.id
                )
            ).first()
        return None if found is None else Answer(student.nickname, *found)
