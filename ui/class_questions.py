"""Class questions on screen: the Playground view a question is about, the projector's
live answers and its reveal, and a student's answer.

The runs come from ``ui.compute`` with the view's own settings, so the reveal reuses the
Playground's cached trajectories and shows exactly what the class was looking at.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import sqlalchemy as sa
import streamlit as st

from classroom import questions
from classroom.errors import ClassroomError
from classroom.questions import PREDICT, Question
from i18n import t
from ui import compute
from ui.chart import plotly_chart
from ui.class_session import Membership, attempt, repository
from ui.playground_settings import PlaygroundSettings, entry_labels, from_query
from viz.contour import picked_point
from viz.guesses import choice_figure, prediction_map, reveal_figure
from viz.paths import PALETTE, PathRun, path_runs
from viz.summary import steps_to_tol

LIVE_POLL_S = 1.0  # the projector's count follows the answers within this
_STUDENT_FIGURE = "class.student.figure"
_SEEN = "class.seen_question"


@dataclass(frozen=True)
class Scene:
    """A Playground view, computed: its settings, surface, grid and known minimum value."""

    settings: PlaygroundSettings
    surface_key: tuple
    surface: Any
    grid: Any

    @property
    def f_min(self) -> float | None:
        minima = self.surface.minima
        return float(np.min(self.surface.value(minima))) if len(minima) else None

    def map_options(self) -> dict[str, Any]:
        return {
            "minima": self.surface.minima,
            "saddles": self.surface.saddles,
            "log_contour": self.surface.log_contour,
            "f_min": self.f_min,
        }

    @property
    def labels(self) -> list[str]:
        return entry_labels(self.settings.optimizers)


def scene(query: Mapping[str, Any], lang: str) -> Scene:
    """The view of a Playground link; raises ValueError for a formula the core refuses."""
    settings = from_query(query, lang)[0]
    key = compute.surface_key(
        settings.surface, settings.surface_params, settings.formula, settings.bounds
    )
    return Scene(settings, key, compute.surface(key), compute.grid(key))


def _run(view: Scene, index: int) -> PathRun:
    entry = view.settings.optimizers[index]
    request = compute.RunRequest.of(
        view.surface_key,
        entry.optimizer,
        entry.run_kwargs(),
        view.settings,
        None if entry.schedule == "none" else entry.schedule,
        entry.schedule_params,
    )
    traj = compute.trajectory(request)
    run = path_runs([view.labels[index]], [traj])[0]
    return replace(run, color=PALETTE[index % len(PALETTE)])


def asked_run(view: Scene, index: int, steps: int) -> PathRun:
    """Optimizer ``index``'s run cut at ``steps`` (the Playground's run: same cache entry)."""
    run = _run(view, index)
    diverged = run.diverged_step if 0 <= run.diverged_step <= steps else -1
    return replace(run, xy=run.xy[: steps + 1], loss=run.loss[: steps + 1], diverged_step=diverged)


def first_to_minimum(view: Scene) -> tuple[int | None, list[int | None]]:
    """The optimizer whose loss first comes within the view's tolerance of f*, and each
    one's step (None: not within the run); a tie goes to the earlier optimizer."""
    reached = [
        steps_to_tol(_run(view, i), view.f_min, view.settings.tol)
        for i in range(len(view.settings.optimizers))
    ]
    candidates = [(step, i) for i, step in enumerate(reached) if step is not None]
    return (min(candidates)[1] if candidates else None), reached


# --- asking -------------------------------------------------------------------------------------


def prediction_payload(query: Mapping[str, str], view: Scene, index: int, steps: int) -> dict:
    return questions.prediction(query, index, view.labels[index], steps, view.settings.window())


def choice_payload(query: Mapping[str, str], view: Scene) -> dict:
    return questions.choice(query, view.labels, view.settings.window())


def prompt(question: Question, lang: str) -> str:
    if question.kind == PREDICT:
        return t(
            "class.q.predict",
            lang,
            optimizer=question.payload["label"],
            steps=question.payload["steps"],
        )
    return t("class.q.choice", lang)


# --- the projector ------------------------------------------------------------------------------


def projector(member: Membership, question: Question, lang: str) -> None:
    """The question with the answers arriving live, then (after Reveal) the answer."""
    st.subheader(prompt(question, lang))
    view = attempt(lang, scene, question.query, lang)
    if view is None:
        return
    if question.revealed:
        _revealed_for_teacher(member, question, view, lang)
        return
    st.fragment(run_every=LIVE_POLL_S)(_live_answers)(member, question, view, lang)


def _live_answers(member: Membership, question: Question, view: Scene, lang: str) -> None:
    current = attempt(lang, repository().current_question, member.code)
    if current is None:
        return
    if (current.id, current.revealed) != (question.id, False):
        st.rerun(scope="app")  # revealed (by this button or the teacher's other tab), or replaced
    answers = attempt(lang, repository().answers, member.code, member.token, question.id)
    if answers is None:
        return
    st.metric(t("class.answers_count", lang), len(answers))
    if question.kind == PREDICT:
        figure = prediction_map(
            view.grid,
            guesses=[(a.x, a.y) for a in answers],
            names=[a.nickname for a in answers],
            lang=lang,
            **view.map_options(),
        )
    else:
        options = question.payload["options"]
        counts = questions.tally([a.choice for a in answers], len(options))
        figure = choice_figure(options, counts, lang=lang)
    plotly_chart(figure, key="class.live")
    st.button(
        t("class.reveal", lang),
        type="primary",
        key="class.reveal",
        on_click=_reveal,
        args=(member, question, lang),
    )


def _reveal(member: Membership, question: Question, lang: str) -> None:
    attempt(lang, repository().reveal, member.code, member.token, question.id, later="page")


def _revealed_for_teacher(member: Membership, question: Question, view: Scene, lang: str) -> None:
    answers = attempt(lang, repository().answers, member.code, member.token, question.id) or []
    if question.kind == PREDICT:
        run = asked_run(view, question.payload["optimizer"], question.payload["steps"])
        truth = run.xy[run.end]
        guesses = np.array([(a.x, a.y) for a in answers], dtype=float).reshape(-1, 2)
        plotly_chart(
            reveal_figure(
                view.grid,
                run,
                truth,
                guesses=guesses,
                names=[a.nickname for a in answers],
                lang=lang,
                **view.map_options(),
            ),
            key="class.reveal_figure",
        )
        _truth_caption(run, truth, lang)
        distances = questions.distances(guesses, truth)
        order = np.argsort(distances, kind="stable")
        st.dataframe(
            {
                t("class.col.nickname", lang): [answers[i].nickname for i in order],
                t("class.col.guess", lang): [
                    f"({answers[i].x:.3g}, {answers[i].y:.3g})" for i in order
                ],
                t("class.col.distance", lang): [f"{distances[i]:.3g}" for i in order],
            },
            hide_index=True,
        )
    else:
        options = question.payload["options"]
        winner, reached = first_to_minimum(view)
        counts = questions.tally([a.choice for a in answers], len(options))
        plotly_chart(
            choice_figure(options, counts, correct=winner, lang=lang), key="class.reveal_bars"
        )
        _winner_caption(options, winner, reached, view, lang)


def _truth_caption(run: PathRun, truth: np.ndarray, lang: str) -> None:
    st.success(
        t("class.truth", lang, optimizer=run.label, steps=run.steps, x=truth[0], y=truth[1]),
        icon=":material/target:",
    )


def _winner_caption(
    options: list[str], winner: int | None, reached: list[int | None], view: Scene, lang: str
) -> None:
    if winner is None:
        st.info(t("class.none_reached", lang, steps=view.settings.steps, tol=view.settings.tol))
    else:
        st.success(t("class.winner", lang, optimizer=options[winner], step=reached[winner]))
    st.dataframe(
        {
            t("class.col.optimizer", lang): options,
            t("class.col.steps_to_tol", lang, tol=view.settings.tol): [
                "—" if step is None else str(step) for step in reached
            ],
        },
        hide_index=True,
    )


# --- a student ----------------------------------------------------------------------------------


def mark_seen(question: Question | None) -> None:
    """Remember the question state the student's page shows (see :func:`question_changed`)."""
    st.session_state[_SEEN] = _state(question)


def _state(question: Question | None) -> tuple | None:
    return None if question is None else (question.id, question.revealed)


def question_changed(member: Membership) -> bool:
    """Whether the teacher asked or revealed since the page was drawn (an error counts as
    a change: the page's own run then says what went wrong)."""
    try:
        question = repository().current_question(member.code)
    except (ClassroomError, sa.exc.OperationalError):
        return True
    return _state(question) != st.session_state.get(_SEEN)


def student_question(member: Membership, question: Question, lang: str) -> None:
    """The open question to answer, or the reveal with this student's own answer."""
    st.subheader(prompt(question, lang))
    view = attempt(lang, scene, question.query, lang)
    if view is None:
        return
    mine = attempt(lang, repository().my_answer, member.code, member.token, question.id)
    if question.kind == PREDICT:
        _predict_for_student(member, question, view, mine, lang)
    else:
        _choice_for_student(member, question, view, mine, lang)


def _predict_for_student(member, question, view, mine, lang) -> None:
    own = None if mine is None else (mine.x, mine.y)
    if question.revealed:
        run = asked_run(view, question.payload["optimizer"], question.payload["steps"])
        truth = run.xy[run.end]
        plotly_chart(
            reveal_figure(view.grid, run, truth, own=own, lang=lang, **view.map_options()),
            key="class.student.reveal",
        )
        _truth_caption(run, truth, lang)
        if own is not None:
            distance = float(questions.distances([own], truth)[0])
            st.metric(t("class.your_distance", lang), f"{distance:.3g}")
        return
    figure = prediction_map(view.grid, own=own, pick=True, lang=lang, **view.map_options())
    st.session_state[_STUDENT_FIGURE] = figure
    st.caption(t("class.click_to_guess", lang))
    plotly_chart(
        figure,
        key="class.student.map",
        on_select=lambda: _store_guess(member, question, lang),
        config={"scrollZoom": False},
    )
    if own is not None:
        st.success(t("class.your_guess", lang, x=own[0], y=own[1]), icon=":material/location_on:")


def _store_guess(member: Membership, question: Question, lang: str) -> None:
    state = st.session_state.get("class.student.map") or {}
    point = picked_point(state.get("selection"), st.session_state.get(_STUDENT_FIGURE) or {})
    if point is None:
        return
    _answer(repository().answer_point, member, question, lang, *point)


def _answer(action, member: Membership, question: Question, lang: str, *values) -> None:
    attempt(lang, action, member.code, member.token, question.id, *values, later="page")


def _choice_for_student(member, question, view, mine, lang) -> None:
    options = question.payload["options"]
    chosen = None if mine is None else mine.choice
    if question.revealed:
        winner, reached = first_to_minimum(view)
        if chosen is not None:
            st.text(t("class.your_choice", lang, option=options[chosen]))
        _winner_caption(options, winner, reached, view, lang)
        return
    key = f"class.student.choice.{question.id}"
    st.radio(
        t("class.choose", lang),
        range(len(options)),
        index=chosen,
        format_func=options.__getitem__,
        key=key,
        on_change=lambda: _answer(
            repository().answer_choice, member, question, lang, st.session_state[key]
        ),
    )
