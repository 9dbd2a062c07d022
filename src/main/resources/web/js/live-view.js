// The MJPEG video with a canvas on top, drawn in the video's own pixel space: the balls where
// `state` puts them in pixels, the cue, and (through the fitted table-to-pixel map) the table
// outline, the pockets and the predicted shot.
import { applyMap, fitTableToPixels, mapScale, pairsFromState } from "./pixel-mapping.js";
import { ballRadiusMm, tableOf } from "./table-geometry.js";
import { drawBallRing, drawCue, drawPockets, drawTableOutline, drawTrajectory } from "./table-drawing.js";

const VIDEO_PATH = "/api/v1/stream/video";
const FALLBACK_BALL_RADIUS_PX = 12;

export class LiveView {
  constructor(video, canvas) {
    this.video = video;
    this.canvas = canvas;
    this.map = null;
    this.drawn = null; // what the last draw put where: read by people debugging, and by the browser tests
    video.addEventListener("error", () => setTimeout(() => this.restartVideo(), 2000));
    this.restartVideo();
  }

  restartVideo() {
    this.video.src = `${VIDEO_PATH}?t=${Date.now()}`;
  }

  draw(state, trajectory) {
    const { canvas } = this;
    if (this.video.naturalWidth > 0 && canvas.width !== this.video.naturalWidth) {
      canvas.width = this.video.naturalWidth;
      canvas.height = this.video.naturalHeight;
    }
    const ctx = canvas.getContext("2d");
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!state) return;
    const table = tableOf(state);
    this.map = fitTableToPixels(pairsFromState(state)) ?? this.map; // keep the last good fit through a sparse frame
    const view = this.map && { project: (p) => applyMap(this.map, p), scale: mapScale(this.map) };
    if (view) {
      drawTableOutline(ctx, view, table, "rgba(255,255,255,0.7)");
      drawPockets(ctx, view, table, "rgba(255,255,255,0.7)");
    }
    const radius = view ? ballRadiusMm(table) * view.scale : FALLBACK_BALL_RADIUS_PX;
    const balls = (state.balls ?? []).filter((ball) => ball.pixel);
    for (const ball of balls) drawBallRing(ctx, ball.pixel, radius, ball);
    if (state.cue?.tip_pixel) drawCue(ctx, state.cue.tip_pixel, state.cue.pixel_angle_deg ?? 0, radius * 20, "#ff3b3b");
    if (view && trajectory) {
      drawTrajectory(ctx, view, trajectory, ballRadiusMm(table), { confidenceAt: { x: 10, y: canvas.height - 10 } });
    }
    this.drawn = {
      frame: state.frame,
      radius,
      balls: balls.map((ball) => ({ id: ball.id, x: ball.pixel.x, y: ball.pixel.y })),
    };
  }
}
