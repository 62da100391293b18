exports.main = () => new Promise(() => { console.log('waiting forever') })
