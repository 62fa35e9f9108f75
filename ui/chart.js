// The lab's chart (ui/chart.py): one Plotly div per chart, kept across reruns and redrawn
// in place with Plotly.react, so a new figure costs one draw (Streamlit's own chart mounts a
// new element for every new figure and draws it twice); a figure that only moves some of
// its lines is moved by Plotly.animate (see inPlace). A click on a point is sent back as
// the "selection" trigger, in the shape st.plotly_chart reports a selection. An animated
// figure's play buttons and scrubber come as spec.player and are drawn here as HTML.

// Plotly's URL -> the promise of that bundle's Plotly, one load per page. Each bundle sets
// window.Plotly as it runs: the one a script made is kept as it loads.
const bundles = new Map();

function plotly(url) {
  if (!bundles.has(url)) {
    bundles.set(
      url,
      new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL(url, document.baseURI).href;
        script.onload = () => resolve(cacheArrayAttributes(window.Plotly));
        script.onerror = () => reject(new Error(`Plotly did not load from ${script.src}`));
        document.head.appendChild(script);
      }),
    );
  }
  return bundles.get(url);
}

// Plotly finds a trace's array attributes (Plots.doCalcdata, on every draw and every move) by
// crawling its module's whole attribute schema: 0.2 s of a Playground move on a throttled
// phone, for its 34 traces. The answer depends only on the trace's module and on where the
// trace holds arrays, so it is kept by those: the crawl runs once per kind of trace. The
// crawl itself stays as `findArrayAttributes.uncached`, for the check that both agree.
function cacheArrayAttributes(Plotly) {
  const schema = Plotly.PlotSchema;
  const crawl = schema && schema.findArrayAttributes;
  if (!crawl || crawl.uncached) return Plotly;
  const byModule = new WeakMap();
  const noModule = {};
  schema.findArrayAttributes = (trace) => {
    const module = trace._module || noModule;
    if (!byModule.has(module)) byModule.set(module, new Map());
    const found = byModule.get(module);
    const paths = [];
    arraysIn(trace, "", paths);
    const key = paths.join("\n");
    if (!found.has(key)) found.set(key, crawl(trace));
    return found.get(key).slice();
  };
  schema.findArrayAttributes.uncached = crawl;
  return Plotly;
}

// Plotly's own tests: a plain object (Lib.isPlainObject), an array or typed array. A number
// is turned away before the tag is read: data arrays are walked item by item on every draw.
function isPlain(value) {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.prototype.toString.call(value) === "[object Object]" &&
    Object.getPrototypeOf(value).hasOwnProperty("hasOwnProperty")
  );
}

function isArrayLike(value) {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

// The paths to every array in `node`, through plain objects and the plain objects in arrays,
// as the crawl walks them (Plotly's private keys, "_module" and such, are no attributes).
function arraysIn(node, prefix, paths) {
  for (const key of Object.keys(node)) {
    if (key[0] === "_") continue;
    const value = node[key];
    const path = prefix + key;
    if (isArrayLike(value)) paths.push(path);
    if (Array.isArray(value)) {
      value.forEach((item, index) => isPlain(item) && arraysIn(item, `${path}[${index}].`, paths));
    } else if (isPlain(value)) {
      arraysIn(value, `${path}.`, paths);
    }
  }
}

// A move in place, and every frame the player shows, draws some scatter traces again
// (Plotly.animate), and Plotly's cartesian plot then drops every layer of a subplot that
// holds none of them: the map lost its contours on every move, and a subplot with no trace
// moved would lose all its traces. Given a list of traces, it is given as well every trace
// that does not animate (contours) and every trace of a subplot the list leaves out: each
// subplot is drawn whole. Plotly's own plot is `plot.uncached`.
function wholeSubplots(plot) {
  const whole = function (gd, traces, ...rest) {
    if (!Array.isArray(traces)) return plot.call(this, gd, traces, ...rest);
    const listed = new Set(traces);
    const subplot = (index) => gd._fullData[index].xaxis + gd._fullData[index].yaxis;
    const moved = new Set(traces.map(subplot));
    const added = gd._fullData.flatMap((trace, index) =>
      !listed.has(index) && !(trace._module && trace._module.animatable && moved.has(subplot(index)))
        ? [index]
        : [],
    );
    return plot.call(this, gd, [...traces, ...added], ...rest);
  };
  whole.uncached = plot;
  return whole;
}

// Plotly draws every trace again when an axis's range changes (Plotly.relayout, as a move
// in place does for the curves' views) and, above, when some trace moves: the contours
// too, 0.1 s of a move on a throttled phone, for a map whose axes did not move. Drawn
// again from the same traces as given (Plotly.react gives new ones; Plotly.animate changes
// none but the scatter traces it moves) on the same scales, the contour groups drawn last
// time are what it would draw: they are left, or put back in a layer Plotly made anew.
// Plotly's own plot is `plot.uncached`.
const SCALE = ["_m", "_b", "_length", "_offset"];
const drawnContours = new WeakMap(); // a chart's div -> its subplots' {from, groups}, by id

function drawnOn(gd) {
  if (!drawnContours.has(gd)) drawnContours.set(gd, new Map());
  return drawnContours.get(gd);
}

function contoursFrom(plotinfo, cdModule) {
  return [
    ...cdModule.map((cd) => cd[0].trace._input),
    ...SCALE.map((key) => plotinfo.xaxis[key]),
    ...SCALE.map((key) => plotinfo.yaxis[key]),
  ];
}

function keptContours(plot) {
  const kept = function (gd, plotinfo, cdModule, layer, ...rest) {
    const node = layer.node();
    const from = contoursFrom(plotinfo, cdModule);
    const drawn = drawnOn(gd).get(plotinfo.id);
    if (drawn && sameItems(drawn.from, from)) {
      const groups = [...node.children];
      if (!groups.length) node.append(...drawn.groups);
      if (!groups.length || sameItems(groups, drawn.groups)) return undefined;
    }
    const result = plot.call(this, gd, plotinfo, cdModule, layer, ...rest);
    drawnOn(gd).set(plotinfo.id, { from, groups: [...node.children] });
    return result;
  };
  kept.uncached = plot;
  return kept;
}

// After a whole draw of `div`: its contour layers are known as drawn (each subplot's
// contours, in Plotly's order), and the modules keep them from then on.
function keepContours(div) {
  for (const trace of div._fullData) {
    const module = trace._module;
    const base = module && module.basePlotModule;
    if (base && base.name === "cartesian" && !base.plot.uncached) base.plot = wholeSubplots(base.plot);
  }
  for (const [id, plotinfo] of Object.entries(div._fullLayout._plots || {})) {
    const cdModule = (div.calcdata || []).filter(
      (cd) => cd[0].trace.type === "contour" && cd[0].trace.xaxis + cd[0].trace.yaxis === id,
    );
    const layer = plotinfo.plot && plotinfo.plot.select(".contourlayer").node();
    if (!cdModule.length || !layer) continue;
    drawnOn(div).set(id, { from: contoursFrom(plotinfo, cdModule), groups: [...layer.children] });
    const module = cdModule[0][0].trace._module;
    if (!module.plot.uncached) module.plot = keptContours(module.plot);
  }
}

function sameItems(a, b) {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function clicked(event) {
  return {
    points: event.points.map((point) => ({
      curve_number: point.curveNumber,
      point_number: point.pointNumber,
      point_index: point.pointIndex,
      x: point.x,
      y: point.y,
    })),
  };
}

function chartDiv(parent) {
  let div = parent.querySelector(":scope > .lab-chart");
  if (!div) {
    div = document.createElement("div");
    div.className = "lab-chart";
    div.style.width = "100%";
    parent.appendChild(div);
  }
  return div;
}

// The player under an animated chart: its buttons and a range input over the frames, both
// calling Plotly.animate; the range follows the frames Plotly shows while playing.
function playerBox(parent, div) {
  let box = parent.querySelector(":scope > .lab-chart-player");
  if (!box) {
    box = document.createElement("div");
    box.className = "lab-chart-player";
    box.innerHTML = '<div class="lab-chart-buttons"></div><label><output></output><input type="range" min="0" step="1"></label>';
    const range = box.querySelector("input");
    range.addEventListener("input", () => {
      const step = div.player.steps[range.valueAsNumber];
      showStep(box, div.player, range.valueAsNumber);
      played(div, step.args);
    });
    parent.appendChild(box);
  }
  return box;
}

// The player animates once the figure's draw is done: it would cut a move in place short.
function played(div, args) {
  (div.drawing || Promise.resolve()).then(() => div.plotly.animate(div, ...args));
}

function showStep(box, player, index) {
  const range = box.querySelector("input");
  range.value = String(index);
  box.querySelector("output").textContent = `${player.prefix}${player.steps[index].label}`;
}

function drawPlayer(parent, div, player) {
  div.player = player;
  if (!player) {
    parent.querySelector(":scope > .lab-chart-player")?.remove();
    return;
  }
  const box = playerBox(parent, div);
  const buttons = box.querySelector(".lab-chart-buttons");
  const labels = player.buttons.map((button) => button.label);
  if (labels.join("\n") !== Array.from(buttons.children, (b) => b.textContent).join("\n")) {
    buttons.replaceChildren(
      ...player.buttons.map((button, index) => {
        const element = document.createElement("button");
        element.type = "button";
        element.textContent = button.label;
        element.addEventListener("click", () => played(div, div.player.buttons[index].args));
        return element;
      }),
    );
  }
  const range = box.querySelector("input");
  range.max = String(player.steps.length - 1);
  range.setAttribute("aria-label", player.prefix.trim() || "frame");
  showStep(box, player, player.active);
}

const AXIS = /^[xy]axis[0-9]*$/;
// What a move in place may change on an axis: its range, and the ticks that go with it (a
// log axis is labelled by its span, viz.paths._log_ticks).
const VIEW = ["range", "dtick", "tickmode", "tickvals", "ticktext", "exponentformat"];

// A figure as text, part by part, to tell what a new one changed: its axes' views apart,
// as Plotly.relayout keys ("yaxis2.range").
function asText(spec) {
  const { data = [], layout = {}, frames = [] } = spec.figure;
  const views = {};
  const rest = {};
  for (const [key, value] of Object.entries(layout)) {
    if (AXIS.test(key) && value && typeof value === "object") {
      const axis = { ...value };
      for (const attr of VIEW.filter((name) => name in axis)) {
        views[`${key}.${attr}`] = JSON.stringify(axis[attr]);
        delete axis[attr];
      }
      rest[key] = axis;
    } else {
      rest[key] = value;
    }
  }
  return {
    plotly: spec.plotly,
    config: JSON.stringify(spec.config),
    player: JSON.stringify(spec.player),
    layout: JSON.stringify(rest),
    views,
    frames: JSON.stringify(frames.map((frame) => [frame.name, frame.traces])),
    traces: data.map((trace) => JSON.stringify(trace)),
    keys: data.map((trace) => JSON.stringify(keyPaths(trace))),
  };
}

// A trace's attribute paths, down to its values (arrays and typed arrays are values).
function keyPaths(node, prefix = "") {
  if (node === null || typeof node !== "object" || Array.isArray(node) || "bdata" in node) {
    return [prefix];
  }
  return Object.keys(node)
    .sort()
    .flatMap((key) => keyPaths(node[key], `${prefix}.${key}`));
}

// The parts of a figure as text that a move in place must leave as they are.
const FIXED_PARTS = ["plotly", "config", "player", "layout", "frames"];

// Whether two figures as text are the same, compared part by part (none serialized again).
function sameText(a, b) {
  return (
    FIXED_PARTS.every((part) => a[part] === b[part]) &&
    sameItems(a.traces, b.traces) &&
    sameItems(a.keys, b.keys) &&
    JSON.stringify(a.views) === JSON.stringify(b.views)
  );
}

function fixedAxis(div, ref, letter) {
  const axis = div._fullLayout[`${letter}axis${(ref || letter).slice(1)}`];
  return Boolean(axis) && axis.autorange === false;
}

// How to move the drawn figure to the new one when they differ only in the values of
// scatter traces on axes with fixed ranges and in those axes' views (a slider moved one
// optimizer: its path and curves), else null: {views, traces}, the axis attributes to
// relayout and the traces to move. Plotly.animate recomputes and redraws those traces alone, where
// Plotly.react redraws the whole chart (the contour, every axis and trace): on a phone,
// 0.2 s instead of 0.6 s. It never autoranges: hence fixed axes only. The traces the
// frames move are set too: the player may have left them on another frame (not those a
// frame names with an empty update, viz.animation's `keep`).
function inPlace(div, drawn, next, figure) {
  const same = FIXED_PARTS.every((part) => drawn[part] === next[part]);
  if (!same || drawn.traces.length !== next.traces.length) return null;
  const views = {};
  for (const key of new Set([...Object.keys(drawn.views), ...Object.keys(next.views)])) {
    // null: an attribute the new figure leaves out goes back to Plotly's default.
    if (next.views[key] !== drawn.views[key]) views[key] = JSON.parse(next.views[key] ?? "null");
  }
  const framed = new Set(
    (figure.frames || []).flatMap(({ traces = [], data = [] }) =>
      traces.filter((_, k) => Object.keys(data[k] || {}).some((key) => key !== "type")),
    ),
  );
  const traces = next.traces.flatMap((text, index) =>
    text !== drawn.traces[index] || framed.has(index) ? [index] : [],
  );
  const movable = traces.every((index) => {
    const trace = figure.data[index];
    return (
      trace.type === "scatter" &&
      div.data[index].type === "scatter" &&
      next.keys[index] === drawn.keys[index] &&
      fixedAxis(div, trace.xaxis, "x") &&
      fixedAxis(div, trace.yaxis, "y")
    );
  });
  return movable ? { views, traces } : null;
}

const INSTANT = { frame: { duration: 0, redraw: false }, transition: { duration: 0 }, mode: "immediate" };

// The layout a move in place that changes some views (`changed`, as inPlace gives them)
// gives Plotly.animate with the traces it moves: every view of the new figure, null for one
// it leaves out. Plotly applies the ticks and supplies defaults once, then moves each axis
// whose range differs from the one drawn by a relayout of those ranges alone, which draws
// those axes and every trace again; a relayout of the views before the move supplied
// defaults twice and drew every axis (40 ms of a 90 ms move, unthrottled). Every view, not
// only those that changed: an axis left at an old range gets the new one. A changed tick on
// an axis whose range stays would not be drawn so: undefined, the views go by relayout.
function viewsLayout(next, changed) {
  const keys = Object.keys(changed);
  if (!keys.length) return undefined;
  const range = (key) => key.replace(/\.[^.]+$/, ".range");
  const drawn = keys.every((key) =>
    key.endsWith(".range") ? Array.isArray(changed[key]) : keys.includes(range(key)),
  );
  if (!drawn) return undefined;
  const views = Object.fromEntries(
    Object.entries(next.views).map(([key, text]) => [key, JSON.parse(text)]),
  );
  return { ...views, ...changed };
}

// Settles once a move's axis transition is over (Plotly.animate may settle a frame before):
// the next draw or a press on the player would cut it short, leaving the axes' old ranges.
function transitioned(div) {
  if (!div._transitioning) return Promise.resolve();
  return new Promise((resolve) => {
    div.once("plotly_transitioned", resolve);
    div.once("plotly_transitioninterrupted", resolve);
  });
}

// Draws `spec` (null if it is the figure drawn: the player may be showing another frame).
function draw(Plotly, div, spec) {
  const next = asText(spec);
  const drawn = div.shown;
  if (drawn && sameText(drawn, next)) return null;
  const move = drawn && inPlace(div, drawn, next, spec.figure);
  div.shown = next;
  if (!move) {
    return Plotly.react(div, { ...spec.figure, config: spec.config }).then(() =>
      keepContours(div),
    );
  }
  const frame = { data: move.traces.map((index) => spec.figure.data[index]), traces: move.traces };
  const layout = viewsLayout(next, move.views);
  if (layout) frame.layout = layout;
  // New frames first (they replace those of the same name): a Play pressed meanwhile
  // would cut the move short, never leave the old frames.
  return Plotly.addFrames(div, spec.figure.frames || [])
    .then(() => Object.keys(move.views).length && !layout && Plotly.relayout(div, move.views))
    .then(() => Plotly.animate(div, frame, INSTANT))
    .then(() => transitioned(div));
}

export default function ({ data, parentElement, setTriggerValue }) {
  const spec = JSON.parse(new TextDecoder().decode(data));
  const div = chartDiv(parentElement);
  div.sendClick = spec.select ? (event) => setTriggerValue("selection", clicked(event)) : null;
  div.latest = spec;
  // Reruns can deliver figures faster than a slow device draws them: draw in order, and
  // skip a figure that a newer one has replaced while it waited.
  div.drawing = (div.drawing || Promise.resolve())
    .then(() => plotly(spec.plotly))
    .then((Plotly) => {
      if (div.latest !== spec) return undefined;
      const first = !div.plotly;
      if (div.plotly && div.plotly !== Plotly) div.plotly.purge(div); // the other bundle drew it
      const fresh = div.plotly !== Plotly;
      div.plotly = Plotly;
      if (fresh) div.shown = null;
      const drawn = draw(Plotly, div, spec);
      if (drawn === null) return undefined;
      drawPlayer(parentElement, div, spec.player);
      if (fresh) {
        div.on("plotly_click", (event) => div.sendClick && div.sendClick(event));
        div.on("plotly_animatingframe", (event) => {
          const steps = div.player ? div.player.steps : [];
          const index = steps.findIndex((step) => (step.args[0] || [])[0] === event.name);
          if (index >= 0) showStep(parentElement.querySelector(".lab-chart-player"), div.player, index);
        });
      }
      if (first) {
        let width = parentElement.clientWidth;
        new ResizeObserver(() => {
          if (parentElement.clientWidth === width) return;
          width = parentElement.clientWidth;
          div.plotly.Plots.resize(div);
        }).observe(parentElement);
      }
      return drawn;
    })
    .catch((error) => console.error("lab chart:", error));
  return () => {
    div.shown = null;
    if (div.plotly) div.plotly.purge(div);
  };
}
