exports.handler = () => 1
