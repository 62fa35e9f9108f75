// The lab's chart (ui/chart.py): one Plotly div per chart, kept across reruns and redrawn
// in place with Plotly.react, so a new figure costs one draw (Streamlit's own chart mounts a
// new element for every new figure and draws it twice). A click on a point is sent back as
// the "selection" trigger, in the shape st.plotly_chart reports a selection.

const loads = new Map(); // Plotly's URL -> the promise of window.Plotly, one load per page

function plotly(url) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loads.has(url)) {
    loads.set(
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
  return loads.get(url);
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
      const first = !div.classList.contains("js-plotly-plot");
      const drawn = Plotly.react(div, { ...spec.figure, config: spec.config });
      if (first) {
        div.on("plotly_click", (event) => div.sendClick && div.sendClick(event));
        let width = parentElement.clientWidth;
        new ResizeObserver(() => {
          if (parentElement.clientWidth === width) return;
          width = parentElement.clientWidth;
          Plotly.Plots.resize(div);
        }).observe(parentElement);
      }
      return drawn;
    })
    .catch((error) => console.error("lab chart:", error));
  return () => window.Plotly && window.Plotly.purge(div);
}
