"""Strings of the moment-estimates page (pages/moments.py, viz/moments.py, viz/newton.py,
viz/step_inspector.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    # figure: buffers, arrows
    "moments.fig.contour": {
        "en": "path and arrows at the current step",
        "zh": "路径与当前步的箭头",
    },
    "moments.fig.path": {"en": "path", "zh": "路径"},
    "moments.fig.current": {"en": "current point", "zh": "当前点"},
    "moments.fig.arrow_grad": {"en": "−g: gradient (direction)", "zh": "−g：梯度（方向）"},
    "moments.fig.arrow_momentum": {
        "en": "−m̂: momentum (direction)",
        "zh": "−m̂：动量（方向）",
    },
    "moments.fig.arrow_step": {"en": "step taken (direction)", "zh": "实际步（方向）"},
    "moments.fig.row_first": {
        "en": "gradient and first moment",
        "zh": "梯度与一阶矩估计",
    },
    "moments.fig.row_second": {"en": "second moment", "zh": "二阶矩估计"},
    "moments.fig.row_step": {
        "en": "effective step per coordinate",
        "zh": "每个坐标的有效步长",
    },
    "moments.fig.row_other": {"en": "other state", "zh": "其他状态"},
    # step inspector table
    "moments.inspector.quantity": {"en": "quantity", "zh": "量"},
    "moments.inspector.record": {"en": "recorded as", "zh": "记录名"},
    # Newton figure
    "newton.fig.model": {
        "en": "Newton path and the local quadratic model",
        "zh": "牛顿法路径与局部二次模型",
    },
    "newton.fig.condition": {
        "en": "condition number of the Hessian",
        "zh": "Hessian 矩阵的条件数",
    },
    "newton.fig.path": {"en": "Newton path", "zh": "牛顿法路径"},
    "newton.fig.quadratic_model": {
        "en": "quadratic model q(x) at the current point",
        "zh": "当前点处的二次模型 q(x)",
    },
    "newton.fig.step": {"en": "Newton step", "zh": "牛顿步"},
    "newton.fig.current": {"en": "current step", "zh": "当前步"},
    # page
    "moments.title": {
        "en": "Moment estimates: what an optimizer carries inside",
        "zh": "矩估计：优化器内部携带了什么",
    },
    "moments.intro": {
        "en": (
            "Momentum, RMSprop, AdaGrad, AdaDelta and the Adam family keep running averages "
            "of the gradient (the first moment, m) and of its square (the second moment, v). "
            "Press ▶ Play: the point on the map, the arrows and the cursor on every buffer "
            "curve move together, so you can see what the optimizer remembers at each step."
        ),
        "zh": (
            "动量法、RMSprop、AdaGrad、AdaDelta 和 Adam 系列会保存梯度的滑动平均（一阶矩估计 m）"
            "以及梯度平方的滑动平均（二阶矩估计 v）。按 ▶ 播放：地图上的点、箭头和每条缓冲区"
            "曲线上的游标一起移动，于是可以看到优化器在每一步记住了什么。"
        ),
    },
    "moments.optimizer": {"en": "Optimizer", "zh": "优化器"},
    "moments.explain": {
        "en": (
            "**Grey** is the raw gradient g, **blue** the momentum m̂ (bias-corrected m), "
            "**red** the step actually taken. With momentum the step keeps pointing where "
            "the gradients pointed recently, so it zig-zags less than g. Adam divides m̂ by "
            "√v̂ coordinate by coordinate: each coordinate moves about lr whatever the slope, "
            "which is why the red arrow can point away from the gradient. The right column "
            "shows every buffer per coordinate (x solid, y dashed), then the effective step "
            "lr·m̂/(√v̂ + ε) the rule applies."
        ),
        "zh": (
            "**灰色**是原始梯度 g，**蓝色**是动量 m̂（偏差校正后的 m），**红色**是实际走的一步。"
            "有了动量，步子会继续指向最近几次梯度所指的方向，因此比 g 少走之字形。Adam 按坐标"
            "把 m̂ 除以 √v̂：无论坡度多大，每个坐标大约移动 lr，所以红色箭头可能偏离梯度方向。"
            "右侧一栏按坐标显示每个缓冲区（x 为实线，y 为虚线），最后是更新规则实际使用的"
            "有效步长 lr·m̂/(√v̂ + ε)。"
        ),
    },
    "moments.arrows_caption": {
        "en": (
            "Arrows show directions at a fixed length (the gradient is often 1000 times "
            "longer than the step); the step inspector below gives the numbers."
        ),
        "zh": (
            "箭头只表示方向，长度固定（梯度往往比实际步长大上千倍）；具体数值见下方的单步检查器。"
        ),
    },
    "moments.inspector.title": {"en": "Step inspector", "zh": "单步检查器"},
    "moments.inspector.explain": {
        "en": (
            "Pick a step t and read its update rule with the run's own numbers, the way a "
            "textbook walks through one Adam step: every vector is (x, y), every result is "
            "exactly what the run recorded."
        ),
        "zh": (
            "选择第 t 步，用这次运行自己的数值读出它的更新规则，就像教科书逐步讲解一次 Adam 更新："
            "每个向量都是 (x, y)，每个结果都正是运行时记录下的值。"
        ),
    },
    "moments.inspector.step": {"en": "Step t", "zh": "第 t 步"},
    "moments.inspector.step_help": {
        "en": "t counts from 1, as torch does; the chart above starts at this step too.",
        "zh": "t 与 torch 一样从 1 开始计数；上面的图也从这一步开始。",
    },
    "moments.inspector.records_only": {
        "en": (
            "This optimizer's full rule is the formula above; here are its recorded values "
            "at step t."
        ),
        "zh": "该优化器的完整规则见上面的公式；这里列出它在第 t 步记录的数值。",
    },
    "newton.title": {
        "en": "Newton's method: the local quadratic model",
        "zh": "牛顿法：局部二次模型",
    },
    "newton.explain": {
        "en": (
            "Newton's method replaces f by its second-order Taylor model "
            "q(x) = f + gᵀd + ½ dᵀHd at the current point and jumps to the model's minimum. "
            "Orange lines are the model's level sets: where they follow the true contours the "
            "step is good, where they do not (far from the minimum, or where H is indefinite) "
            "it can overshoot. The condition number κ(H) = |λ|max / |λ|min measures how "
            "stretched the model is: large κ is a narrow valley, where gradient descent "
            "zig-zags and Newton's rescaling pays off."
        ),
        "zh": (
            "牛顿法在当前点用二阶泰勒模型 q(x) = f + gᵀd + ½ dᵀHd 代替 f，并直接跳到模型的极小值。"
            "橙色线是模型的等值线：它们与真实等高线吻合时这一步就好；不吻合时（离极小值很远，"
            "或 H 不定）就可能走过头。条件数 κ(H) = |λ|max / |λ|min 衡量模型被拉伸的程度："
            "κ 大表示狭窄的山谷，梯度下降会走之字形，而牛顿法的重新缩放正好派上用场。"
        ),
    },
    "newton.steps": {"en": "Newton steps", "zh": "牛顿法步数"},
    "newton.step": {"en": "Step shown", "zh": "显示的步数"},
    "newton.condition": {"en": "condition number κ(H)", "zh": "条件数 κ(H)"},
    "newton.curvature": {"en": "curvature", "zh": "曲率"},
    "newton.kind.positive_definite": {"en": "bowl (positive definite)", "zh": "碗形（正定）"},
    "newton.kind.negative_definite": {"en": "dome (negative definite)", "zh": "穹顶（负定）"},
    "newton.kind.indefinite": {"en": "saddle (indefinite)", "zh": "鞍形（不定）"},
    "newton.kind.singular": {"en": "flat direction (singular)", "zh": "平坦方向（奇异）"},
    "newton.caption": {
        "en": (
            "The lab's Newton is damped and saddle-free: it divides by |λ| + damping, so it "
            "still goes downhill where H is indefinite."
        ),
        "zh": "本实验室的牛顿法带阻尼且无鞍点问题：它除以 |λ| + 阻尼，因此在 H 不定时仍然下坡。",
    },
}
