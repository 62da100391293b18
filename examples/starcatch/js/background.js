// Background pre-rendering (ES module, default export).
//
// The background is drawn once into an offscreen canvas (the second and
// later wx.createCanvas() calls return offscreen canvases) and then blitted
// every frame.
import createRng from './rng.js';

// renderBackground returns an offscreen canvas of W×H logical pixels at the
// given pixel ratio: bg.jpg scaled to cover the screen (cropped evenly
// when the screen is wider or taller than the picture), a few extra
// sparkles and a dark floor band below floorY.
export default function renderBackground(bgImg, W, H, dpr, floorY) {
  const canvas = wx.createCanvas();
  canvas.width = Math.round(W * dpr);
  canvas.height = Math.round(H * dpr);
  const g = canvas.getContext('2d');
  g.scale(dpr, dpr);

  if (bgImg && bgImg.width > 0 && bgImg.height > 0) {
    const s = Math.max(W / bgImg.width, H / bgImg.height);
    const sw = W / s;
    const sh = H / s;
    const sx = (bgImg.width - sw) / 2;
    const sy = (bgImg.height - sh) / 2;
    g.drawImage(bgImg, sx, sy, sw, sh, 0, 0, W, H);
  } else {
    // Stand-in: a banded vertical "gradient" from fillRects.
    const top = [7, 11, 36];
    const bottom = [122, 52, 112];
    const bands = 24;
    for (let i = 0; i < bands; i++) {
      const t = i / (bands - 1);
      const c = top.map((v, k) => Math.round(v + (bottom[k] - v) * t));
      g.fillStyle = 'rgb(' + c.join(',') + ')';
      g.fillRect(0, (H * i) / bands, W, H / bands + 1);
    }
  }

  // Cross-shaped sparkles, always the same (fixed seed).
  const rng = createRng(7);
  g.fillStyle = '#fff8dc';
  for (let i = 0; i < 14; i++) {
    const x = rng.range(8, W - 8);
    const y = rng.range(8, H * 0.55);
    const r = rng.range(2, 4.5);
    g.globalAlpha = rng.range(0.35, 0.8);
    g.fillRect(x - r, y - 0.5, r * 2, 1);
    g.fillRect(x - 0.5, y - r, 1, r * 2);
  }

  // Floor band under the basket.
  g.globalAlpha = 0.45;
  g.fillStyle = '#05030d';
  g.fillRect(0, floorY, W, H - floorY);
  g.globalAlpha = 0.6;
  g.fillStyle = '#b48cff';
  g.fillRect(0, floorY, W, 1);
  g.globalAlpha = 1;
  return canvas;
}
