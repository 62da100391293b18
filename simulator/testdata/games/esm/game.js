import { greet } from './js/greet.js';
import counter from 'js/counter';
const legacy = require('./js/legacy');
console.log(greet('esm'), counter(), counter(), legacy.name);
setTimeout(() => { import('./js/greet.js').catch(() => {}); legacy.fail(); }, 0);
