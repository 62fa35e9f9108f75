"""繁體中文 for the keys of ``i18n/messages/bias.py``."""

MESSAGES: dict[str, str] = {
    "bias.fig.factors": "因子 1 − βᵗ",
    "bias.fig.corrections": "校正係數 1 / (1 − βᵗ)（對數）",
    "bias.fig.keras_factor": "Keras 的 ε 相當於 × 1/√(1 − β₂ᵗ)",
    "bias.fig.first_moment": "一階矩估計：m（原始）與 m̂（校正後）",
    "bias.fig.second_moment": "二階矩估計：v（原始）與 v̂（校正後），對數",
    "bias.fig.step_length": "步長 |Δθ|（對數）",
    "bias.title": "偏差校正",
    "bias.intro": (
        "Adam 的移動平均 m 和 v 從零開始，因此在最初幾步中會偏向零：連續 t 步都是同一個梯度"
        " g 時，m_t 只有 (1 − β₁ᵗ)·g。偏差校正就是把這個因子除回去。本頁展示這些因子、一次"
        "真實執行中的原始與校正後的矩估計，以及校正（或更新規則的其他細節）改變時路徑會發生"
        "什麼。"
    ),
    "bias.factors.title": "因子 1 − βᵗ",
    "bias.factors.explain": (
        "當 β₁ = 0.9 時，1 − β₁ᵗ 幾十步後就接近 1；但當 β₂ = 0.999 時，1 − β₂ᵗ 需要幾千步："
        "不做校正的話，二階矩估計會在很長時間內都太小。灰色曲線顯示 Keras 的 ε 相當於放大了"
        "多少倍，因為 Keras 在校正 v 之前就加上了它。"
    ),
    "bias.factors.horizon": "顯示的步數",
    "bias.run.title": "真實執行中的 m 與 m̂、v 與 v̂",
    "bias.run.explain": (
        "側邊欄中選擇的優化器在所選曲面上執行：淡色線是原始矩估計，深色線是校正後的（x 座標"
        "為實線，y 為虛線）。當 1 − βᵗ 接近 1 時兩者重合。"
    ),
    "bias.compare.title": "並排比較",
    "bias.compare.choice": "比較",
    "bias.compare.bias_correction": "有無偏差校正",
    "bias.compare.epsilon": "torch 的 ε 與 Keras 的 ε",
    "bias.compare.weight_decay": "L2 正則（Adam）與解耦權重衰減（AdamW）",
    "bias.compare.bias_correction.explain": (
        "不做校正時，在預設 beta 下第一步為 m₁/√v₁ = (1 − β₁)/√(1 − β₂) ≈ 每個座標 3.2 倍 l"
        "r：第一步太大，隨後步長隨著 v 追上來而縮小。做了校正後，每個早期步長都約為 lr。"
    ),
    "bias.compare.epsilon.explain": (
        "Keras 在偏差校正之前把 ε 加到 √v 上（即 epsilon hat），torch 則在校正之後加。於是"
        "同一個數值在 Keras 中相當於放大了 1/√(1 − β₂ᵗ) 倍，t = 1 時約為 31.6 倍：在梯度相"
        "對 ε 較小的地方差別就顯現出來。"
    ),
    "bias.compare.weight_decay.explain": (
        "Adam 的 weight_decay 把 λθ 加到梯度上，因此衰減也會經過 √v̂ 的正規化，在梯度大的地"
        "方作用很弱。AdamW 則每一步直接把點本身縮小 ηλ，處處相同。"
    ),
    "bias.compare.eps": "兩次執行使用的 ε",
    "bias.compare.wd": "兩次執行使用的權重衰減 λ",
    "bias.compare.lengths_caption": "最初若干步中每一步的長度（對數軸）：兩種規則差別最大的地方。",
    "bias.variant.bias_correction.a": "有偏差校正",
    "bias.variant.bias_correction.b": "無偏差校正",
    "bias.variant.epsilon.a": "torch 的 ε",
    "bias.variant.epsilon.b": "Keras 的 ε（epsilon hat）",
    "bias.variant.weight_decay.a": "Adam，L2 懲罰",
    "bias.variant.weight_decay.b": "AdamW，解耦衰減",
}
