// The kept page that draws an animation frame by frame for GIF and video export.
// Python loads it once, then per frame calls framePage.show(update) and takes a screenshot:
// plotly.js is parsed once per process instead of once per frame, and a frame that only
// moves scatter traces is applied as Play applies it (animate without redraw) instead of
// drawing the whole figure (contours included) again.
"use strict";

const CAPTION_NAME = "export-caption";
const CAPTION_PAD = 6;

window.framePage = {
  config: { staticPlot: true, displayModeBar: false },

  // Plotly.js (4.1) drops the layers of other trace types (contours, heatmaps) from a
  // subplot when it animates its scatter traces without a redraw. Those traces did not
  // change, so their layers are put back as they were.
  animateKeepingLayers: async function (gd, frame, redraw) {
    const layers = Array.from(gd.querySelectorAll("g.mlayer"), (node) => ({
      node,
      parent: node.parentNode,
    }));
    await Plotly.animate(gd, frame, {
      frame: { duration: 0, redraw },
      transition: { duration: 0 },
      mode: "immediate",
    });
    // Trace layers below the scatter layer come first in a subplot: restore them in order.
    for (const { node, parent } of layers.filter((l) => !l.node.isConnected).reverse()) {
      parent.insertBefore(node, parent.firstChild);
    }
  },

  // The export caption (export/caption.py) sits at the image's bottom edge, in room added
  // to the bottom margin. A frame slider makes Plotly.js grow that margin past what was
  // asked, pushing the caption under the slider: grow it once more by the caption's height.
  fitCaption: async function (gd) {
    const index = (gd.layout.annotations || []).findIndex((a) => a.name === CAPTION_NAME);
    const used = gd._fullLayout._size.b;
    if (index < 0 || used <= gd._fullLayout.margin.b) return;
    const node = gd.querySelector(`g.annotation[data-index="${index}"]`);
    const room = Math.ceil(node.getBoundingClientRect().height) + CAPTION_PAD;
    await Plotly.relayout(gd, {
      "margin.b": used + room,
      [`annotations[${index}].yshift`]: -(used + room) + CAPTION_PAD / 2,
    });
  },

  show: async function (update) {
    const gd = document.getElementById("figure");
    if (update.figure) {
      await Plotly.react(gd, update.figure.data, update.figure.layout, this.config);
      await this.fitCaption(gd);
    } else if (update.traces.length) {
      const frame = { data: update.data, traces: update.traces };
      await this.animateKeepingLayers(gd, frame, update.redraw);
    }
    if (Object.keys(update.relayout).length) {
      await Plotly.relayout(gd, update.relayout);
    }
    return "shown";
  },
};
