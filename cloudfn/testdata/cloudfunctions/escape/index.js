const shared = require('../helper/lib/math')
exports.main = () => shared.add(1, 2)
