const { add } = require('./lib/math')
const table = require('./lib/table.json')
exports.main = (event) => ({ sum: add(event.a, event.b), name: table.name })
