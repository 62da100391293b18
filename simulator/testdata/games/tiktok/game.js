var info = tt.getSystemInfoSync();
console.log('wx is ' + typeof wx + ', tt.canIUse(createCanvas)=' + tt.canIUse('createCanvas') +
  ', canIUse(createVideo)=' + tt.canIUse('createVideo') + ', appName=' + info.appName);
try { require('./open/index.js'); } catch (e) { console.log('blocked: ' + e.message); }
tt.exitMiniProgram();
