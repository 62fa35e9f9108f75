"""繁體中文 for the keys of ``i18n/messages/playground.py``."""

MESSAGES: dict[str, str] = {
    "pg.title": "遊樂場",
    "pg.intro": (
        "多個優化器在同一曲面上從同一點出發。按 ▶ 播放或拖動步數滑桿：路徑、目前點和損失曲"
        "線一起移動。點選地圖可換一個起點。"
    ),
    "pg.sidebar.surface": "曲面",
    "pg.sidebar.run": "執行",
    "pg.sidebar.view": "檢視",
    "pg.surface": "損失曲面",
    "pg.surface_custom": "自訂公式",
    "pg.formula": "f(x, y) =",
    "pg.formula_help": (
        "關於 x 和 y 的 Python 風格公式：+ - * / ** 以及 sin、cos、exp、log、sqrt、abs……例"
        "如 (1-x)**2 + 100*(y-x**2)**2。按 Enter 套用。"
    ),
    "pg.formula_error": "公式無法使用：{error}",
    "pg.bounds": "繪圖視窗",
    "pg.bounds_error": (
        "視窗需要 xmin < xmax 且 ymin < ymax；目前 x：[{xmin}, {xmax}]，y：[{ymin}, {ymax}]。"
    ),
    "pg.start": "起點",
    "pg.start_help": "輸入一個點，或在等高線圖上點選。",
    "pg.reset_start": "曲面預設起點",
    "pg.steps": "步數",
    "pg.steps_help": "優化器的步數（最多 {max}）。",
    "pg.noise": "梯度雜訊（單樣本標準差）",
    "pg.noise_help": "加到每個梯度上的高斯雜訊，就像用隨機小批次估計梯度時那樣。",
    "pg.batch": "批次大小",
    "pg.batch_help": "對一個批次取平均會把雜訊標準差除以 √批次大小。",
    "pg.seed": "雜訊隨機種子",
    "pg.seed_help": "相同的種子產生相同的雜訊：執行可以精確重現。",
    "pg.tol": "「達到容差的步數」所用的容差",
    "pg.view": "佈局",
    "pg.view.overlay": "疊加",
    "pg.view.grid": "分面小圖",
    "pg.view.surface3d": "三維曲面",
    "pg.speed": "播放速度",
    "pg.step_shown": "顯示的步數",
    "pg.step_back": "◀ 上一步",
    "pg.step_forward": "下一步 ▶",
    "pg.step_help": "把標記移動一影格（{stride} 步）；圖中的 ▶ 播放會播放動畫。",
    "pg.optimizers": "優化器",
    "pg.add": "新增優化器",
    "pg.add_choice": "要新增的優化器或預設集",
    "pg.add_limit": "最多同時比較 {max} 個優化器。",
    "pg.remove": "移除",
    "pg.preset": "優化器 / 預設集",
    "pg.reset": "重設為預設集",
    "pg.presets": "預設集",
    "pg.schedule": "學習率排程",
    "pg.no_schedule": "恆定學習率",
    "pg.schedule_params": "排程參數",
    "pg.milestones_help": "用逗號分隔的步數，例如 50, 100, 150。",
    "pg.hparam_error": "{name} 的設定無效：{error}",
    "pg.kept_figure": "在修正上面的錯誤之前，顯示最後一次成功的圖。",
    "pg.no_figure": "暫時無法繪圖：請先修正上面的錯誤。",
    "pg.summary": "結果彙總",
    "pg.export": "匯出",
    "pg.link": "可分享的連結",
    "pg.link_help": "位址列儲存了這個檢視的全部設定：複製它即可分享你現在看到的內容。",
    "pg.formula_latex": "公式",
    "pg.lesson": "觀察要點",
    "link.notice": "連結參數 `{param}`：{allowed}，但給出的是 `{given}`；改用 {used}。",
    "link.notice_dropped": "已忽略連結參數 `{param}` = `{given}`：{allowed}。",
    "link.allowed_number": "應為 {interval} 內的數",
    "link.allowed_integer": "應為 {interval} 內的整數",
    "link.allowed_choice": "應為以下之一：{choices}",
    "link.allowed_flag": "應為 1 或 0",
    "link.allowed_text": "應為不超過 {max} 個字元的文字",
    "link.allowed_bounds": "應滿足 xmin < xmax 且 ymin < ymax",
    "link.allowed_optimizers": "每個連結最多 {max} 個優化器",
    "link.allowed_ints": "應為最多 {max} 個用逗號分隔的非負整數",
    "link.unknown_param": "本頁面沒有這個設定",
    "link.default": "預設值",
    "surface.rosenbrock.title": "Rosenbrock 香蕉函數",
    "surface.rosenbrock.lesson": (
        "極小值位於一條又長又彎、幾乎平坦的山谷盡頭：梯度下降很快到達谷底，然後來回震盪、沿"
        "谷底緩慢爬行；動量法和自適應方法沿谷底前進得快得多。"
    ),
    "surface.saddle.title": "鞍面",
    "surface.saddle.lesson": (
        "原點處梯度為零，但它不是極小值：沿 x 方向向上彎，沿 y 方向向下彎。從幾乎正對它的直"
        "線上出發，普通梯度下降會在鞍點附近停滯一陣才逃離；雜訊和動量能更早逃離。"
    ),
    "surface.noisy_bowl.title": "帶雜訊的碗",
    "surface.noisy_bowl.lesson": (
        "每個梯度都帶有（可重現的）雜訊，就像用隨機小批次估計梯度時那樣：學習率恆定時 SGD "
        "永遠不會停下，而是在極小值附近抖動；更大的批次或逐漸衰減的學習率能讓它收斂。"
    ),
    "surface.elliptic_bowl.title": "橢圓碗",
    "surface.elliptic_bowl.lesson": (
        "碗在橫穿山谷方向上比沿山谷方向陡 kappa 倍，因此學習率必須小於 2/kappa：普通梯度下"
        "降橫向震盪、縱向爬行。動量在任何角度都有幫助；逐座標的自適應步長只在山谷與座標軸對"
        "齊時有效（試著旋轉它）。"
    ),
    "surface.monkey_saddle.title": "猴鞍面",
    "surface.monkey_saddle.lesson": (
        "三條山谷從一個平坦點向外延伸，該點梯度和 Hessian 矩陣都為零：梯度方法在它附近慢得"
        "幾乎停下，然後滑入某條山谷；而牛頓法會被直接吸進鞍點，每步距離減半。"
    ),
    "surface.beale.title": "Beale 函數",
    "surface.beale.lesson": (
        "平坦的高原緊挨著陡峭狹窄的山脊，梯度大小相差幾個數量級：同一個學習率在一處太大、在"
        "另一處太小，這正是自適應方法要糾正的。"
    ),
    "surface.booth.title": "Booth 函數",
    "surface.booth.lesson": (
        "一個傾斜 45 度、條件數為 9 的普通二次碗：所有方法都會收斂的基準。由於山谷是斜的，"
        "逐座標的自適應步長在這裡比普通梯度下降好不了多少。"
    ),
    "surface.himmelblau.title": "Himmelblau 函數",
    "surface.himmelblau.lesson": (
        "四個同樣深的極小值，各有自己的吸引域，由鞍點隔開：優化器到達哪一個取決於起點和它的"
        "動力學，因為動量可能把它帶進另一個吸引域。"
    ),
    "surface.six_hump_camel.title": "六峰駝背函數",
    "surface.six_hump_camel.lesson": (
        "陡壁之間有兩個全域極小值和四個較淺的局部極小值：一次執行會停在起點所在吸引域的極小"
        "值，因此起點和步長比優化器的選擇更能決定結果。"
    ),
    "surface.rastrigin.title": "Rastrigin 函數",
    "surface.rastrigin.lesson": (
        "一個佈滿規則凸起的碗：視野內約有一百個局部極小值，梯度下降會停在最近的一個。只有大"
        "步長、動量或雜訊才能從一個凹坑跳到另一個，逐步靠近中心。"
    ),
    "surface.ackley.title": "Ackley 函數",
    "surface.ackley.lesson": (
        "一片佈滿小凹坑、幾乎平坦的外圍區域包圍著一個又深又尖的漏斗：遠離中心時，局部梯度幾"
        "乎無法指出全域極小值在哪裡，梯度下降會停在第一個凹坑。"
    ),
    "surface.goldstein_price.title": "Goldstein-Price 函數",
    "surface.goldstein_price.lesson": (
        "函數值在一個平底山谷周圍跨越六個數量級，並有若干局部極小值：只有對數刻度的等高線才"
        "能顯示其結構；在陡壁上安全的步長到了谷底就會停滯。"
    ),
    "surface.custom.lesson": (
        "你自己的公式：梯度和 Hessian 矩陣由符號推導得到，所以每個優化器看到的都是精確導數。"
    ),
    "surface.param.a": "a：極小值的位置 (a, a²)",
    "surface.param.b": "b：谷壁的陡峭程度",
    "surface.param.condition": "條件數 κ",
    "surface.param.angle": "山谷的旋轉角 θ（度）",
    "hp.lr": "學習率 lr",
    "hp.lr.help": "每一步移動多遠。",
    "hp.momentum": "動量 momentum",
    "hp.momentum.help": "速度緩衝區中保留的上一步的比例。",
    "hp.dampening": "阻尼 dampening",
    "hp.dampening.help": "減小新梯度在速度緩衝區中所佔的份額。",
    "hp.weight_decay": "權重衰減 weight_decay",
    "hp.weight_decay.help": "按與原點的距離成比例地把點拉向原點。",
    "hp.nesterov": "Nesterov 動量",
    "hp.nesterov.help": "在沿動量前進一步的位置取梯度（要求 momentum > 0 且 dampening 為 0）。",
    "hp.maximize": "最大化 maximize",
    "hp.maximize.help": "沿曲面向上爬，而不是向下走。",
    "hp.lr_decay": "學習率衰減 lr_decay",
    "hp.lr_decay.help": "按 1 / (1 + (t − 1) · lr_decay) 縮小學習率。",
    "hp.initial_accumulator_value": "累加器初值 initial_accumulator_value",
    "hp.initial_accumulator_value.help": "梯度平方和的初始值。",
    "hp.eps": "eps（數值穩定項）",
    "hp.eps.help": "加到分母上，避免除以零。",
    "hp.rho": "rho（衰減率）",
    "hp.rho.help": "梯度平方與步長平方的移動平均的記憶長度。",
    "hp.alpha": "alpha（平滑常數）",
    "hp.alpha.help": "梯度平方移動平均的記憶長度。",
    "hp.centered": "中心化 centered",
    "hp.centered.help": "除以梯度的標準差，而不是均方根。",
    "hp.beta1": "beta1（一階矩衰減率）",
    "hp.beta1.help": "一階矩估計（梯度平均）的記憶長度。",
    "hp.beta2": "beta2（二階矩衰減率）",
    "hp.beta2.help": "二階矩估計（梯度平方平均）的記憶長度。",
    "hp.amsgrad": "AMSGrad（二階矩最大值）",
    "hp.amsgrad.help": "除以二階矩估計的歷史最大值。",
    "hp.decoupled_weight_decay": "解耦權重衰減",
    "hp.decoupled_weight_decay.help": (
        "直接衰減參數（AdamW），而不是把 weight_decay · p 加到梯度上。"
    ),
    "hp.keras_epsilon": "Keras 式 epsilon",
    "hp.keras_epsilon.help": (
        "像 Keras 那樣在偏差校正之前把 eps 加到 √v 上（效果相當於放大 1/√(1 − β₂ᵗ) 倍）。"
    ),
    "hp.bias_correction": "偏差校正",
    "hp.bias_correction.help": "把矩估計除以 1 − βᵗ；關閉後可以看到緩慢而有偏的開始。",
    "hp.momentum_decay": "動量衰減 momentum_decay",
    "hp.momentum_decay.help": "動量係數向 beta1 預熱的速度。",
    "hp.etaminus": "eta−（符號改變後）",
    "hp.etaminus.help": "梯度改變符號後的步長縮放因子。",
    "hp.etaplus": "eta+（符號不變時）",
    "hp.etaplus.help": "梯度保持符號時的步長放大因子。",
    "hp.step_size_min": "最小步長",
    "hp.step_size_min.help": "允許的最小步長。",
    "hp.step_size_max": "最大步長",
    "hp.step_size_max.help": "允許的最大步長。",
    "hp.damping": "阻尼 damping",
    "hp.damping.help": "加到 Hessian 的每個特徵值的絕對值上，使平坦方向不會爆炸。",
    "preset.sgd": "普通梯度下降。",
    "preset.momentum": "帶重球動量 0.9 的 SGD。",
    "preset.nesterov": "帶 Nesterov 動量 0.9 的 SGD。",
    "preset.adagrad": "除以梯度平方和的平方根。",
    "preset.adadelta": "步長平均與梯度平均之比。",
    "preset.rmsprop": "梯度平方的移動平均。",
    "preset.rmsprop_centered": "除以梯度的移動標準差。",
    "preset.adam": "torch.optim.Adam 的預設設定。",
    "preset.amsgrad": "使用 v 的歷史最大值的 Adam。",
    "preset.adamw": "帶解耦權重衰減 0.01 的 Adam。",
    "preset.adam_keras": "Keras 的 epsilon-hat 位置和預設值 1e-7。",
    "preset.adam_no_bias_correction": "未經偏差校正的矩估計，開始時偏向零。",
    "preset.adamax": "基於無窮範數的 Adam。",
    "preset.nadam": "帶 Nesterov 動量的 Adam。",
    "preset.radam": "修正的 Adam（RAdam）。",
    "preset.rprop": "只看梯度符號的步長。",
    "preset.newton": "帶阻尼、避開鞍點的牛頓法。",
    "sched.constant": "常數因子（ConstantLR）",
    "sched.step": "階梯衰減（StepLR）",
    "sched.multistep": "里程碑衰減（MultiStepLR）",
    "sched.exponential": "指數衰減（ExponentialLR）",
    "sched.cosine": "餘弦退火（CosineAnnealingLR）",
    "sched.cosine_warm_restarts": "帶熱重啟的餘弦退火（CosineAnnealingWarmRestarts）",
    "sched.linear": "線性變化（LinearLR）",
    "sched.polynomial": "多項式衰減（PolynomialLR）",
    "sched.onecycle": "單週期（OneCycleLR）",
    "sched.cyclic": "循環學習率（CyclicLR）",
    "sched.lambda": "任意公式（LambdaLR）",
    "sched.plateau": "停滯時降低（ReduceLROnPlateau）",
    "sched.warmup_cosine": "預熱後餘弦退火",
    "sched.warmup_cosine_warm_restarts": "預熱後帶熱重啟的餘弦退火",
    "sched.warmup_step": "預熱後階梯衰減",
    "sched.warmup_multistep": "預熱後里程碑衰減",
    "sched.warmup_exponential": "預熱後指數衰減",
    "sched.warmup_polynomial": "預熱後多項式衰減",
    "sched.param.factor": "在 total_iters 步之前使用的乘數。",
    "sched.param.total_iters": "降低學習率或線性變化持續的步數。",
    "sched.param.step_size": "兩次衰減之間的步數。",
    "sched.param.gamma": "每次衰減的乘數。",
    "sched.param.milestones": "學習率乘以 gamma 的步數。",
    "sched.param.T_max": "半週期的步數（預設：全部步數）。",
    "sched.param.eta_min": "餘弦的下限（學習率的絕對值）。",
    "sched.param.T_0": "第一個週期的步數。",
    "sched.param.T_mult": "每個週期是上一個的 T_mult 倍長。",
    "sched.param.start_factor": "第 0 步的乘數。",
    "sched.param.end_factor": "從 total_iters 步起的乘數。",
    "sched.param.power": "衰減的指數（1 表示線性）。",
    "sched.param.max_lr": "峰值學習率（預設：lr）。",
    "sched.param.total_steps": "週期長度（預設：全部步數）。",
    "sched.param.pct_start": "週期中學習率上升階段所佔的比例。",
    "sched.param.anneal_strategy": "每個階段的形狀。",
    "sched.param.div_factor": "初始學習率 = max_lr / div_factor。",
    "sched.param.final_div_factor": "最終學習率 = 初始學習率 / final_div_factor。",
    "sched.param.three_phase": "退火之前先回到初始學習率。",
    "sched.param.base_lr": "週期的下界（預設：lr / 10）。",
    "sched.param.step_size_up": "上升半週期的步數。",
    "sched.param.step_size_down": "下降半週期的步數（預設：step_size_up）。",
    "sched.param.mode": (
        "triangular：高度不變；triangular2：每個週期減半；exp_range：高度乘以 gamma^k。"
    ),
    "sched.param.lr_lambda": "以步數 t 表示的乘數公式，例如 0.95**t。",
    "sched.param.patience": "降低學習率前容忍的無改進步數。",
    "sched.param.threshold": "算作改進的最小變化。",
    "sched.param.threshold_mode": "rel：相對於最佳值；abs：絕對值。",
    "sched.param.cooldown": "降低學習率後等待的步數。",
    "sched.param.min_lr": "學習率不會低於此值。",
    "sched.param.eps": "小於此值的降低會被跳過。",
    "sched.param.warmup_steps": "線性預熱的步數。",
    "sched.param.plateau.mode": "min：損失應下降；max：指標應上升。",
}
