// HUD and screens (ES module, named exports).
import { drawSprite } from './sprites/index.js';

// Text with a soft drop shadow.
export function shadowText(ctx, str, x, y, color, dy) {
  ctx.fillStyle = 'rgba(10,5,30,0.65)';
  ctx.fillText(str, x + 1, y + (dy || 2));
  ctx.fillStyle = color;
  ctx.fillText(str, x, y);
}

// makeLogo pre-renders the "STAR CATCH" title into its own offscreen canvas
// (w×h logical pixels). It is drawn every frame with the 5-argument
// drawImage(canvas, dx, dy, dw, dh) so it can pulse.
export function makeLogo(dpr) {
  const w = 320;
  const h = 120;
  const c = wx.createCanvas();
  c.width = Math.round(w * dpr);
  c.height = Math.round(h * dpr);
  const g = c.getContext('2d');
  g.scale(dpr, dpr);
  // A few stars scattered around the words.
  drawSprite(g, 'star', 8, 4, 40, 40);
  drawSprite(g, 'bonus', w - 44, h - 44, 36, 36);
  drawSprite(g, 'star', w - 70, 2, 24, 24);
  g.font = 'bold 40px sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  // Fake outline: the text stamped around a ring of offsets.
  g.fillStyle = '#3a1a00';
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    g.fillText('STAR CATCH', w / 2 + Math.cos(a) * 3.5, h / 2 + 2 + Math.sin(a) * 3.5);
  }
  g.fillStyle = '#ffb000';
  g.fillText('STAR CATCH', w / 2, h / 2 + 1.5);
  g.fillStyle = '#fff07a';
  g.fillText('STAR CATCH', w / 2, h / 2);
  return { canvas: c, w, h };
}

// drawHud draws lives (hearts, left) and the score (centre). The right
// side of the top bar is left free for the platform's menu button.
export function drawHud(ctx, g) {
  const k = g.k;
  const top = g.hudTop;
  const hs = 26 * k;
  for (let i = 0; i < g.maxLives; i++) {
    const x = g.safe.left + 12 * k + i * (hs + 4 * k);
    let s = hs;
    if (i === g.lives && g.heartPop > 0) s = hs * (1 + g.heartPop);
    drawSprite(ctx, i < g.lives ? 'heart' : 'heartEmpty', x + (hs - s) / 2, top + (hs - s) / 2, s, s);
  }
  ctx.font = 'bold ' + Math.round(30 * k) + 'px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const bump = 1 + 0.25 * g.scorePop;
  ctx.save();
  ctx.translate(g.W / 2, top - 2 * k);
  ctx.scale(bump, bump);
  shadowText(ctx, String(g.score), 0, 0, '#ffffff');
  ctx.restore();
  if (g.autoplay) {
    ctx.font = Math.round(11 * k) + 'px sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.globalAlpha = 0.7;
    shadowText(ctx, 'AUTOPLAY', g.safe.left + 12 * k, top + hs + 6 * k, '#9fe8ff', 1);
    ctx.globalAlpha = 1;
  }
}

function dim(ctx, g, alpha) {
  ctx.globalAlpha = alpha;
  ctx.fillStyle = '#070414';
  ctx.fillRect(0, 0, g.W, g.H);
  ctx.globalAlpha = 1;
}

export function drawTitle(ctx, g) {
  dim(ctx, g, 0.35);
  const k = g.k;
  const cx = g.W / 2;
  const cy = g.H * 0.36;
  const lw = Math.min(g.W - 16, 330 * k);
  const lh = (lw * g.logo.h) / g.logo.w;
  const pulse = 1 + 0.03 * Math.sin(g.time * 3);
  ctx.drawImage(g.logo.canvas, cx - (lw * pulse) / 2, cy - (lh * pulse) / 2, lw * pulse, lh * pulse);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = Math.round(16 * k) + 'px sans-serif';
  shadowText(ctx, 'Drag the basket to catch the stars.', cx, cy + lh * 0.75, '#e8e0ff');
  ctx.font = Math.round(14 * k) + 'px sans-serif';
  shadowText(ctx, 'Blue stars are worth 3. Miss 3 and it is over.', cx, cy + lh * 0.75 + 24 * k, '#b9aee0');
  if (g.blink) {
    ctx.font = 'bold ' + Math.round(22 * k) + 'px sans-serif';
    shadowText(ctx, g.autoplay ? 'AUTOPLAY' : 'TAP TO START', cx, g.H * 0.62, '#ffe066');
  }
  if (g.best > 0) {
    ctx.font = Math.round(15 * k) + 'px sans-serif';
    shadowText(ctx, 'Best: ' + g.best, cx, g.H * 0.62 + 34 * k, '#ffffff');
  }
}

// overLayout returns the game-over panel and exit button rectangles.
export function overLayout(g) {
  const k = g.k;
  const pw = Math.min(g.W - 40, 280 * k);
  const ph = 190 * k;
  const px = (g.W - pw) / 2;
  const py = g.H * 0.42 - ph / 2;
  const bw = 110 * k;
  const bh = 38 * k;
  return {
    panel: { x: px, y: py, w: pw, h: ph },
    exit: { x: (g.W - bw) / 2, y: py + ph + 18 * k, w: bw, h: bh },
  };
}

export function drawOver(ctx, g) {
  dim(ctx, g, 0.5);
  const k = g.k;
  const { panel, exit } = overLayout(g);
  const cx = g.W / 2;
  // Panel: translucent fill, double border.
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = '#1c1238';
  ctx.fillRect(panel.x, panel.y, panel.w, panel.h);
  ctx.globalAlpha = 1;
  ctx.lineWidth = 3 * k;
  ctx.strokeStyle = '#ffd34d';
  ctx.strokeRect(panel.x, panel.y, panel.w, panel.h);
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'rgba(255,211,77,0.5)';
  ctx.strokeRect(panel.x + 6 * k, panel.y + 6 * k, panel.w - 12 * k, panel.h - 12 * k);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.font = 'bold ' + Math.round(32 * k) + 'px sans-serif';
  shadowText(ctx, 'GAME OVER', cx, panel.y + 52 * k, '#ff7a8a');
  ctx.font = 'bold ' + Math.round(24 * k) + 'px sans-serif';
  shadowText(ctx, 'Score ' + g.score, cx, panel.y + 96 * k, '#ffffff');
  ctx.font = Math.round(16 * k) + 'px sans-serif';
  const newBest = g.newBest;
  shadowText(ctx, newBest ? 'New best!' : 'Best ' + g.best, cx, panel.y + 124 * k, newBest ? '#ffe066' : '#c8bdf0');
  if (g.canRestart && g.blink) {
    ctx.textBaseline = 'bottom';
    ctx.font = 'bold ' + Math.round(18 * k) + 'px sans-serif';
    shadowText(ctx, 'Tap to play again', cx, panel.y + panel.h - 16 * k, '#ffe066');
  }

  // Exit button.
  ctx.globalAlpha = 0.6;
  ctx.fillStyle = '#000000';
  ctx.fillRect(exit.x, exit.y, exit.w, exit.h);
  ctx.globalAlpha = 1;
  ctx.lineWidth = 2 * k;
  ctx.strokeStyle = '#c8bdf0';
  ctx.strokeRect(exit.x, exit.y, exit.w, exit.h);
  ctx.textBaseline = 'middle';
  ctx.font = 'bold ' + Math.round(16 * k) + 'px sans-serif';
  ctx.fillStyle = '#e8e0ff';
  ctx.fillText('EXIT', cx, exit.y + exit.h / 2);
}

export function drawPaused(ctx, g) {
  dim(ctx, g, 0.55);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = 'bold ' + Math.round(30 * g.k) + 'px sans-serif';
  shadowText(ctx, 'PAUSED', g.W / 2, g.H * 0.42, '#ffffff');
  ctx.font = Math.round(16 * g.k) + 'px sans-serif';
  shadowText(ctx, 'Tap to continue', g.W / 2, g.H * 0.42 + 36 * g.k, '#e8e0ff');
}

export function drawLoading(ctx, W, H) {
  ctx.fillStyle = '#0b0f2a';
  ctx.fillRect(0, 0, W, H);
  ctx.font = '16px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#c8bdf0';
  ctx.fillText('Loading...', W / 2, H / 2);
}

export function hit(r, x, y) {
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}
