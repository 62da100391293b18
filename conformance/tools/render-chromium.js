#!/usr/bin/env node
// Renders every conformance scene (../scenes/*.js) in headless Chromium and
// writes ../golden/<scene>.png: the reference minisim's rendering is
// compared with. Run through `make goldens` (installs what is missing).
//
//   node render-chromium.js [scene-name-substring ...]
//
// Each scene is the body of function (ctx, canvas, img, makeCanvas, W, H),
// drawing on a W×H canvas at device pixel ratio 1; img is images/checker.png.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const SCENES = path.join(ROOT, 'scenes');
const GOLDEN = path.join(ROOT, 'golden');
const W = 200, H = 200;

// The same flags as ../../../shared/bench: no GPU, no network chatter.
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--font-render-hinting=none'];

async function main() {
  const filters = process.argv.slice(2);
  const names = fs.readdirSync(SCENES).filter((f) => f.endsWith('.js'))
    .filter((f) => !filters.length || filters.some((s) => f.includes(s))).sort();
  const checker = 'data:image/png;base64,' + fs.readFileSync(path.join(ROOT, 'images', 'checker.png')).toString('base64');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true, ignoreDefaultArgs: ['--headless'], args: FLAGS,
  });
  const page = await browser.newPage({ viewport: { width: 400, height: 400 }, deviceScaleFactor: 1 });
  fs.mkdirSync(GOLDEN, { recursive: true });
  let failed = 0;
  for (const name of names) {
    const body = fs.readFileSync(path.join(SCENES, name), 'utf8');
    const result = await page.evaluate(async ({ body, checker, W, H }) => {
      document.body.innerHTML = '';
      const canvas = document.createElement('canvas');
      canvas.width = W; canvas.height = H;
      document.body.appendChild(canvas);
      const img = new Image();
      await new Promise((ok, fail) => { img.onload = ok; img.onerror = fail; img.src = checker; });
      const makeCanvas = (w, h) => { const c = document.createElement('canvas'); c.width = w; c.height = h; return c; };
      try {
        new Function('ctx', 'canvas', 'img', 'makeCanvas', 'W', 'H', body)(canvas.getContext('2d'), canvas, img, makeCanvas, W, H);
      } catch (e) {
        return { error: String(e && e.stack || e) };
      }
      return { png: canvas.toDataURL('image/png') };
    }, { body, checker, W, H });
    if (result.error) {
      console.error(`${name}: ${result.error}`);
      failed++;
      continue;
    }
    const out = path.join(GOLDEN, name.replace(/\.js$/, '.png'));
    fs.writeFileSync(out, Buffer.from(result.png.split(',')[1], 'base64'));
    console.log(`${name} -> golden/${path.basename(out)}`);
  }
  await browser.close();
  if (failed) process.exit(1);
}

main().catch((e) => { console.error(e); process.exit(1); });
