var n = 0;
requestAnimationFrame(function spin() { while (true) { n++; } });
setTimeout(function () { console.log('alive after the endless loop'); }, 100);
