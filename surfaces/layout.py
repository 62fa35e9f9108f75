"""Array layout shared by every surface: points (..., 2) in; values (...), gradients (..., 2)
and Hessians (..., 2, 2) out. The core passes (N, 2); plots may pass a (H, W, 2) grid."""

from __future__ import annotations

import numpy as np


def split(xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The x and y coordinates of points `xy` of shape (..., 2), as float64."""
    points = np.asarray(xy, dtype=np.float64)
    if points.ndim == 0 or points.shape[-1] != 2:
        raise ValueError(f"xy must have shape (N, 2) or (..., 2), got shape {points.shape}")
    return points[..., 0], points[..., 1]


def gradient(gx: np.ndarray, gy: np.ndarray) -> np.ndarray:
    """Stack the partial derivatives into (..., 2), as ``np.stack`` of them broadcast would.

    Written into one new array: the core calls this on every step, and for the few points of
    a Playground run ``np.broadcast_arrays`` + ``np.stack`` cost more than the arithmetic.
    """
    gx, gy = np.asarray(gx), np.asarray(gy)
    shape = gx.shape if gx.shape == gy.shape else np.broadcast_shapes(gx.shape, gy.shape)
    out = np.empty((*shape, 2), dtype=np.result_type(gx, gy))
    out[..., 0] = gx
    out[..., 1] = gy
    return out


def hessian(hxx: np.ndarray, hxy: np.ndarray, hyy: np.ndarray) -> np.ndarray:
    """Stack the second derivatives into the symmetric (..., 2, 2)."""
    hxx, hxy, hyy = np.broadcast_arrays(hxx, hxy, hyy)
    return np.stack([np.stack([hxx, hxy], axis=-1), np.stack([hxy, hyy], axis=-1)], axis=-2)


def outer(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per-point outer product a b^T of two (..., 2) gradients, the building block of the
    product and chain rules for Hessians."""
    return a[..., :, None] * b[..., None, :]
