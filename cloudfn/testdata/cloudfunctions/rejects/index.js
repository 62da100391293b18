exports.main = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, 5))
  throw new TypeError('bad input ' + event.n)
}
