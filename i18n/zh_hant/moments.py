"""繁體中文 for the keys of ``i18n/messages/moments.py``."""

MESSAGES: dict[str, str] = {
    "moments.fig.contour": "路徑與目前步的箭頭",
    "moments.fig.path": "路徑",
    "moments.fig.current": "目前點",
    "moments.fig.arrow_grad": "−g：梯度（方向）",
    "moments.fig.arrow_momentum": "−m̂：動量（方向）",
    "moments.fig.arrow_step": "實際步（方向）",
    "moments.fig.row_first": "梯度與一階矩估計",
    "moments.fig.row_second": "二階矩估計",
    "moments.fig.row_step": "每個座標的有效步長",
    "moments.fig.row_other": "其他狀態",
    "moments.inspector.quantity": "量",
    "moments.inspector.record": "記錄名",
    "newton.fig.model": "牛頓法路徑與局部二次模型",
    "newton.fig.condition": "Hessian 矩陣的條件數",
    "newton.fig.path": "牛頓法路徑",
    "newton.fig.quadratic_model": "目前點處的二次模型 q(x)",
    "newton.fig.step": "牛頓步",
    "newton.fig.current": "目前步",
    "moments.title": "矩估計：優化器內部攜帶了什麼",
    "moments.intro": (
        "動量法、RMSprop、AdaGrad、AdaDelta 和 Adam 系列會儲存梯度的移動平均（一階矩估計 m"
        "）以及梯度平方的移動平均（二階矩估計 v）。按 ▶ 播放：地圖上的點、箭頭和每條緩衝區"
        "曲線上的遊標一起移動，於是可以看到優化器在每一步記住了什麼。"
    ),
    "moments.optimizer": "優化器",
    "moments.explain": (
        "**灰色**是原始梯度 g，**藍色**是動量 m̂（偏差校正後的 m），**紅色**是實際走的一步"
        "。有了動量，步子會繼續指向最近幾次梯度所指的方向，因此比 g 少走之字形。Adam 按座標"
        "把 m̂ 除以 √v̂：無論坡度多大，每個座標大約移動 lr，所以紅色箭頭可能偏離梯度方向。"
        "右側一欄按座標顯示每個緩衝區（x 為實線，y 為虛線），最後是更新規則實際使用的有效步"
        "長 lr·m̂/(√v̂ + ε)。"
    ),
    "moments.arrows_caption": (
        "箭頭只表示方向，長度固定（梯度往往比實際步長大上千倍）；具體數值見下方的單步檢查器。"
    ),
    "moments.inspector.title": "單步檢查器",
    "moments.inspector.explain": (
        "選擇第 t 步，用這次執行自己的數值讀出它的更新規則，就像教科書逐步講解一次 Adam 更"
        "新：每個向量都是 (x, y)，每個結果都正是執行時記錄下的值。"
    ),
    "moments.inspector.step": "第 t 步",
    "moments.inspector.step_help": "t 與 torch 一樣從 1 開始計數；上面的圖也從這一步開始。",
    "moments.inspector.records_only": (
        "該優化器的完整規則見上面的公式；這裡列出它在第 t 步記錄的數值。"
    ),
    "newton.title": "牛頓法：局部二次模型",
    "newton.explain": (
        "牛頓法在目前點用二階泰勒模型 q(x) = f + gᵀd + ½ dᵀHd 代替 f，並直接跳到模型的極小"
        "值。橙色線是模型的等值線：它們與真實等高線吻合時這一步就好；不吻合時（離極小值很遠"
        "，或 H 不定）就可能走過頭。條件數 κ(H) = |λ|max / |λ|min 衡量模型被拉伸的程度：κ "
        "大表示狹窄的山谷，梯度下降會走之字形，而牛頓法的重新縮放正好派上用場。"
    ),
    "newton.steps": "牛頓法步數",
    "newton.step": "顯示的步數",
    "newton.condition": "條件數 κ(H)",
    "newton.curvature": "曲率",
    "newton.kind.positive_definite": "碗形（正定）",
    "newton.kind.negative_definite": "穹頂（負定）",
    "newton.kind.indefinite": "鞍形（不定）",
    "newton.kind.singular": "平坦方向（奇異）",
    "newton.caption": (
        "本實驗室的牛頓法帶阻尼且無鞍點問題：它除以 |λ| + 阻尼，因此在 H 不定時仍然下坡。"
    ),
}
