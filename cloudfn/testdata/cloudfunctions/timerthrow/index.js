exports.main = () => new Promise((resolve) => {
  setTimeout(() => { throw new RangeError('early') }, 5)
  setTimeout(() => resolve('too late'), 50)
})
