// The calibration page: the table's outline on the camera's latest frame, found by Cuecast or set
// by clicking its four corners (saved over /api/v1/calibration), and the lens calibration's status.
// window.calibration holds the page's model, for tests and for the curious.
import { callJson, withToken } from "./api.js";

const CORNER_NAMES = ["top-left", "top-right", "bottom-right", "bottom-left"];
const image = document.getElementById("snapshot");
const canvas = document.getElementById("outline");
const save = document.getElementById("save");
const model = { source: null, outline: [], clicks: [] };
window.calibration = model;

function show(id, text) {
  document.getElementById(id).textContent = text;
}

async function load() {
  const reply = await callJson("GET", "/api/v1/calibration");
  if (!reply.ok) {
    show("problem", reply.body?.error ?? `HTTP ${reply.status}`);
    return;
  }
  showOutline(reply.body.table_outline);
  const lens = reply.body.lens;
  show("lens", lens.calibrated ? `undistorted with ${lens.file} (RMS error ${lens.calibration?.rms_reprojection_error_px ?? "?"} px)` : lens.how);
}

function showOutline(outline) {
  model.source = outline.source;
  model.outline = outline.corners ?? [];
  show("source", { manual: "set by hand", detected: "found by Cuecast", none: "not found yet" }[outline.source] ?? outline.source);
  draw();
}

function refreshPicture() {
  image.src = withToken(`/api/v1/stream/snapshot.jpg?at=${Date.now()}`);
}

/** Corners as fractions of the picture, drawn in the canvas laid over it. */
function draw() {
  canvas.width = image.clientWidth;
  canvas.height = image.clientHeight;
  const context = canvas.getContext("2d");
  context.clearRect(0, 0, canvas.width, canvas.height);
  polygon(context, model.outline, "#39d353", true);
  polygon(context, model.clicks, "#ffb000", model.clicks.length === 4);
  const next = CORNER_NAMES[model.clicks.length];
  show("prompt", next ? `Click the ${next} corner of the playing area, where the cushion noses meet.`
    : "All four corners are set: save them, or start over.");
  save.disabled = model.clicks.length !== 4;
}

function polygon(context, corners, colour, closed) {
  if (!corners.length) return;
  context.strokeStyle = context.fillStyle = colour;
  context.lineWidth = 2;
  context.beginPath();
  corners.forEach((corner, index) => {
    const x = corner.x * canvas.width;
    const y = corner.y * canvas.height;
    if (index === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
    context.fillRect(x - 3, y - 3, 6, 6);
  });
  if (closed) context.closePath();
  context.stroke();
}

canvas.addEventListener("click", (event) => {
  if (model.clicks.length === 4) return;
  const box = canvas.getBoundingClientRect();
  model.clicks.push({ x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height });
  draw();
});

save.addEventListener("click", async () => {
  show("problem", "");
  const reply = await callJson("PUT", "/api/v1/calibration/table-outline", { corners: model.clicks });
  if (!reply.ok) {
    show("problem", reply.body?.error ?? `HTTP ${reply.status}`);
    return;
  }
  model.clicks = [];
  showOutline(reply.body);
  show("outcome", "saved: the outline is used from the next frame on");
});

document.getElementById("restart").addEventListener("click", () => {
  model.clicks = [];
  show("problem", "");
  draw();
});

document.getElementById("detect").addEventListener("click", async () => {
  const reply = await callJson("DELETE", "/api/v1/calibration/table-outline");
  if (reply.ok) {
    showOutline(reply.body);
    show("outcome", "Cuecast finds the table by itself again");
  } else {
    show("problem", reply.body?.error ?? `HTTP ${reply.status}`);
  }
});

document.getElementById("refresh").addEventListener("click", () => {
  refreshPicture();
  load();
});
const NO_PICTURE = "no picture from the camera yet";
image.addEventListener("load", () => {
  if (document.getElementById("problem").textContent === NO_PICTURE) show("problem", "");
  draw();
});
window.addEventListener("resize", draw);
image.addEventListener("error", () => show("problem", NO_PICTURE));
refreshPicture();
load();
// Until the table is found and the camera has a picture (Cuecast has just started, say), look again
// every two seconds.
setInterval(() => {
  if (model.source === "none" || model.source === null || !image.naturalWidth) {
    refreshPicture();
    load();
  }
}, 2000);
