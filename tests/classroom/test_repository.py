"""The classroom store on SQLite and PostgreSQL: tokens, joining, answers, expiry, deletion."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from classroom import codes, questions
from classroom.errors import (
    BadAnswer,
    BadDuration,
    BadNickname,
    ClassExpired,
    NicknameTaken,
    NotAllowed,
    QuestionClosed,
    TooManyAttempts,
    UnknownClass,
)
from classroom.repository import JoinLimit, Repository
from classroom.tables import answers, classes, join_failures, metadata, students
from classroom.tables import questions as questions_table

BOUNDS = ((-2.0, 2.0), (-1.0, 3.0))
QUERY = {"surface": "rosenbrock", "o0": "adam"}


@pytest.fixture
def repo(engine, clock):
    return Repository(engine, clock=clock, join_limit=JoinLimit(max_failures=3, window_s=60))


def _predict(repo, new, steps=50):
    payload = questions.prediction(QUERY, 0, "Adam", steps, BOUNDS)
    return repo.ask(new.code, new.token, questions.PREDICT, payload)


def _rows(engine, table) -> list:
    with engine.connect() as conn:
        return conn.execute(sa.select(table)).all()


def test_a_new_class_stores_only_the_token_hash(repo, engine):
    new = repo.create_class(hours=2)
    assert codes.normalize_code(new.code) == new.code
    (row,) = _rows(engine, classes)
    assert row.code == new.code
    assert row.teacher_hash == codes.token_hash(new.token) != new.token
    assert new.token not in repr(tuple(row))
    info = repo.class_info(new.code, new.token)
    assert (info.students, info.view_version) == (0, 0)
    assert info.expires_at - row.created_at == pytest.approx(2 * 3600)


@pytest.mark.parametrize("hours", [0, 0.1, 13, float("nan"), "2", True])
def test_a_duration_outside_the_range_is_refused(repo, engine, hours):
    with pytest.raises(BadDuration):
        repo.create_class(hours=hours)
    assert _rows(engine, classes) == []


def test_only_the_teacher_token_changes_the_class(repo, engine):
    new = repo.create_class()
    student = repo.join(new.code, "ada", client="a")
    other = repo.create_class()
    for token in ("", "x" * 43, student.token, other.token, None, new.token[:-1]):
        with pytest.raises(NotAllowed):
            repo.send_view(new.code, token, "pages/playground.py", QUERY)
        with pytest.raises(NotAllowed):
            repo.end_class(new.code, token)
        with pytest.raises(NotAllowed):
            repo.ask(new.code, token, questions.PREDICT, {"query": {}})
    assert repo.current_view(new.code).version == 0
    assert repo.send_view(new.code, new.token, "pages/playground.py", QUERY) == 1
    assert repo.send_view(new.code, new.token, "pages/moments.py", {"t": "3"}) == 2
    view = repo.current_view(new.code.lower())
    assert (view.page, view.query, view.version) == ("pages/moments.py", {"t": "3"}, 2)
    assert len(_rows(engine, classes)) == 2


def test_joining_checks_code_and_nickname(repo, engine):
    new = repo.create_class()
    ada = repo.join(f" {new.code[:3].lower()}-{new.code[3:]} ", "  Ada  ", client="a")
    assert ada.nickname == "Ada"
    assert repo.student(new.code, ada.token).id == ada.id
    with pytest.raises(NicknameTaken):
        repo.join(new.code, "Ada", client="b")
    for bad in ("", "   ", "x" * 25, "a\x00b", "bell\x07", "\u202eevil", "zero\u200bwidth", 42):
        with pytest.raises(BadNickname):
            repo.join(new.code, bad, client="a")
    assert (
        repo.join(new.code, "<b>李雷</b>", client="a").nickname == "<b>李雷</b>"
    )  # text, not HTML
    with pytest.raises(UnknownClass):
        repo.join("AAAAAA" if new.code != "AAAAAA" else "CCCCCC", "bob", client="a")
    with pytest.raises(NotAllowed):
        repo.student(new.code, "forged")
    assert [r.nickname for r in _rows(engine, students)] == ["Ada", "<b>李雷</b>"]


def test_wrong_codes_are_rate_limited_per_client(repo, engine, clock):
    new = repo.create_class()
    for guess in ("AAAAAA", "CCCCCC", "not a code"):
        with pytest.raises(UnknownClass):
            repo.join(guess if guess != new.code else "DDDDDD", "bob", client="10.0.0.9")
    with pytest.raises(TooManyAttempts):  # even with the right code now
        repo.join(new.code, "bob", client="10.0.0.9")
    assert repo.join(new.code, "eve", client="10.0.0.10").nickname == "eve"
    clock.advance(61)
    assert repo.join(new.code, "bob", client="10.0.0.9").nickname == "bob"
    assert len(_rows(engine, join_failures)) == 3


def test_a_class_expires(repo, engine, clock):
    new = repo.create_class(hours=1)
    ada = repo.join(new.code, "ada", client="a")
    question = _predict(repo, new)
    clock.advance(3600)
    with pytest.raises(ClassExpired):
        repo.join(new.code, "bob", client="a")
    with pytest.raises(ClassExpired):
        repo.answer_point(new.code, ada.token, question, 0.0, 0.0)
    with pytest.raises(ClassExpired):
        repo.current_view(new.code)
    repo.create_class()  # creating a class purges the expired ones, with all they held
    assert [r.code for r in _rows(engine, classes)] != [new.code]
    assert len(_rows(engine, classes)) == 1
    assert _rows(engine, students) == _rows(engine, questions_table) == []


def test_one_answer_per_student_per_question(repo, engine):
    new = repo.create_class()
    ada = repo.join(new.code, "ada", client="a")
    bob = repo.join(new.code, "bob", client="a")
    question = _predict(repo, new)
    repo.answer_point(new.code, ada.token, question, 0.5, 1.0)
    repo.answer_point(new.code, ada.token, question, -1.0, 2.5)  # a new click replaces
    repo.answer_point(new.code, bob.token, question, 1.0, 1.0)
    got = {a.nickname: (a.x, a.y) for a in repo.answers(new.code, new.token, question)}
    assert got == {"ada": (-1.0, 2.5), "bob": (1.0, 1.0)}
    assert len(_rows(engine, answers)) == 2
    assert repo.my_answer(new.code, ada.token, question).x == -1.0


@pytest.mark.parametrize(
    ("x", "y"), [(2.01, 0.0), (0.0, -1.5), (float("nan"), 0.0), (0.0, float("inf")), ("1", 0)]
)
def test_a_guess_outside_the_window_is_refused(repo, engine, x, y):
    new = repo.create_class()
    ada = repo.join(new.code, "ada", client="a")
    question = _predict(repo, new)
    with pytest.raises(BadAnswer) as err:
        repo.answer_point(new.code, ada.token, question, x, y)
    assert err.value.params["allowed"] == "x in [-2, 2], y in [-1, 3]"
    assert _rows(engine, answers) == []


def test_multiple_choice_answers_and_their_range(repo):
    new = repo.create_class()
    ada = repo.join(new.code, "ada", client="a")
    payload = questions.choice(QUERY, ["SGD", "Adam", "RMSprop"], BOUNDS)
    question = repo.ask(new.code, new.token, questions.CHOICE, payload)
    for bad in (3, -1, True, 1.0):
        with pytest.raises(BadAnswer):
            repo.answer_choice(new.code, ada.token, question, bad)
    with pytest.raises(BadAnswer):  # a point is no answer to a multiple-choice question
        repo.answer_point(new.code, ada.token, question, 0.0, 0.0)
    repo.answer_choice(new.code, ada.token, question, 2)
    got = repo.answers(new.code, new.token, question)
    assert [(a.choice, a.x) for a in got] == [(2, None)]


def test_replayed_and_forged_answers_are_refused(repo, engine):
    new, other = repo.create_class(), repo.create_class()
    ada = repo.join(new.code, "ada", client="a")
    stranger = repo.join(other.code, "eve", client="a")
    first = _predict(repo, new)
    foreign = _predict(repo, other)
    with pytest.raises(NotAllowed):  # a student of another class
        repo.answer_point(new.code, stranger.token, first, 0.0, 0.0)
    with pytest.raises(QuestionClosed):  # another class's question
        repo.answer_point(new.code, ada.token, foreign, 0.0, 0.0)
    with pytest.raises(NotAllowed):  # another class's teacher
        repo.answers(new.code, other.token, first)
    assert repo.answers(new.code, new.token, foreign) == []
    repo.answer_point(new.code, ada.token, first, 0.0, 0.0)
    repo.reveal(new.code, new.token, first)
    with pytest.raises(QuestionClosed):  # the answer replayed after the reveal
        repo.answer_point(new.code, ada.token, first, 1.0, 1.0)
    with pytest.raises(QuestionClosed):  # the reveal replayed
        repo.reveal(new.code, new.token, first)
    second = _predict(repo, new)
    with pytest.raises(QuestionClosed):  # a question that is no longer the open one
        repo.answer_point(new.code, ada.token, first, 1.0, 1.0)
    repo.answer_point(new.code, ada.token, second, 1.0, 1.0)
    assert [(r.question_id, r.x) for r in _rows(engine, answers)] == [(first, 0.0), (second, 1.0)]
    assert repo.current_question(new.code).id == second


def test_ending_a_class_deletes_its_data_and_nothing_else(repo, engine):
    new, kept = repo.create_class(), repo.create_class()
    for repo_class in (new, kept):
        question = _predict(repo, repo_class)
        for name in ("ada", "bob"):
            student = repo.join(repo_class.code, name, client="a")
            repo.answer_point(repo_class.code, student.token, question, 0.0, 0.0)
    repo.end_class(new.code, new.token)
    with pytest.raises(UnknownClass):
        repo.current_view(new.code)
    with pytest.raises(UnknownClass):
        repo.end_class(new.code, new.token)  # a replayed end
    kept_id = _rows(engine, classes)[0].id
    assert [r.code for r in _rows(engine, classes)] == [kept.code]
    assert {r.class_id for r in _rows(engine, students)} == {kept_id}
    assert {r.class_id for r in _rows(engine, questions_table)} == {kept_id}
    assert len(_rows(engine, answers)) == 2


def test_the_migrated_schema_is_the_declared_one(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
