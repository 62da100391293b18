const _ = require('lodash')
exports.main = () => _.sum([1, 2])
