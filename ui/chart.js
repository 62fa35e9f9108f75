// The lab's chart (ui/chart.py): one Plotly div per chart, kept across reruns and redrawn
// in place with Plotly.react, so a new figure costs one draw (Streamlit's own chart mounts a
// new element for every new figure and draws it twice). A click on a point is sent back as
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
        script.onload = () => resolve(window.Plotly);
        script.onerror = () => reject(new Error(`Plotly did not load from ${script.src}`));
        document.head.appendChild(script);
      }),
    );
  }
  return bundles.get(url);
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
      div.plotly.animate(div, ...step.args);
    });
    parent.appendChild(box);
  }
  return box;
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
        element.addEventListener("click", () =>
          div.plotly.animate(div, ...div.player.buttons[index].args),
        );
        return element;
      }),
    );
  }
  const range = box.querySelector("input");
  range.max = String(player.steps.length - 1);
  range.setAttribute("aria-label", player.prefix.trim() || "frame");
  showStep(box, player, player.active);
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
      const drawn = Plotly.react(div, { ...spec.figure, config: spec.config });
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
  return () => div.plotly && div.plotly.purge(div);
}
