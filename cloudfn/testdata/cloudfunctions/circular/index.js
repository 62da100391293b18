exports.main = () => { const o = {}; o.self = o; return o }
