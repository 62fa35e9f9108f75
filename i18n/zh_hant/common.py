"""繁體中文 for the keys of ``i18n/messages/common.py``."""

MESSAGES: dict[str, str] = {
    "app.title": "優化器軌跡實驗室",
    "app.tagline": "觀察優化演算法在二維損失曲面上如何移動。",
    "app.language": "語言",
    "nav.home": "首頁",
    "nav.playground": "遊樂場",
    "nav.moments": "矩估計",
    "nav.bias_correction": "偏差校正",
    "nav.schedules": "學習率排程",
    "nav.sweep": "超參數掃描與吸引域",
    "home.intro": (
        "一個用於課堂的實驗室：選擇一個損失曲面，讓多個優化器從同一點出發，並排觀察它們的路"
        "徑、內部狀態和學習率。每個檢視都是可分享的連結。"
    ),
    "home.pages": "各頁面講什麼",
    "home.playground": "多個優化器在同一曲面上並排動畫演示。",
    "home.moments": "m_t、v_t 等狀態緩衝區；梯度、動量與實際步長的對比。",
    "home.bias_correction": "1 − βᵗ、m 與 m̂、v 與 v̂：偏差校正在最初幾步修正了什麼。",
    "home.schedules": "學習率排程及其產生的路徑。",
    "home.sweep": "由一次向量化執行得到的超參數熱力圖與吸引域。",
}
