"""The /class page through the real app.py (AppTest): teacher and student roles, follow
mode, predict then reveal, multiple choice, refusals, and ending the class."""

from __future__ import annotations

import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from classroom import codes
from classroom.database import make_engine
from classroom.errors import QuestionClosed, UnknownClass
from classroom.repository import Repository
from tests.support.apptest import charts, plotly_array
from tests.support.paths import ROOT

CLASS_PAGE = "pages/class.py"


@pytest.fixture(autouse=True)
def class_db(tmp_path, monkeypatch, clear_streamlit_cache):
    """Each test's app uses its own SQLite file; the test reads the same file."""
    url = f"sqlite:///{tmp_path / 'class.db'}"
    monkeypatch.setenv("CLASSROOM_DB", str(tmp_path / "class.db"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    yield url


@pytest.fixture
def repo(class_db):
    engine = make_engine(class_db)
    yield Repository(engine)
    engine.dispose()


def _app(page: str = CLASS_PAGE, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page)
    return at.run()


def _member(at: AppTest):
    return at.session_state["class.membership"]


def _teacher() -> AppTest:
    at = _app()
    at.button(key="class.start.go").click().run()
    assert not at.exception
    return at


def _student(code: str, nickname: str) -> AppTest:
    at = _app(code=code)
    at.text_input(key="class.nickname").set_value(nickname)
    at.button(key="class.join.go").click().run()
    assert not at.exception
    return at


def _texts(at: AppTest, kind: str) -> list[str]:
    return [element.value for element in at.get(kind)]


def _figure(at: AppTest, index: int = 0) -> dict:
    return charts(at)[index]


def _trace(figure: dict, name_start: str) -> dict:
    return next(t for t in figure["data"] if str(t.get("name", "")).startswith(name_start))


def test_the_teacher_gets_a_code_a_join_link_a_qr_and_a_private_link(repo):
    at = _teacher()
    member = _member(at)
    assert member.is_teacher and re.fullmatch(f"[{codes.CODE_ALPHABET}]{{6}}", member.code)
    join, private = _texts(at, "code")
    assert join == f"http://localhost:8501/class?code={member.code}"
    assert private == f"{join}&teacher={member.token}"
    assert at.get("image")[0].proto.imgs[0].caption == "Scan to join"
    assert repo.class_info(member.code, member.token).students == 0
    assert any(member.code in text for text in _texts(at, "markdown"))


def test_the_private_link_brings_the_teacher_back_and_leaves_the_address_bar():
    first = _teacher()
    member = _member(first)
    at = _app(code=member.code, teacher=member.token)
    assert _member(at) == member
    assert "teacher" not in at.query_params
    assert [b.label for b in at.button if b.key == "class.end"]


def test_a_forged_teacher_link_is_refused():
    member = _member(_teacher())
    at = _app(code=member.code, teacher=member.token[:-2] + "xx")
    assert "class.membership" not in at.session_state
    assert _texts(at, "error") == ["This link or session is not allowed to do that in this class."]
    assert "teacher" not in at.query_params


def test_a_student_joins_with_the_link_and_a_nickname(repo):
    member = _member(_teacher())
    at = _app(code=member.code)
    assert at.text_input(key="class.code").value == member.code  # the link fills the code in
    at.text_input(key="class.nickname").set_value("bell\x07")
    at.button(key="class.join.go").click().run()
    assert _texts(at, "error") == [
        "Nickname: 1 to 24 characters, no control or invisible characters; got 'bell\\x07'."
    ]
    at.text_input(key="class.nickname").set_value("<b>Ada</b> **x**")
    at.button(key="class.join.go").click().run()
    assert not at.exception and not _texts(at, "error")
    # Shown as plain text, never as Markdown or HTML.
    assert "You are “<b>Ada</b> **x**” in class" in at.text[0].value
    assert all("<b>Ada" not in text for text in _texts(at, "markdown"))
    assert repo.class_info(member.code, member.token).students == 1


def test_an_unknown_code_is_refused_and_stores_nothing(repo):
    at = _app(code="AAAAAA")
    at.text_input(key="class.nickname").set_value("ada")
    at.button(key="class.join.go").click().run()
    assert _texts(at, "error") == [
        "No class has the code “AAAAAA”. Check the code on the projector."
    ]
    assert "class.membership" not in at.session_state


def test_students_follow_the_view_the_teacher_sends_and_can_explore_alone():
    teacher = _teacher()
    student = _student(_member(teacher).code, "ada")
    teacher.switch_page("pages/playground.py")
    teacher.query_params["steps"] = "120"
    teacher.run()
    teacher.button(key="class.send").click().run()
    assert _texts(teacher, "success") == ["Sent: the class sees this view now."]

    student.run()  # the follow fragment's poll
    assert student.title[0].value == "Playground"
    assert student.query_params["steps"] == "120"
    assert student.session_state["playground.settings"].steps == 120

    # AppTest starts each run on the page it was last told, not where st.switch_page led
    # (a browser's address bar follows the switch): tell it.
    student.switch_page("pages/playground.py")
    student.button(key=_button_key(student, "Explore on my own")).click().run()
    assert student.title[0].value == "Playground"
    teacher.switch_page("pages/moments.py")
    teacher.run()
    teacher.button(key="class.send").click().run()
    student.run()
    assert student.title[0].value == "Playground"  # exploring: the new view waits
    student.button(key=_button_key(student, "Follow the teacher")).click().run()
    assert student.title[0].value.startswith("Moment estimates")


def _button_key(at: AppTest, label: str) -> str:
    return next(b.key for b in at.button if b.label == label)


def _ask(teacher: AppTest, button: str, **query: str) -> None:
    teacher.switch_page("pages/playground.py")
    for key, value in query.items():
        teacher.query_params[key] = value
    teacher.run()
    teacher.button(key=button).click().run()
    assert not teacher.exception
    assert teacher.title[0].value == "Class session"  # the projector opens
    teacher.switch_page(CLASS_PAGE)  # where the browser now is (AppTest reruns the last told)


def _token(at: AppTest) -> str:
    return _member(at).token


def test_predict_then_reveal(repo):
    teacher = _teacher()
    code = _member(teacher).code
    students = {name: _student(code, name) for name in ("ada", "bob", "<i>cy</i>")}
    _ask(teacher, "class.ask.predict")
    assert teacher.subheader[0].value == "Where will Adam be after 50 steps?"
    assert teacher.get("metric")[0].value == "0"

    ada = students["ada"]
    ada.run()  # follows the question to /class: the map to click on
    (clickable,) = [tr for tr in _figure(ada)["data"] if tr.get("meta") == "pick-start"]
    assert clickable["type"] == "contour" and "click: my guess" in clickable["hovertemplate"]
    assert "customdata" not in clickable and "f=" not in clickable["hovertemplate"]  # no hint
    question = repo.current_question(code)
    guesses = {"ada": (1.0, 1.0), "bob": (-1.5, 2.5), "<i>cy</i>": (0.5, 0.2)}
    for name, student in students.items():
        repo.answer_point(code, _token(student), question.id, 0.0, 0.0)
        repo.answer_point(code, _token(student), question.id, *guesses[name])  # replaces
    teacher.run()
    assert teacher.get("metric")[0].value == "3"
    live = _trace(_figure(teacher), "guesses")
    assert live["name"] == "guesses (3)"
    assert sorted(zip(live["x"], live["y"], strict=True)) == sorted(guesses.values())
    assert "&lt;i&gt;cy&lt;/i&gt;" in live["text"]  # a nickname is never markup

    teacher.button(key="class.reveal").click().run()
    assert not teacher.exception
    reveal = _figure(teacher)
    truth = _trace(reveal, "Adam after 50 steps")
    adam = next(t for t in reveal["data"] if t.get("name") == "Adam" and t.get("mode") == "lines")
    path = np.column_stack([plotly_array(adam["x"]), plotly_array(adam["y"])])
    assert len(path) == 51 and np.allclose(path[-1], [truth["x"][0], truth["y"][0]])
    assert len(reveal["frames"]) > 1  # the run plays
    table = teacher.dataframe[0].value
    distances = np.hypot(*(np.array(list(guesses.values())) - path[-1]).T)
    assert list(table["Nickname"]) == [list(guesses)[i] for i in np.argsort(distances)]
    assert [float(d) for d in table["Distance to the answer"]] == pytest.approx(
        np.sort(distances), rel=1e-2
    )
    with pytest.raises(QuestionClosed):
        repo.answer_point(code, _token(ada), question.id, 0.0, 0.0)

    ada.run()
    assert float(ada.get("metric")[0].value) == pytest.approx(distances[0], rel=1e-2)
    assert _trace(_figure(ada), "your guess")["x"] == [1.0]


def test_which_reaches_the_minimum_first(repo):
    teacher = _teacher()
    code = _member(teacher).code
    ada = _student(code, "ada")
    # On Booth's surface with tol 1e-2, Momentum arrives first (step 187), then Adam (239).
    _ask(teacher, "class.ask.choice", surface="booth", tol="0.01")
    assert teacher.subheader[0].value == "Which optimizer reaches the minimum first?"
    ada.run()
    choice = ada.radio[0]
    assert choice.options == ["SGD", "Momentum", "RMSprop", "Adam"]
    choice.set_value(3).run()
    question = repo.current_question(code)
    assert [a.choice for a in repo.answers(code, _token(teacher), question.id)] == [3]
    teacher.run()
    bars = _figure(teacher)["data"][0]
    assert bars["type"] == "bar" and bars["y"] == [0, 0, 0, 1]
    teacher.button(key="class.reveal").click().run()
    steps = teacher.dataframe[0].value
    reached = {o: s for o, s in zip(steps["Optimizer"], steps.iloc[:, 1], strict=True)}
    assert reached == {"SGD": "—", "Momentum": "187", "RMSprop": "—", "Adam": "239"}
    winner = "Momentum"
    assert _texts(teacher, "success")[0].startswith(f"{winner} reaches the minimum first")
    colors = _figure(teacher)["data"][0]["marker"]["color"]
    assert [c == "#009E73" for c in colors] == [o == winner for o in reached]


def test_nobody_reaching_the_minimum_is_said_so():
    teacher = _teacher()
    _ask(teacher, "class.ask.choice")  # Rosenbrock, 300 steps, tol 1e-6: none arrives
    teacher.button(key="class.reveal").click().run()
    assert _texts(teacher, "info") == [
        "None of them comes within 1e-06 of the minimum in 300 steps."
    ]
    assert "#009E73" not in _figure(teacher)["data"][0]["marker"]["color"]


def test_ending_the_class_deletes_it_and_tells_the_students(repo):
    teacher = _teacher()
    member = _member(teacher)
    ada = _student(member.code, "ada")
    teacher.button(key="class.end").click().run()
    assert "class.membership" not in teacher.session_state
    assert teacher.button(key="class.start.go")
    with pytest.raises(UnknownClass):
        repo.class_info(member.code, member.token)
    ada.run()
    assert f"No class has the code “{member.code}”" in " ".join(_texts(ada, "error"))
    assert "class.membership" not in ada.session_state
