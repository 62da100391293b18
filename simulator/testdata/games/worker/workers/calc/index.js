var primes = require('./primes');
worker.onMessage(function (m) {
  console.log('typeof wx in the worker:', typeof wx);
  setTimeout(function () {
    worker.postMessage({below: m.below, count: primes.count(m.below), input: m.input});
  }, 10);
});
