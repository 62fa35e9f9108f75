"""Tiny surfaces for the core's tests: the formulas tools/make_reference.py gives torch.

Defined here rather than imported from ``surfaces/`` so the core's tests pin the core alone.
``sign=-1`` negates the surface: maximizing it follows the same path as minimizing the
original.
"""

from __future__ import annotations

import numpy as np


class Quadratic:
    """f = 0.5 [3 dx^2 + dx dy + dy^2], dx = x - 1, dy = y + 0.5: minimum 0 at (1, -0.5)."""

    hessian_matrix = np.array([[3.0, 0.5], [0.5, 1.0]])
    minima = np.array([[1.0, -0.5]])

    def __init__(self, sign: float = 1.0):
        self.sign = sign

    def value(self, xy: np.ndarray) -> np.ndarray:
        dx, dy = xy[:, 0] - 1.0, xy[:, 1] + 0.5
        return self.sign * 0.5 * (3.0 * dx * dx + dx * dy + dy * dy)

    def grad(self, xy: np.ndarray) -> np.ndarray:
        dx, dy = xy[:, 0] - 1.0, xy[:, 1] + 0.5
        return self.sign * np.stack([3.0 * dx + 0.5 * dy, 0.5 * dx + 1.0 * dy], axis=1)

    def hessian(self, xy: np.ndarray) -> np.ndarray:
        return np.broadcast_to(self.sign * self.hessian_matrix, (len(xy), 2, 2))


class Rosenbrock:
    """f = (1 - x)^2 + 100 (y - x^2)^2: minimum 0 at (1, 1)."""

    minima = np.array([[1.0, 1.0]])

    def __init__(self, sign: float = 1.0):
        self.sign = sign

    def value(self, xy: np.ndarray) -> np.ndarray:
        x, y = xy[:, 0], xy[:, 1]
        return self.sign * ((1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2)

    def grad(self, xy: np.ndarray) -> np.ndarray:
        x, y = xy[:, 0], xy[:, 1]
        r = y - x * x
        return self.sign * np.stack([-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r], axis=1)

    def hessian(self, xy: np.ndarray) -> np.ndarray:
        x, y = xy[:, 0], xy[:, 1]
        h = np.empty((len(xy), 2, 2))
        h[:, 0, 0] = 2.0 - 400.0 * (y - 3.0 * x * x)
        h[:, 0, 1] = h[:, 1, 0] = -400.0 * x
        h[:, 1, 1] = 200.0
        return self.sign * h


class Saddle:
    """f = x^2 - y^2: a saddle at the origin, Hessian diag(2, -2)."""

    def value(self, xy: np.ndarray) -> np.ndarray:
        return xy[:, 0] ** 2 - xy[:, 1] ** 2

    def grad(self, xy: np.ndarray) -> np.ndarray:
        return np.stack([2.0 * xy[:, 0], -2.0 * xy[:, 1]], axis=1)

    def hessian(self, xy: np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.diag([2.0, -2.0]), (len(xy), 2, 2))


SURFACES = {"quadratic": Quadratic, "rosenbrock": Rosenbrock}
