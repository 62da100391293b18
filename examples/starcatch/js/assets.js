// Image loading (ES module, named exports, Promises + async/await).
import { info, error } from './log.js';

// loadImage wraps wx.createImage() in a Promise. src is relative to the
// game folder.
export function loadImage(src) {
  return new Promise((resolve, reject) => {
    const img = wx.createImage();
    img.onload = () => resolve(img);
    img.onerror = (e) => reject(new Error('cannot load ' + src + (e && e.errMsg ? ': ' + e.errMsg : '')));
    img.src = src;
  });
}

// loadAssets loads the sprite sheet (PNG) and the background (JPEG) in
// parallel. A missing image is logged and replaced by null; the game then
// draws simple stand-ins instead.
export async function loadAssets() {
  const t0 = wx.getPerformance().now();
  const soft = (p) =>
    p.catch((err) => {
      error(err.message);
      return null;
    });
  const [sheet, bg] = await Promise.all([soft(loadImage('images/sprites.png')), soft(loadImage('images/bg.jpg'))]);
  const ms = wx.getPerformance().now() - t0;
  const size = (img) => (img ? img.width + 'x' + img.height : 'missing');
  info('assets sprites.png ' + size(sheet) + ', bg.jpg ' + size(bg) + ' in ' + ms.toFixed(1) + ' ms');
  return { sheet, bg };
}
