ctx.fillStyle = 'black'; ctx.font = '24px sans-serif'; ctx.fillText('你好，世界', 10, 50);
ctx.fillText('こんにちは', 10, 100); ctx.fillText('玩家 Player 1', 10, 150);
