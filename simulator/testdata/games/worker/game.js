// A worker computes off the game's VM; a subpackage loads on demand.
try { require('workers/calc/primes.js'); } catch (e) { console.log('main:', e.message); }
var w = wx.createWorker('workers/calc/index.js');
w.onMessage(function (r) {
  console.log('primes below', r.below + ':', r.count, 'took a copy:', r.input.length);
  w.terminate();
  wx.loadSubpackage({name: 'stage', success: function () { console.log('stage says', globalThis.stageName); }});
});
w.postMessage({below: 1000, input: [1, 2, 3]});
