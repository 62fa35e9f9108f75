"""繁體中文 for the keys of ``i18n/messages/sweep.py``."""

MESSAGES: dict[str, str] = {
    "sweep.metric.final_loss": "最終損失",
    "sweep.metric.steps_to_tol": "達到容差的步數",
    "sweep.fig.title": "{optimizer}：{steps} 步後的{metric}",
    "sweep.fig.final_loss": "最終損失",
    "sweep.fig.log_gap": "log₁₀(損失 − f*)",
    "sweep.fig.steps_to_tol": "達到 損失 − f* ≤ {tol} 的步數",
    "sweep.fig.not_reached": "未達到容差",
    "sweep.fig.diverged": "發散",
    "sweep.fig.hover_loss": "最終損失",
    "sweep.fig.hover_steps": "達到容差的步數（−1：從未）",
    "sweep.fig.hover_diverged": "發散的步數（−1：從未）",
    "basins.fig.title": "{steps} 步後的吸引域",
    "basins.fig.minimum": "極小值 ({x}, {y})",
    "basins.fig.minima": "極小值",
    "basins.fig.elsewhere": "其他位置（未到達極小值）",
    "basins.fig.diverged": "發散",
    "sweep.title": "超參數掃描與吸引域",
    "sweep.intro": (
        "用一張圖代替上百次執行：熱力圖的每個格子都是一次完整執行，各有自己的一對超參數，全"
        "部作為一次向量化執行同時算出。下方的起點網格顯示每個起點最終到達哪個極小值。"
    ),
    "sweep.optimizer": "被掃描的優化器",
    "sweep.optimizer_help": "被掃描的兩個超參數取網格上的值；其他超參數保持這裡的設定。",
    "sweep.grid.title": "超參數熱力圖",
    "sweep.grid.explain": (
        "每個格子都讓優化器從同一起點執行相同的步數。紅色格子發散，灰色格子從未達到容差。好"
        "的區域往往是一條窄帶：學習率太小走得太慢，太大則發散，而動量或 β₁ 會移動這條邊界。"
        "點選格子即可在遊樂場中開啟那次執行。"
    ),
    "sweep.axis.x": "x 軸",
    "sweep.axis.y": "y 軸",
    "sweep.axis.ranges": "兩個軸的範圍與格數",
    "sweep.axis.lo": "從",
    "sweep.axis.hi": "到",
    "sweep.axis.n": "格數",
    "sweep.axis.log": "對數間隔",
    "sweep.metric": "顏色表示",
    "sweep.progress": "正在同時執行 {n} 組設定……",
    "sweep.summary": "共 {n} 次執行，其中 {diverged} 發散。",
    "sweep.open_best": "在遊樂場中開啟最佳格子（{cell}）",
    "sweep.click_help": "點選任意格子即可在遊樂場中開啟它的執行。",
    "basins.title": "吸引域",
    "basins.explain": (
        "網格中的每個起點同時執行；顏色表示它最終到達的極小值。在 Himmelblau 函數的四個極小"
        "值上，梯度下降把平面分成四塊乾淨的區域，而動量可能把點帶過山脊進入另一個吸引域，因"
        "此它的圖呈斑點狀。深棕色的起點發散了。"
    ),
    "basins.optimizers": "優化器（最多 4 個）",
    "basins.cells": "每邊網格數",
    "basins.steps": "步數",
    "basins.optimizer": "優化器",
    "basins.none": "請至少選擇一個優化器。",
    "sweep.axis.error": "這個座標軸的設定無法使用，因此保留上一個有效的設定：{error}",
    "sweep.export_csv": "網格結果（CSV）",
}
