"""The Playground page, the shared link notices (link.*), and the names and help the
registries' controls show: surfaces (surface.<name>.*), hyperparameters (hp.<name>.*),
presets (preset.<name>) and schedules (sched.*), reusable by every page."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- page ------------------------------------------------------------------------------
    "pg.title": {"en": "Playground", "zh": "游乐场"},
    "pg.intro": {
        "en": (
            "Several optimizers start from the same point on the same surface. Press ▶ Play "
            "or drag the step slider: the paths, the current points and the loss curves move "
            "together. Click the map to start somewhere else."
        ),
        "zh": (
            "多个优化器在同一曲面上从同一点出发。按 ▶ 播放或拖动步数滑块：路径、当前点和损失"
            "曲线一起移动。点击地图可换一个起点。"
        ),
    },
    "pg.sidebar.surface": {"en": "Surface", "zh": "曲面"},
    "pg.sidebar.run": {"en": "Run", "zh": "运行"},
    "pg.sidebar.view": {"en": "View", "zh": "视图"},
    "pg.surface": {"en": "Loss surface", "zh": "损失曲面"},
    "pg.surface_custom": {"en": "Custom formula", "zh": "自定义公式"},
    "pg.formula": {"en": "f(x, y) =", "zh": "f(x, y) ="},
    "pg.formula_help": {
        "en": (
            "Python-style formula in x and y: + - * / ** and sin, cos, exp, log, sqrt, abs... "
            "e.g. (1-x)**2 + 100*(y-x**2)**2. Press Enter to apply."
        ),
        "zh": "关于 x 和 y 的 Python 风格公式：+ - * / ** 以及 sin、cos、exp、log、sqrt、abs……"
        "例如 (1-x)**2 + 100*(y-x**2)**2。按回车应用。",
    },
    "pg.formula_error": {"en": "The formula was refused: {error}", "zh": "公式无法使用：{error}"},
    "pg.bounds": {"en": "Plot window", "zh": "绘图窗口"},
    "pg.bounds_error": {
        "en": (
            "The window needs xmin < xmax and ymin < ymax; "
            "got x: [{xmin}, {xmax}], y: [{ymin}, {ymax}]."
        ),
        "zh": "窗口需要 xmin < xmax 且 ymin < ymax；当前 x：[{xmin}, {xmax}]，"
        "y：[{ymin}, {ymax}]。",
    },
    "pg.start": {"en": "Start point", "zh": "起点"},
    "pg.start_help": {
        "en": "Type a point, or click on the contour map.",
        "zh": "输入一个点，或在等高线图上点击。",
    },
    "pg.reset_start": {"en": "Surface's start", "zh": "曲面默认起点"},
    "pg.steps": {"en": "Steps", "zh": "步数"},
    "pg.steps_help": {
        "en": "Number of optimizer steps (at most {max}).",
        "zh": "优化器的步数（最多 {max}）。",
    },
    "pg.noise": {"en": "Gradient noise (std per sample)", "zh": "梯度噪声（单样本标准差）"},
    "pg.noise_help": {
        "en": (
            "Gaussian noise added to every gradient, as when it is estimated from a random "
            "mini-batch."
        ),
        "zh": "加到每个梯度上的高斯噪声，就像用随机小批量估计梯度时那样。",
    },
    "pg.batch": {"en": "Batch size", "zh": "批量大小"},
    "pg.batch_help": {
        "en": "Averaging over a batch divides the noise's std by √batch.",
        "zh": "对一个批量取平均会把噪声标准差除以 √批量大小。",
    },
    "pg.seed": {"en": "Noise seed", "zh": "噪声随机种子"},
    "pg.seed_help": {
        "en": "Same seed, same noise: a run can be repeated exactly.",
        "zh": "相同的种子产生相同的噪声：运行可以精确重现。",
    },
    "pg.tol": {"en": "Tolerance for 'steps to tolerance'", "zh": "“达到容差的步数”所用的容差"},
    "pg.view": {"en": "Layout", "zh": "布局"},
    "pg.view.overlay": {"en": "Overlay", "zh": "叠加"},
    "pg.view.grid": {"en": "Small multiples", "zh": "分面小图"},
    "pg.view.surface3d": {"en": "3D surface", "zh": "三维曲面"},
    "pg.speed": {"en": "Play speed", "zh": "播放速度"},
    "pg.step_shown": {"en": "Step shown", "zh": "显示的步数"},
    "pg.step_back": {"en": "◀ Step", "zh": "◀ 上一步"},
    "pg.step_forward": {"en": "Step ▶", "zh": "下一步 ▶"},
    "pg.step_help": {
        "en": "Move the markers by one frame ({stride} step(s)); ▶ Play in the chart animates.",
        "zh": "把标记移动一帧（{stride} 步）；图中的 ▶ 播放会播放动画。",
    },
    "pg.optimizers": {"en": "Optimizers", "zh": "优化器"},
    "pg.add": {"en": "Add optimizer", "zh": "添加优化器"},
    "pg.add_choice": {"en": "Optimizer or preset to add", "zh": "要添加的优化器或预设"},
    "pg.add_limit": {
        "en": "At most {max} optimizers at once.",
        "zh": "最多同时比较 {max} 个优化器。",
    },
    "pg.remove": {"en": "Remove", "zh": "移除"},
    "pg.preset": {"en": "Optimizer / preset", "zh": "优化器 / 预设"},
    "pg.reset": {"en": "Reset to preset", "zh": "重置为预设"},
    "pg.presets": {"en": "Presets", "zh": "预设"},
    "pg.schedule": {"en": "Learning-rate schedule", "zh": "学习率调度"},
    "pg.no_schedule": {"en": "constant learning rate", "zh": "恒定学习率"},
    "pg.schedule_params": {"en": "Schedule parameters", "zh": "调度参数"},
    "pg.milestones_help": {
        "en": "Comma-separated steps, e.g. 50, 100, 150.",
        "zh": "用逗号分隔的步数，例如 50, 100, 150。",
    },
    "pg.hparam_error": {
        "en": "{name}: invalid settings: {error}",
        "zh": "{name} 的设置无效：{error}",
    },
    "pg.kept_figure": {
        "en": "Showing the last figure that worked until the error above is fixed.",
        "zh": "在修正上面的错误之前，显示最后一次成功的图。",
    },
    "pg.no_figure": {
        "en": "Nothing to draw yet: fix the errors above.",
        "zh": "暂时无法绘图：请先修正上面的错误。",
    },
    "pg.summary": {"en": "Summary", "zh": "结果汇总"},
    "pg.export": {"en": "Export", "zh": "导出"},
    "pg.link": {"en": "Shareable link", "zh": "可分享的链接"},
    "pg.link_help": {
        "en": (
            "The address bar holds every setting of this view: copy it to share exactly "
            "what you see."
        ),
        "zh": "地址栏保存了这个视图的全部设置：复制它即可分享你现在看到的内容。",
    },
    "pg.formula_latex": {"en": "Formula", "zh": "公式"},
    "pg.lesson": {"en": "What to look for", "zh": "观察要点"},
    # --- link notices (ui.links) -----------------------------------------------------------
    "link.notice": {
        "en": "Link parameter `{param}`: {allowed}, got `{given}`; using {used} instead.",
        "zh": "链接参数 `{param}`：{allowed}，但给出的是 `{given}`；改用 {used}。",
    },
    "link.notice_dropped": {
        "en": "Link parameter `{param}` = `{given}` ignored: {allowed}.",
        "zh": "已忽略链接参数 `{param}` = `{given}`：{allowed}。",
    },
    "link.allowed_number": {
        "en": "expected a number in {interval}",
        "zh": "应为 {interval} 内的数",
    },
    "link.allowed_integer": {
        "en": "expected an integer in {interval}",
        "zh": "应为 {interval} 内的整数",
    },
    "link.allowed_choice": {"en": "expected one of {choices}", "zh": "应为以下之一：{choices}"},
    "link.allowed_flag": {"en": "expected 1 or 0", "zh": "应为 1 或 0"},
    "link.allowed_text": {
        "en": "expected text of at most {max} characters",
        "zh": "应为不超过 {max} 个字符的文本",
    },
    "link.allowed_bounds": {
        "en": "expected xmin < xmax and ymin < ymax",
        "zh": "应满足 xmin < xmax 且 ymin < ymax",
    },
    "link.allowed_optimizers": {
        "en": "at most {max} optimizers per link",
        "zh": "每个链接最多 {max} 个优化器",
    },
    "link.allowed_ints": {
        "en": "expected up to {max} comma-separated whole numbers",
        "zh": "应为最多 {max} 个用逗号分隔的非负整数",
    },
    "link.unknown_param": {"en": "this page has no such setting", "zh": "本页面没有这个设置"},
    "link.default": {"en": "the default", "zh": "默认值"},
    # --- surfaces --------------------------------------------------------------------------
    "surface.rosenbrock.title": {"en": "Rosenbrock", "zh": "Rosenbrock 香蕉函数"},
    "surface.rosenbrock.lesson": {
        "en": (
            "The minimum lies at the end of a long, curved, nearly flat valley: gradient "
            "descent reaches the valley floor quickly, then zig-zags and crawls along it, while "
            "momentum and adaptive methods travel along the floor much faster."
        ),
        "zh": (
            "极小值位于一条又长又弯、几乎平坦的山谷尽头：梯度下降很快到达谷底，然后来回震荡、"
            "沿谷底缓慢爬行；动量法和自适应方法沿谷底前进得快得多。"
        ),
    },
    "surface.saddle.title": {"en": "Saddle", "zh": "鞍面"},
    "surface.saddle.lesson": {
        "en": (
            "At the origin the gradient vanishes, yet it is not a minimum: it curves up along x "
            "and down along y. Starting almost on the line that leads into it, plain gradient "
            "descent stalls near the saddle before it escapes; noise and momentum escape sooner."
        ),
        "zh": (
            "原点处梯度为零，但它不是极小值：沿 x 方向向上弯，沿 y 方向向下弯。从几乎正对它的"
            "直线上出发，普通梯度下降会在鞍点附近停滞一阵才逃离；噪声和动量能更早逃离。"
        ),
    },
    "surface.noisy_bowl.title": {"en": "Noisy bowl", "zh": "带噪声的碗"},
    "surface.noisy_bowl.lesson": {
        "en": (
            "Every gradient carries seeded noise, as when it is estimated from a random "
            "mini-batch: with a constant learning rate SGD never settles but jitters around the "
            "minimum; a larger batch or a decaying learning rate lets it settle."
        ),
        "zh": (
            "每个梯度都带有（可复现的）噪声，就像用随机小批量估计梯度时那样：学习率恒定时 SGD "
            "永远不会停下，而是在极小值附近抖动；更大的批量或逐渐衰减的学习率能让它收敛。"
        ),
    },
    "surface.elliptic_bowl.title": {"en": "Elliptic bowl", "zh": "椭圆碗"},
    "surface.elliptic_bowl.lesson": {
        "en": (
            "The bowl is kappa times steeper across the valley than along it, so the learning "
            "rate must stay below 2/kappa: plain gradient descent zig-zags across and crawls "
            "along. Momentum helps at any angle; per-coordinate adaptive steps help only while "
            "the valley lies along an axis (try turning it)."
        ),
        "zh": (
            "碗在横穿山谷方向上比沿山谷方向陡 kappa 倍，因此学习率必须小于 2/kappa：普通梯度"
            "下降横向震荡、纵向爬行。动量在任何角度都有帮助；逐坐标的自适应步长只在山谷与坐标轴"
            "对齐时有效（试着旋转它）。"
        ),
    },
    "surface.monkey_saddle.title": {"en": "Monkey saddle", "zh": "猴鞍面"},
    "surface.monkey_saddle.lesson": {
        "en": (
            "Three valleys fall away from a flat point where gradient and Hessian both vanish: "
            "gradient methods slow to a crawl near it before sliding into a valley, while "
            "Newton's method is drawn straight into the saddle, halving its distance every step."
        ),
        "zh": (
            "三条山谷从一个平坦点向外延伸，该点梯度和 Hessian 矩阵都为零：梯度方法在它附近慢得"
            "几乎停下，然后滑入某条山谷；而牛顿法会被直接吸进鞍点，每步距离减半。"
        ),
    },
    "surface.beale.title": {"en": "Beale", "zh": "Beale 函数"},
    "surface.beale.lesson": {
        "en": (
            "Flat plateaus sit next to steep, narrow ridges, so gradient sizes differ by orders "
            "of magnitude: one learning rate is too large in one place and too small in another, "
            "which is what adaptive methods correct for."
        ),
        "zh": (
            "平坦的高原紧挨着陡峭狭窄的山脊，梯度大小相差几个数量级：同一个学习率在一处太大、"
            "在另一处太小，这正是自适应方法要纠正的。"
        ),
    },
    "surface.booth.title": {"en": "Booth", "zh": "Booth 函数"},
    "surface.booth.lesson": {
        "en": (
            "A plain quadratic bowl, tilted 45 degrees, with condition number 9: a baseline on "
            "which every method converges. Because the valley is diagonal, per-coordinate "
            "adaptive steps gain little over plain gradient descent here."
        ),
        "zh": (
            "一个倾斜 45 度、条件数为 9 的普通二次碗：所有方法都会收敛的基准。由于山谷是斜的，"
            "逐坐标的自适应步长在这里比普通梯度下降好不了多少。"
        ),
    },
    "surface.himmelblau.title": {"en": "Himmelblau", "zh": "Himmelblau 函数"},
    "surface.himmelblau.lesson": {
        "en": (
            "Four equally deep minima, each with its own basin of attraction, separated by "
            "saddle points: which one an optimizer reaches depends on where it starts and on its "
            "dynamics, since momentum can carry it across into another basin."
        ),
        "zh": (
            "四个同样深的极小值，各有自己的吸引域，由鞍点隔开：优化器到达哪一个取决于起点和它的"
            "动力学，因为动量可能把它带进另一个吸引域。"
        ),
    },
    "surface.six_hump_camel.title": {"en": "Six-hump camel", "zh": "六峰驼背函数"},
    "surface.six_hump_camel.lesson": {
        "en": (
            "Two global minima and four shallower local ones between steep walls: a run settles "
            "in the minimum whose basin it starts in, so the start point and the step size decide "
            "the outcome more than the choice of optimizer."
        ),
        "zh": (
            "陡壁之间有两个全局极小值和四个较浅的局部极小值：一次运行会停在起点所在吸引域的极小"
            "值，因此起点和步长比优化器的选择更能决定结果。"
        ),
    },
    "surface.rastrigin.title": {"en": "Rastrigin", "zh": "Rastrigin 函数"},
    "surface.rastrigin.lesson": {
        "en": (
            "A bowl covered in regularly spaced bumps: about a hundred local minima in view, and "
            "gradient descent stops in the nearest one. Only large steps, momentum or noise can "
            "hop from dip to dip towards the centre."
        ),
        "zh": (
            "一个布满规则凸起的碗：视野内约有一百个局部极小值，梯度下降会停在最近的一个。只有大"
            "步长、动量或噪声才能从一个凹坑跳到另一个，逐步靠近中心。"
        ),
    },
    "surface.ackley.title": {"en": "Ackley", "zh": "Ackley 函数"},
    "surface.ackley.lesson": {
        "en": (
            "A nearly flat outer region covered in small dips surrounds one deep, sharp funnel: "
            "far from the centre the local gradient says little about where the global minimum "
            "is, and gradient descent stops in the first dip."
        ),
        "zh": (
            "一片布满小凹坑、几乎平坦的外围区域包围着一个又深又尖的漏斗：远离中心时，局部梯度"
            "几乎无法指出全局极小值在哪里，梯度下降会停在第一个凹坑。"
        ),
    },
    "surface.goldstein_price.title": {"en": "Goldstein-Price", "zh": "Goldstein-Price 函数"},
    "surface.goldstein_price.lesson": {
        "en": (
            "Values span six orders of magnitude around a flat-bottomed valley with several "
            "local minima: only log-scale contours show the structure, and a step size that is "
            "safe on the steep walls stalls on the valley floor."
        ),
        "zh": (
            "函数值在一个平底山谷周围跨越六个数量级，并有若干局部极小值：只有对数刻度的等高线才"
            "能显示其结构；在陡壁上安全的步长到了谷底就会停滞。"
        ),
    },
    "surface.custom.lesson": {
        "en": (
            "A formula of your own: its gradient and Hessian are derived symbolically, so every "
            "optimizer sees exact derivatives."
        ),
        "zh": "你自己的公式：梯度和 Hessian 矩阵由符号推导得到，所以每个优化器看到的都是精确导数。",
    },
    "surface.param.a": {
        "en": "a: position of the minimum (a, a²)",
        "zh": "a：极小值的位置 (a, a²)",
    },
    "surface.param.b": {"en": "b: steepness of the valley walls", "zh": "b：谷壁的陡峭程度"},
    "surface.param.condition": {"en": "condition number κ", "zh": "条件数 κ"},
    "surface.param.angle": {
        "en": "rotation θ of the valley (degrees)",
        "zh": "山谷的旋转角 θ（度）",
    },
    # --- hyperparameters (label; help) -------------------------------------------------------
    "hp.lr": {"en": "learning rate lr", "zh": "学习率 lr"},
    "hp.lr.help": {"en": "How far each step moves.", "zh": "每一步移动多远。"},
    "hp.momentum": {"en": "momentum", "zh": "动量 momentum"},
    "hp.momentum.help": {
        "en": "Fraction of the previous step kept in the velocity buffer.",
        "zh": "速度缓冲区中保留的上一步的比例。",
    },
    "hp.dampening": {"en": "dampening", "zh": "阻尼 dampening"},
    "hp.dampening.help": {
        "en": "Shrinks the new gradient's share of the velocity buffer.",
        "zh": "减小新梯度在速度缓冲区中所占的份额。",
    },
    "hp.weight_decay": {"en": "weight decay", "zh": "权重衰减 weight_decay"},
    "hp.weight_decay.help": {
        "en": "Pulls the point toward the origin in proportion to its distance.",
        "zh": "按与原点的距离成比例地把点拉向原点。",
    },
    "hp.nesterov": {"en": "Nesterov", "zh": "Nesterov 动量"},
    "hp.nesterov.help": {
        "en": "Take the gradient one momentum step ahead (needs momentum > 0 and dampening 0).",
        "zh": "在沿动量前进一步的位置取梯度（要求 momentum > 0 且 dampening 为 0）。",
    },
    "hp.maximize": {"en": "maximize", "zh": "最大化 maximize"},
    "hp.maximize.help": {
        "en": "Climb the surface instead of descending it.",
        "zh": "沿曲面向上爬，而不是向下走。",
    },
    "hp.lr_decay": {"en": "lr decay", "zh": "学习率衰减 lr_decay"},
    "hp.lr_decay.help": {
        "en": "Shrinks the learning rate as 1 / (1 + (t − 1) · lr_decay).",
        "zh": "按 1 / (1 + (t − 1) · lr_decay) 缩小学习率。",
    },
    "hp.initial_accumulator_value": {
        "en": "initial accumulator",
        "zh": "累加器初值 initial_accumulator_value",
    },
    "hp.initial_accumulator_value.help": {
        "en": "Starting value of the sum of squared gradients.",
        "zh": "梯度平方和的初始值。",
    },
    "hp.eps": {"en": "eps", "zh": "eps（数值稳定项）"},
    "hp.eps.help": {
        "en": "Added to the denominator so it never divides by zero.",
        "zh": "加到分母上，避免除以零。",
    },
    "hp.rho": {"en": "rho", "zh": "rho（衰减率）"},
    "hp.rho.help": {
        "en": "Memory of the running averages of squared gradients and squared steps.",
        "zh": "梯度平方与步长平方的滑动平均的记忆长度。",
    },
    "hp.alpha": {"en": "alpha", "zh": "alpha（平滑常数）"},
    "hp.alpha.help": {
        "en": "Memory of the running average of squared gradients.",
        "zh": "梯度平方滑动平均的记忆长度。",
    },
    "hp.centered": {"en": "centered", "zh": "中心化 centered"},
    "hp.centered.help": {
        "en": "Divide by the gradient's standard deviation instead of its root mean square.",
        "zh": "除以梯度的标准差，而不是均方根。",
    },
    "hp.beta1": {"en": "beta1", "zh": "beta1（一阶矩衰减率）"},
    "hp.beta1.help": {
        "en": "Memory of the first-moment (gradient) average.",
        "zh": "一阶矩估计（梯度平均）的记忆长度。",
    },
    "hp.beta2": {"en": "beta2", "zh": "beta2（二阶矩衰减率）"},
    "hp.beta2.help": {
        "en": "Memory of the second-moment (squared gradient) average.",
        "zh": "二阶矩估计（梯度平方平均）的记忆长度。",
    },
    "hp.amsgrad": {"en": "AMSGrad", "zh": "AMSGrad（二阶矩最大值）"},
    "hp.amsgrad.help": {
        "en": "Divide by the running maximum of the second moment.",
        "zh": "除以二阶矩估计的历史最大值。",
    },
    "hp.decoupled_weight_decay": {"en": "decoupled weight decay", "zh": "解耦权重衰减"},
    "hp.decoupled_weight_decay.help": {
        "en": (
            "Decay the point directly (AdamW) instead of adding weight_decay · p to the gradient."
        ),
        "zh": "直接衰减参数（AdamW），而不是把 weight_decay · p 加到梯度上。",
    },
    "hp.keras_epsilon": {"en": "Keras epsilon", "zh": "Keras 式 epsilon"},
    "hp.keras_epsilon.help": {
        "en": (
            "Add eps to √v before bias correction, as Keras does (acts 1/√(1 − β₂ᵗ) times larger)."
        ),
        "zh": "像 Keras 那样在偏差校正之前把 eps 加到 √v 上（效果相当于放大 1/√(1 − β₂ᵗ) 倍）。",
    },
    "hp.bias_correction": {"en": "bias correction", "zh": "偏差校正"},
    "hp.bias_correction.help": {
        "en": "Divide the moments by 1 − βᵗ; off shows the slow, biased start.",
        "zh": "把矩估计除以 1 − βᵗ；关闭后可以看到缓慢而有偏的开始。",
    },
    "hp.momentum_decay": {"en": "momentum decay", "zh": "动量衰减 momentum_decay"},
    "hp.momentum_decay.help": {
        "en": "How fast the momentum coefficient warms up toward beta1.",
        "zh": "动量系数向 beta1 预热的速度。",
    },
    "hp.etaminus": {"en": "eta− (after a sign flip)", "zh": "eta−（符号改变后）"},
    "hp.etaminus.help": {
        "en": "Step-size factor after the gradient changes sign.",
        "zh": "梯度改变符号后的步长缩放因子。",
    },
    "hp.etaplus": {"en": "eta+ (sign holds)", "zh": "eta+（符号不变时）"},
    "hp.etaplus.help": {
        "en": "Step-size factor while the gradient keeps its sign.",
        "zh": "梯度保持符号时的步长放大因子。",
    },
    "hp.step_size_min": {"en": "smallest step size", "zh": "最小步长"},
    "hp.step_size_min.help": {"en": "Smallest allowed step size.", "zh": "允许的最小步长。"},
    "hp.step_size_max": {"en": "largest step size", "zh": "最大步长"},
    "hp.step_size_max.help": {"en": "Largest allowed step size.", "zh": "允许的最大步长。"},
    "hp.damping": {"en": "damping", "zh": "阻尼 damping"},
    "hp.damping.help": {
        "en": "Added to every |eigenvalue| of the Hessian, so flat directions do not explode.",
        "zh": "加到 Hessian 的每个特征值的绝对值上，使平坦方向不会爆炸。",
    },
    # --- presets ---------------------------------------------------------------------------
    "preset.sgd": {"en": "Plain gradient descent.", "zh": "普通梯度下降。"},
    "preset.momentum": {"en": "SGD with heavy-ball momentum 0.9.", "zh": "带重球动量 0.9 的 SGD。"},
    "preset.nesterov": {
        "en": "SGD with Nesterov momentum 0.9.",
        "zh": "带 Nesterov 动量 0.9 的 SGD。",
    },
    "preset.adagrad": {
        "en": "Divides by the root of the sum of squared gradients.",
        "zh": "除以梯度平方和的平方根。",
    },
    "preset.adadelta": {
        "en": "Ratio of step and gradient averages.",
        "zh": "步长平均与梯度平均之比。",
    },
    "preset.rmsprop": {"en": "Running average of squared gradients.", "zh": "梯度平方的滑动平均。"},
    "preset.rmsprop_centered": {
        "en": "Divides by the gradient's running standard deviation.",
        "zh": "除以梯度的滑动标准差。",
    },
    "preset.adam": {"en": "torch.optim.Adam defaults.", "zh": "torch.optim.Adam 的默认设置。"},
    "preset.amsgrad": {
        "en": "Adam with the running max of v.",
        "zh": "使用 v 的历史最大值的 Adam。",
    },
    "preset.adamw": {
        "en": "Adam with decoupled weight decay 0.01.",
        "zh": "带解耦权重衰减 0.01 的 Adam。",
    },
    "preset.adam_keras": {
        "en": "Keras' epsilon-hat placement and default 1e-7.",
        "zh": "Keras 的 epsilon-hat 位置和默认值 1e-7。",
    },
    "preset.adam_no_bias_correction": {
        "en": "The raw moments, biased toward zero at the start.",
        "zh": "未经偏差校正的矩估计，开始时偏向零。",
    },
    "preset.adamax": {"en": "Infinity-norm Adam.", "zh": "基于无穷范数的 Adam。"},
    "preset.nadam": {"en": "Adam with Nesterov momentum.", "zh": "带 Nesterov 动量的 Adam。"},
    "preset.radam": {"en": "Rectified Adam.", "zh": "修正的 Adam（RAdam）。"},
    "preset.rprop": {"en": "Sign-based steps.", "zh": "只看梯度符号的步长。"},
    "preset.newton": {"en": "Damped saddle-free Newton.", "zh": "带阻尼、避开鞍点的牛顿法。"},
    # --- schedules -------------------------------------------------------------------------
    "sched.constant": {"en": "Constant factor (ConstantLR)", "zh": "常数因子（ConstantLR）"},
    "sched.step": {"en": "Step decay (StepLR)", "zh": "阶梯衰减（StepLR）"},
    "sched.multistep": {
        "en": "Decay at milestones (MultiStepLR)",
        "zh": "里程碑衰减（MultiStepLR）",
    },
    "sched.exponential": {
        "en": "Exponential decay (ExponentialLR)",
        "zh": "指数衰减（ExponentialLR）",
    },
    "sched.cosine": {
        "en": "Cosine annealing (CosineAnnealingLR)",
        "zh": "余弦退火（CosineAnnealingLR）",
    },
    "sched.cosine_warm_restarts": {
        "en": "Cosine with warm restarts (CosineAnnealingWarmRestarts)",
        "zh": "带热重启的余弦退火（CosineAnnealingWarmRestarts）",
    },
    "sched.linear": {"en": "Linear ramp (LinearLR)", "zh": "线性变化（LinearLR）"},
    "sched.polynomial": {
        "en": "Polynomial decay (PolynomialLR)",
        "zh": "多项式衰减（PolynomialLR）",
    },
    "sched.onecycle": {"en": "One cycle (OneCycleLR)", "zh": "单周期（OneCycleLR）"},
    "sched.cyclic": {"en": "Cyclical lr (CyclicLR)", "zh": "循环学习率（CyclicLR）"},
    "sched.lambda": {"en": "Any formula (LambdaLR)", "zh": "任意公式（LambdaLR）"},
    "sched.plateau": {
        "en": "Reduce on plateau (ReduceLROnPlateau)",
        "zh": "停滞时降低（ReduceLROnPlateau）",
    },
    "sched.warmup_cosine": {"en": "Warm-up, then cosine annealing", "zh": "预热后余弦退火"},
    "sched.warmup_cosine_warm_restarts": {
        "en": "Warm-up, then cosine with warm restarts",
        "zh": "预热后带热重启的余弦退火",
    },
    "sched.warmup_step": {"en": "Warm-up, then step decay", "zh": "预热后阶梯衰减"},
    "sched.warmup_multistep": {"en": "Warm-up, then decay at milestones", "zh": "预热后里程碑衰减"},
    "sched.warmup_exponential": {"en": "Warm-up, then exponential decay", "zh": "预热后指数衰减"},
    "sched.warmup_polynomial": {"en": "Warm-up, then polynomial decay", "zh": "预热后多项式衰减"},
    "sched.param.factor": {
        "en": "Multiplier applied before total_iters.",
        "zh": "在 total_iters 步之前使用的乘数。",
    },
    "sched.param.total_iters": {
        "en": "Steps of the reduced lr or of the ramp.",
        "zh": "降低学习率或线性变化持续的步数。",
    },
    "sched.param.step_size": {"en": "Steps between decays.", "zh": "两次衰减之间的步数。"},
    "sched.param.gamma": {"en": "Multiplier at every decay.", "zh": "每次衰减的乘数。"},
    "sched.param.milestones": {
        "en": "Steps at which the lr is multiplied by gamma.",
        "zh": "学习率乘以 gamma 的步数。",
    },
    "sched.param.T_max": {
        "en": "Half-period in steps (default: all steps).",
        "zh": "半周期的步数（默认：全部步数）。",
    },
    "sched.param.eta_min": {
        "en": "Floor of the cosine (absolute lr).",
        "zh": "余弦的下限（学习率的绝对值）。",
    },
    "sched.param.T_0": {"en": "Length of the first cycle in steps.", "zh": "第一个周期的步数。"},
    "sched.param.T_mult": {
        "en": "Each cycle is T_mult times longer than the last.",
        "zh": "每个周期是上一个的 T_mult 倍长。",
    },
    "sched.param.start_factor": {"en": "Multiplier at step 0.", "zh": "第 0 步的乘数。"},
    "sched.param.end_factor": {
        "en": "Multiplier from total_iters on.",
        "zh": "从 total_iters 步起的乘数。",
    },
    "sched.param.power": {
        "en": "Exponent of the decay (1: linear).",
        "zh": "衰减的指数（1 表示线性）。",
    },
    "sched.param.max_lr": {"en": "Peak lr (default: lr).", "zh": "峰值学习率（默认：lr）。"},
    "sched.param.total_steps": {
        "en": "Length of the cycle (default: all steps).",
        "zh": "周期长度（默认：全部步数）。",
    },
    "sched.param.pct_start": {
        "en": "Fraction of the cycle spent increasing the lr.",
        "zh": "周期中学习率上升阶段所占的比例。",
    },
    "sched.param.anneal_strategy": {"en": "Shape of each phase.", "zh": "每个阶段的形状。"},
    "sched.param.div_factor": {
        "en": "Initial lr = max_lr / div_factor.",
        "zh": "初始学习率 = max_lr / div_factor。",
    },
    "sched.param.final_div_factor": {
        "en": "Final lr = initial lr / final_div_factor.",
        "zh": "最终学习率 = 初始学习率 / final_div_factor。",
    },
    "sched.param.three_phase": {
        "en": "Go back down to the initial lr before annealing.",
        "zh": "退火之前先回到初始学习率。",
    },
    "sched.param.base_lr": {
        "en": "Lower bound of the cycle (default: lr / 10).",
        "zh": "周期的下界（默认：lr / 10）。",
    },
    "sched.param.step_size_up": {"en": "Steps of the rising half.", "zh": "上升半周期的步数。"},
    "sched.param.step_size_down": {
        "en": "Steps of the falling half (default: step_size_up).",
        "zh": "下降半周期的步数（默认：step_size_up）。",
    },
    "sched.param.mode": {
        "en": (
            "triangular: constant height; triangular2: halved every cycle; "
            "exp_range: height × gamma^k."
        ),
        "zh": "triangular：高度不变；triangular2：每个周期减半；exp_range：高度乘以 gamma^k。",
    },
    "sched.param.lr_lambda": {
        "en": "Multiplier as a formula in the step t, e.g. 0.95**t.",
        "zh": "以步数 t 表示的乘数公式，例如 0.95**t。",
    },
    "sched.param.patience": {
        "en": "Bad steps tolerated before a reduction.",
        "zh": "降低学习率前容忍的无改进步数。",
    },
    "sched.param.threshold": {
        "en": "Smallest change that counts as an improvement.",
        "zh": "算作改进的最小变化。",
    },
    "sched.param.threshold_mode": {
        "en": "rel: relative to the best; abs: absolute.",
        "zh": "rel：相对于最佳值；abs：绝对值。",
    },
    "sched.param.cooldown": {
        "en": "Steps to wait after a reduction.",
        "zh": "降低学习率后等待的步数。",
    },
    "sched.param.min_lr": {"en": "The lr never goes below this.", "zh": "学习率不会低于此值。"},
    "sched.param.eps": {
        "en": "Reductions smaller than this are skipped.",
        "zh": "小于此值的降低会被跳过。",
    },
    "sched.param.warmup_steps": {"en": "Steps of the linear warm-up.", "zh": "线性预热的步数。"},
    "sched.param.plateau.mode": {
        "en": "min: the loss should fall; max: the metric should rise.",
        "zh": "min：损失应下降；max：指标应上升。",
    },
}
