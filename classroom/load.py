"""A simulated class for the load tests and ``bench/classroom.py``: a teacher asks, then
many students join and answer at once, each from its own engine (as a replica would),
through the repository.

Every student clicks ``clicks`` times; only the last click may survive (one answer per
student per question), so the expected final answers are known exactly.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from classroom import questions
from classroom.database import make_engine
from classroom.repository import Repository

BOUNDS = ((-2.0, 2.0), (-1.0, 3.0))
QUERY = {"surface": "rosenbrock", "o0": "adam"}


@dataclass(frozen=True)
class Lesson:
    url: str
    code: str
    token: str
    question: int


def start_lesson(url: str) -> Lesson:
    """A class with an open prediction question, on the database at ``url``."""
    repo = Repository(make_engine(url))
    new = repo.create_class()
    payload = questions.prediction(QUERY, 0, "Adam", 50, BOUNDS)
    return Lesson(url, new.code, new.token, repo.ask(new.code, new.token, "predict", payload))


def guess(index: int, click: int) -> tuple[float, float]:
    """Student ``index``'s ``click``-th guess: distinct per student, inside BOUNDS."""
    return -2.0 + (index % 40) * 0.1, -1.0 + click * 0.5 + (index // 40) * 0.01


def students_answer(lesson: Lesson, indices: list[int], threads: int, clicks: int) -> int:
    """Students ``indices`` join and click ``clicks`` times each, ``threads`` at a time, all
    through one engine; returns how many answers were sent."""
    repo = Repository(make_engine(lesson.url))

    def one(index: int) -> int:
        student = repo.join(lesson.code, f"student {index}", client=f"10.0.{index // 250}.{index}")
        for click in range(clicks):
            repo.answer_point(lesson.code, student.token, lesson.question, *guess(index, click))
        return clicks

    with ThreadPoolExecutor(threads) as pool:
        sent = sum(pool.map(one, indices))
    repo.engine.dispose()
    return sent


def _process_worker(args: tuple[Lesson, list[int], int, int]) -> int:
    return students_answer(*args)


def class_answers(
    lesson: Lesson, students: int, *, processes: int = 1, threads: int = 12, clicks: int = 3
) -> int:
    """``students`` answering, spread over ``processes`` (each with ``threads`` threads)."""
    indices = list(range(students))
    if processes == 1:
        return students_answer(lesson, indices, threads, clicks)
    chunks = [(lesson, indices[p::processes], threads, clicks) for p in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        return sum(pool.map(_process_worker, chunks))
