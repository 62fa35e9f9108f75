"""Many writers at once, on SQLite and PostgreSQL: 60 students answering from threads and
from several processes; replicas migrating the same new database at the same moment."""

from __future__ import annotations

import subprocess
import sys

import sqlalchemy as sa

from classroom.database import current_revision, make_engine
from classroom.load import class_answers, guess, start_lesson
from classroom.repository import Repository
from classroom.tables import answers

STUDENTS = 60
CLICKS = 3


def _check_every_answer_once(engine, lesson) -> None:
    got = Repository(engine).answers(lesson.code, lesson.token, lesson.question)
    assert len(got) == STUDENTS  # what the projector counts
    expected = {f"student {i}": guess(i, CLICKS - 1) for i in range(STUDENTS)}
    assert {a.nickname: (a.x, a.y) for a in got} == expected  # doubles round-trip exactly
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(answers)).scalar_one() == 60


def test_sixty_students_answer_at_once_from_threads(engine, database_url):
    lesson = start_lesson(database_url)
    assert class_answers(lesson, STUDENTS, threads=20, clicks=CLICKS) == STUDENTS * CLICKS
    _check_every_answer_once(engine, lesson)


def test_sixty_students_answer_from_three_processes(engine, database_url):
    lesson = start_lesson(database_url)
    sent = class_answers(lesson, STUDENTS, processes=3, threads=10, clicks=CLICKS)
    assert sent == STUDENTS * CLICKS
    _check_every_answer_once(engine, lesson)


def test_replicas_starting_together_migrate_once(database_url):
    code = (
        "import sys; from classroom.database import make_engine, upgrade; "
        "upgrade(make_engine(sys.argv[1]))"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, database_url], stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    errors = [proc.communicate(timeout=120)[1].decode() for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0, 0], errors
    engine = make_engine(database_url)
    assert current_revision(engine) == "0001"
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar_one() == 1
    engine.dispose()
