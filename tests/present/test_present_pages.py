"""Projector mode and ?hide= on the real app (AppTest): the toggle, the style, the link."""

import pytest

from i18n import t
from tests.support.apptest import charts, run_app
from ui.pages import LESSONS


def _styles(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html") if h.proto.body.startswith("<style>"))


def _toggle(at):
    return next(w for w in at.sidebar.toggle if w.label == t("present.toggle", "en"))


@pytest.mark.parametrize("page", LESSONS, ids=lambda p: p.name)
def test_present_in_the_link_styles_the_page_and_stays_in_its_link(page):
    at = run_app(page.path, present="1", hide="summary")
    assert not at.exception
    assert not at.warning, [w.value for w in at.warning]  # no "unknown parameter" notice
    assert _toggle(at).value is True
    assert "html { font-size: 20px; }" in _styles(at)
    assert ".st-key-part-summary" in _styles(at)
    assert (at.query_params["present"], at.query_params["hide"]) == ("1", "summary")


def test_the_toggle_switches_projector_mode_and_the_link_follows():
    at = run_app("pages/playground.py")
    assert _toggle(at).value is False and "font-size" not in _styles(at)
    assert "present" not in at.query_params
    _toggle(at).set_value(True).run()
    assert "html { font-size: 20px; }" in _styles(at)
    assert at.query_params["present"] == "1"
    _toggle(at).set_value(False).run()
    assert "font-size" not in _styles(at) and "present" not in at.query_params


def test_an_unknown_part_is_a_notice():
    at = run_app("pages/playground.py", hide="everything")
    assert not at.exception
    assert any("`hide`" in w.value and "everything" in w.value for w in at.warning)
    assert "hide" not in at.query_params


def test_hidden_parts_of_the_lessons_page_are_its_marked_containers():
    at = run_app("pages/lessons.py", lesson="adam_from_parts", step="2", hide="lesson_nav,prompts")
    assert not at.exception and not at.warning
    css = _styles(at)
    assert ".st-key-part-lesson_nav" in css and ".st-key-part-prompts" in css
    ids = _block_ids(at.main)
    assert any(i.endswith("-part-lesson_nav") for i in ids)
    assert any(i.endswith("-part-prompts") for i in ids)  # in the column beside the view


def _block_ids(node) -> list[str]:
    """The ids of every block under ``node`` (containers, columns), depth first."""
    ids = []
    for child in getattr(node, "children", {}).values():
        if type(child).__name__ == "Block":
            ids.append(child.proto.id)
        ids.extend(_block_ids(child))
    return ids


def test_projector_mode_styles_the_figures():
    plain = run_app("pages/playground.py")
    shown = run_app("pages/playground.py", present="1")
    specs = [charts(at)[0] for at in (plain, shown)]
    assert specs[0]["layout"].get("font", {}).get("size", 0) < 20
    assert specs[1]["layout"]["font"]["size"] == 20
    widths = [
        trace["line"]["width"]
        for trace in specs[1]["data"]
        if trace.get("type") == "scatter" and "lines" in trace.get("mode", "") and "line" in trace
    ]
    assert widths and min(widths) >= 3


def test_the_playgrounds_parts_are_marked_for_hide():
    at = run_app("pages/playground.py", hide="summary,optimizers,steps,export,link_help,intro")
    assert not at.exception and not at.warning
    css = _styles(at)
    marked = _part_names(at.main)
    for name in ("summary", "optimizers", "steps", "export", "link_help", "intro"):
        assert f".st-key-part-{name}" in css and name in marked, name


def _part_names(node) -> set[str]:
    """The parts marked on the page: blocks whose key (the end of their id) is part-<name>."""
    found = set()
    block_id = (
        getattr(getattr(node, "proto", None), "id", "") if type(node).__name__ == "Block" else ""
    )
    if "-part-" in block_id:
        found.add(block_id.rsplit("-part-", 1)[1])
    for child in getattr(node, "children", {}).values():
        found |= _part_names(child)
    return found
