"""繁體中文 for the keys of ``i18n/messages/lessons.py``."""

MESSAGES: dict[str, str] = {
    "lesson.link.one_optimizer": "本頁面只顯示 {max} 個優化器，其餘的被省略",
    "lesson.link.schedules": "應為已知的排程名稱，最多 {max} 個",
    "lesson.link.axes_differ": "兩個座標軸必須是不同的超參數",
    "lesson.link.work": "單次請求的計算量過大（網格數 × 步數）",
    "lesson.link.basins": "吸引域圖最多 {max} 個優化器",
    "lesson.link.axis_range": "應滿足 從 < 到，且都是 {name} 的允許值（對數軸上 從 > 0）",
}
