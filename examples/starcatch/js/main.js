// Boot sequence (ES module with a named export; also uses require()).
import Game from './starcatch.js';
import { loadAssets } from './assets.js';
import { drawLoading } from './hud.js';
import { event, info } from './log.js';

const { parseOptions } = require('js/options.js'); // bare path, from the game root
const { setSheet } = require('./sprites/index.js');

// formatDpr prints a pixel ratio without float noise: 2, 3, 2.75.
function formatDpr(dpr) {
  return String(Math.round(dpr * 1000) / 1000);
}

export async function start() {
  const sys = wx.getSystemInfoSync();
  const launch = wx.getLaunchOptionsSync() || {};
  const opts = parseOptions(launch.query);
  const W = sys.windowWidth;
  const H = sys.windowHeight;
  const dpr = sys.pixelRatio || 1;
  info(
    'seed=' + opts.seed + (opts.seeded ? '' : ' (clock)') + ' autoplay=' + (opts.autoplay ? 1 : 0) +
      ' exit=' + (opts.exit ? 1 : 0) + ' platform=' + sys.platform
  );

  wx.setPreferredFramesPerSecond(60);

  // The first createCanvas() is the screen. Render at device pixels and
  // draw in logical (window) units.
  const canvas = wx.createCanvas();
  canvas.width = Math.round(W * dpr);
  canvas.height = Math.round(H * dpr);
  const ctx = canvas.getContext('2d');
  ctx.scale(dpr, dpr);
  GameGlobal.canvas = canvas;
  drawLoading(ctx, W, H);

  const assets = await loadAssets();
  setSheet(assets.sheet);

  const game = new Game({ canvas, ctx, info: sys, opts, assets });
  GameGlobal.starcatch = game; // handy from a debugger console
  event('ready ' + W + 'x' + H + '@' + formatDpr(dpr));
  game.run();
  return game;
}
