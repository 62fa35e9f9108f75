"""The registry as data: names, parameters declared once and validated, the metadata every
page reads, and surfaces that survive pickling (st.cache_data pickles return values)."""

from __future__ import annotations

import pickle
import re

import numpy as np
import pytest

import surfaces
from i18n import t

REQUIRED = {
    "rosenbrock", "saddle", "monkey_saddle", "noisy_bowl", "elliptic_bowl", "beale",
    "himmelblau", "rastrigin", "booth", "six_hump_camel", "ackley", "goldstein_price",
}  # fmt: skip


def test_names_cover_the_required_surfaces_and_start_with_rosenbrock():
    names = surfaces.names()
    assert set(names) >= REQUIRED
    assert len(names) == len(set(names))
    assert names[0] == "rosenbrock"


def test_unknown_surface_lists_the_choices():
    with pytest.raises(ValueError, match=r"unknown surface 'banana'; choose one of: rosenbrock"):
        surfaces.get("banana")


@pytest.mark.parametrize("name", surfaces.names())
def test_metadata_every_page_reads(name):
    surface = surfaces.get(name)
    assert surface.name == name
    assert surface.title and surface.formula_latex.startswith("f(x, y) = ")
    lesson = t(f"surface.{name}.lesson", "en")  # its words live in the catalog only
    sentences = lesson.count(". ") + 1
    assert 20 < len(lesson) < 400 and 1 <= sentences <= 2 and lesson.endswith(".")
    assert not hasattr(surface, "lesson")
    assert isinstance(surface.log_contour, bool)
    (xmin, xmax), (ymin, ymax) = surface.bounds
    assert xmin < xmax and ymin < ymax
    assert surface.minima.ndim == 2 and surface.minima.shape[1] == 2
    assert surface.saddles.ndim == 2 and surface.saddles.shape[1] == 2
    for array in (surface.minima, surface.saddles, surface.start):
        assert array.dtype == np.float64 and not array.flags.writeable


@pytest.mark.parametrize("name", surfaces.names())
def test_param_specs_drive_the_defaults_and_end_with_noise_and_batch(name):
    surface = surfaces.get(name)
    specs = surface.param_specs
    assert [spec.name for spec in specs][-2:] == ["noise", "batch"]
    assert list(surface.params) == [spec.name for spec in specs]
    for spec in specs:
        low, high = spec.range
        assert low <= spec.default <= high and spec.meaning
        assert surface.params[spec.name] == spec.default
        assert not spec.log or low > 0  # a log slider needs a positive range


def test_only_the_noisy_bowl_is_noisy_by_default():
    noisy = [name for name in surfaces.names() if surfaces.get(name).params["noise"] > 0]
    assert noisy == ["noisy_bowl"]


def test_parameters_are_set_and_reported():
    surface = surfaces.get("rosenbrock", a=0.5, b=10, noise=0.3, batch=8)
    assert surface.params == {"a": 0.5, "b": 10.0, "noise": 0.3, "batch": 8}
    assert type(surface.params["batch"]) is int
    xy = np.array([[0.2, -0.4]])
    np.testing.assert_allclose(surface.value(xy), (0.5 - 0.2) ** 2 + 10 * (-0.4 - 0.04) ** 2)
    assert repr(surface) == "Surface('rosenbrock', a=0.5, b=10.0, noise=0.3, batch=8)"


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("rosenbrock", {"b": -1},
         "surface 'rosenbrock': b must be a finite float in [1, 1000]; got -1"),
        ("rosenbrock", {"a": float("nan")},
         "surface 'rosenbrock': a must be a finite float in [-1.5, 1.5]; got nan"),
        ("rosenbrock", {"a": "1"},
         "surface 'rosenbrock': a must be a finite float in [-1.5, 1.5]; got '1'"),
        ("elliptic_bowl", {"condition": 0.5},
         "surface 'elliptic_bowl': condition must be a finite float in [1, 1000]; got 0.5"),
        ("booth", {"noise": -0.1},
         "surface 'booth': noise must be a finite float in [0, 10]; got -0.1"),
        ("booth", {"batch": 2.5},
         "surface 'booth': batch must be an integer in [1, 1024]; got 2.5"),
        ("booth", {"batch": True},
         "surface 'booth': batch must be an integer in [1, 1024]; got True"),
        ("booth", {"batch": 0}, "surface 'booth': batch must be an integer in [1, 1024]; got 0"),
        ("booth", {"b": 1.0}, "surface 'booth': unknown parameter 'b'; allowed: noise, batch"),
    ],
)  # fmt: skip
def test_bad_parameters_name_the_parameter_range_and_value(name, params, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        surfaces.get(name, **params)


def test_integral_floats_and_numpy_scalars_are_accepted():
    surface = surfaces.get("booth", batch=np.int64(4), noise=np.float32(0.5))
    assert surface.params == {"noise": 0.5, "batch": 4}
    assert surfaces.get("booth", batch=16.0).params["batch"] == 16


@pytest.mark.parametrize("name", surfaces.names())
def test_surfaces_pickle_with_their_parameters(name):
    surface = surfaces.get(name, noise=0.5)
    copy = pickle.loads(pickle.dumps(surface))
    xy = np.array([[0.3, -0.2], [1.1, 0.4]])
    np.testing.assert_array_equal(copy.value(xy), surface.value(xy))
    np.testing.assert_array_equal(copy.hessian(xy), surface.hessian(xy))
    np.testing.assert_array_equal(copy.stochastic_grad(xy, 3, 7), surface.stochastic_grad(xy, 3, 7))
    assert copy.params == surface.params


def test_the_package_imports_no_ui_libraries():
    import subprocess
    import sys

    code = (
        "import sys, surfaces; surfaces.from_expression('x**2 + y**2');"
        "print(sorted(m for m in ('streamlit', 'plotly') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_surfaces_are_equal_when_built_from_the_same_recipe():
    assert surfaces.get("rosenbrock", b=10) == surfaces.get("rosenbrock", b=10.0)
    assert surfaces.get("rosenbrock", b=10) != surfaces.get("rosenbrock", b=11)
    assert surfaces.get("booth") != surfaces.get("booth", noise=0.1)
    assert len({surfaces.get("booth"), surfaces.get("booth"), surfaces.get("beale")}) == 2
    assert surfaces.get("rosenbrock").key == (
        "rosenbrock", ("a", 1.0), ("b", 100.0), ("noise", 0.0), ("batch", 1)
    )  # fmt: skip
    typed = surfaces.from_expression("x**2 + y**2", start=(1, 1))
    assert typed == surfaces.from_expression("x**2 + y**2", start=(1.0, 1.0))
    assert typed != surfaces.from_expression("x**2 + y**2")
    assert hash(typed) == hash(pickle.loads(pickle.dumps(typed)))


@pytest.mark.parametrize(
    ("name", "params", "f_min"),
    [
        ("rosenbrock", {}, 0.0),
        ("rosenbrock", {"a": 0.5, "b": 10}, 0.0),
        ("goldstein_price", {}, 3.0),
        ("himmelblau", {}, 0.0),
        ("six_hump_camel", {}, -1.031628453489877),
    ],
)
def test_f_min_is_the_value_at_the_known_minima(name, params, f_min):
    surface = surfaces.get(name, **params)
    assert surface.f_min == pytest.approx(f_min, abs=1e-9)


def test_f_min_is_none_where_no_minimum_is_known():
    assert surfaces.get("saddle").f_min is None
    assert surfaces.from_expression("x**2 + y**2").f_min is None
