"""Strings of the sweeps-and-basins page (pages/sweep.py, viz/sweep.py, viz/basins.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    "sweep.metric.final_loss": {"en": "final loss", "zh": "最终损失"},
    "sweep.metric.steps_to_tol": {"en": "steps to tolerance", "zh": "达到容差的步数"},
    "sweep.fig.title": {
        "en": "{optimizer}: {metric} after {steps} steps",
        "zh": "{optimizer}：{steps} 步后的{metric}",
    },
    "sweep.fig.final_loss": {"en": "final loss", "zh": "最终损失"},
    "sweep.fig.log_gap": {"en": "log₁₀(loss − f*)", "zh": "log₁₀(损失 − f*)"},
    "sweep.fig.steps_to_tol": {
        "en": "steps to loss − f* ≤ {tol}",
        "zh": "达到 损失 − f* ≤ {tol} 的步数",
    },
    "sweep.fig.not_reached": {"en": "tolerance not reached", "zh": "未达到容差"},
    "sweep.fig.diverged": {"en": "diverged", "zh": "发散"},
    "sweep.fig.hover_loss": {"en": "final loss", "zh": "最终损失"},
    "sweep.fig.hover_steps": {
        "en": "steps to tolerance (−1: never)",
        "zh": "达到容差的步数（−1：从未）",
    },
    "sweep.fig.hover_diverged": {
        "en": "diverged at step (−1: never)",
        "zh": "发散的步数（−1：从未）",
    },
    "basins.fig.title": {
        "en": "Basins of attraction after {steps} steps",
        "zh": "{steps} 步后的吸引域",
    },
    "basins.fig.minimum": {"en": "minimum ({x}, {y})", "zh": "极小值 ({x}, {y})"},
    "basins.fig.minima": {"en": "minima", "zh": "极小值"},
    "basins.fig.elsewhere": {
        "en": "elsewhere (no minimum reached)",
        "zh": "其他位置（未到达极小值）",
    },
    "basins.fig.diverged": {"en": "diverged", "zh": "发散"},
    # page
    "sweep.title": {"en": "Sweeps and basins of attraction", "zh": "超参数扫描与吸引域"},
    "sweep.intro": {
        "en": (
            "One picture instead of a hundred runs: every cell of the heatmap is a whole run "
            "with its own pair of hyperparameters, all computed at once as one vectorized run. "
            "Below, a grid of start points shows which minimum each start leads to."
        ),
        "zh": (
            "用一张图代替上百次运行：热力图的每个格子都是一次完整运行，各有自己的一对超参数，"
            "全部作为一次向量化运行同时算出。下方的起点网格显示每个起点最终到达哪个极小值。"
        ),
    },
    "sweep.optimizer": {"en": "Optimizer swept", "zh": "被扫描的优化器"},
    "sweep.optimizer_help": {
        "en": "The two swept hyperparameters take the grid's values; the others keep these.",
        "zh": "被扫描的两个超参数取网格上的值；其他超参数保持这里的设定。",
    },
    "sweep.grid.title": {"en": "Hyperparameter heatmap", "zh": "超参数热力图"},
    "sweep.grid.explain": {
        "en": (
            "Each cell runs the optimizer from the same start for the same number of steps. "
            "Red cells diverged, grey cells never reached the tolerance. The good region "
            "is often a narrow band: too small an lr crawls, too large diverges, and momentum "
            "or β₁ moves the edge. Click a cell to open that run in the Playground."
        ),
        "zh": (
            "每个格子都让优化器从同一起点运行相同的步数。红色格子发散，灰色格子从未达到容差。"
            "好的区域往往是一条窄带：学习率太小走得太慢，太大则发散，而动量或 β₁ 会移动这条边界。"
            "点击格子即可在游乐场中打开那次运行。"
        ),
    },
    "sweep.axis.x": {"en": "x axis", "zh": "x 轴"},
    "sweep.axis.y": {"en": "y axis", "zh": "y 轴"},
    "sweep.axis.ranges": {"en": "Ranges and cells of the two axes", "zh": "两个轴的范围与格数"},
    "sweep.axis.lo": {"en": "from", "zh": "从"},
    "sweep.axis.hi": {"en": "to", "zh": "到"},
    "sweep.axis.n": {"en": "cells", "zh": "格数"},
    "sweep.axis.log": {"en": "log spacing", "zh": "对数间隔"},
    "sweep.metric": {"en": "Colour shows", "zh": "颜色表示"},
    "sweep.progress": {"en": "Running {n} settings at once…", "zh": "正在同时运行 {n} 组设置……"},
    "sweep.summary": {
        "en": "{n} runs; {diverged} of them diverged.",
        "zh": "共 {n} 次运行，其中 {diverged} 发散。",
    },
    "sweep.open_best": {
        "en": "Open the best cell in the Playground ({cell})",
        "zh": "在游乐场中打开最佳格子（{cell}）",
    },
    "sweep.click_help": {
        "en": "Click any cell to open its run in the Playground.",
        "zh": "点击任意格子即可在游乐场中打开它的运行。",
    },
    "basins.title": {"en": "Basins of attraction", "zh": "吸引域"},
    "basins.explain": {
        "en": (
            "Every start point of a grid runs at once; its colour is the minimum it ends at. "
            "On Himmelblau's four minima, gradient descent splits the plane into four clean "
            "regions, while momentum can carry a point over a ridge into another basin, so "
            "its map is speckled. Dark brown starts diverged."
        ),
        "zh": (
            "网格中的每个起点同时运行；颜色表示它最终到达的极小值。在 Himmelblau 函数的四个"
            "极小值上，梯度下降把平面分成四块干净的区域，而动量可能把点带过山脊进入另一个"
            "吸引域，因此它的图呈斑点状。深棕色的起点发散了。"
        ),
    },
    "basins.optimizers": {"en": "Optimizers (at most 4)", "zh": "优化器（最多 4 个）"},
    "basins.cells": {"en": "Grid cells per side", "zh": "每边网格数"},
    "basins.steps": {"en": "Steps", "zh": "步数"},
    "basins.optimizer": {"en": "optimizer", "zh": "优化器"},
    "basins.none": {"en": "Choose at least one optimizer.", "zh": "请至少选择一个优化器。"},
    "sweep.axis.error": {
        "en": "This axis cannot be used as set, so the last valid one stays: {error}",
        "zh": "这个坐标轴的设置无法使用，因此保留上一个有效的设置：{error}",
    },
    "sweep.export_csv": {"en": "Grid results (CSV)", "zh": "网格结果（CSV）"},
}
