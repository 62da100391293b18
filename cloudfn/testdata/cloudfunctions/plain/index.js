exports.main = (event, context) => event.value
