"""?present= and ?hide= read from a link, and the style sheet they give (pure)."""

from ui.present_settings import (
    LINK_RULE,
    PARTS,
    PRESENT_HIDES,
    TABLE_RULE,
    Presentation,
    part_class,
    presentation_from_query,
    presentation_to_query,
    stylesheet,
)


def test_present_and_hide_round_trip():
    presentation, notices = presentation_from_query({"present": "1", "hide": "summary, export"})
    assert (presentation, notices) == (Presentation(True, ("summary", "export")), [])
    assert presentation_to_query(presentation) == {"present": "1", "hide": "summary,export"}
    assert presentation_from_query(presentation_to_query(presentation))[0] == presentation
    assert presentation_to_query(Presentation()) == {}


def test_other_parameters_are_not_its_business():
    assert presentation_from_query({"o0": "adam", "lang": "zh"}) == (Presentation(), [])


def test_unknown_parts_and_bad_flags_are_notices():
    presentation, notices = presentation_from_query({"present": "maybe", "hide": "sidebar,nav"})
    assert presentation == Presentation(False, ("sidebar",))
    assert [(n.param, n.given) for n in notices] == [("present", "maybe"), ("hide", "nav")]
    assert all(name in notices[1].allowed for name in PARTS)


def test_projector_style_sets_20px_body_text_and_hides_the_demo_clutter():
    css = stylesheet(Presentation(present=True))
    assert "html { font-size: 20px; }" in css
    assert '[data-testid="stCaptionContainer"]' in css and "font-size: 20px !important" in css
    hidden = css.splitlines()[-1]
    assert hidden.endswith("{ display: none !important; }")
    assert f".{part_class('export')}" in hidden and '[data-testid="stHeader"]' in hidden
    assert Presentation(present=True).hidden() == PRESENT_HIDES


def test_hidden_parts_without_projector_mode():
    css = stylesheet(Presentation(hide=("sidebar", "summary")))
    assert "font-size" not in css
    assert '[data-testid="stSidebar"]' in css and ".st-key-part-summary" in css
    assert stylesheet(Presentation()) == f"{TABLE_RULE}\n{LINK_RULE}"
