"""``ui.plotly_bundles``: the two Plotly.js bundles are one release, each figure gets the
smallest that draws it, and the files served are the bundles themselves."""

from __future__ import annotations

import filecmp

import plotly.offline

from ui import plotly_bundles
from ui.plotly_bundles import BUNDLES, STATIC_DIR, available, bundle_for, bundle_url, publish


def test_the_vendored_cartesian_bundle_is_the_release_plotly_ships():
    release = plotly.offline.get_plotlyjs_version()
    assert plotly_bundles.bundle_version(BUNDLES["full"]) == release
    assert plotly_bundles.bundle_version(BUNDLES["cartesian"]) == release
    assert available() == ("full", "cartesian")
    assert BUNDLES["cartesian"].stat().st_size < BUNDLES["full"].stat().st_size / 3


def test_a_figure_gets_the_cartesian_bundle_unless_a_trace_needs_the_full_one():
    flat = {"data": [{"type": "contour", "z": [[1, 2]]}, {"x": [0], "y": [0]}]}  # scatter
    assert bundle_for(flat) == "cartesian"
    assert bundle_for({"data": []}) == "cartesian"
    scene = {"data": [*flat["data"], {"type": "surface", "z": [[1, 2]]}]}
    assert bundle_for(scene) == "full"
    assert bundle_for({"data": [{"type": "scatter3d", "x": [0], "y": [0], "z": [0]}]}) == "full"


def test_a_cartesian_bundle_of_another_release_is_not_used(tmp_path, monkeypatch):
    other = tmp_path / "plotly-cartesian.min.js"
    other.write_text("/**\n* plotly.js (cartesian - minified) v0.0.1\n*/\n")
    monkeypatch.setitem(BUNDLES, "cartesian", other)
    assert available.__wrapped__() == ("full",)
    monkeypatch.setitem(BUNDLES, "cartesian", tmp_path / "missing.js")
    assert available.__wrapped__() == ("full",)


def test_bundles_are_served_under_their_release_from_the_apps_static_files():
    release = plotly.offline.get_plotlyjs_version()
    assert bundle_url("full") == f"app/static/plotly-{release}.min.js"
    assert bundle_url("cartesian") == f"app/static/plotly-cartesian-{release}.min.js"
    published = publish()
    assert [path.name for path in published] == [
        f"plotly-{release}.min.js",
        f"plotly-cartesian-{release}.min.js",
    ]
    for path, bundle in zip(published, ("full", "cartesian"), strict=True):
        assert path.parent == STATIC_DIR and path.stat().st_mode & 0o777 == 0o644
        assert filecmp.cmp(path, BUNDLES[bundle], shallow=False)
