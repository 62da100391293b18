exports.main = async (event) => {
  const t0 = Date.now()
  const order = []
  setTimeout(() => order.push('second'), 40)
  await new Promise((resolve) => setTimeout(() => { order.push('first'); resolve() }, event.ms))
  await new Promise((resolve) => setTimeout(resolve, 30))
  return { order, elapsed: Date.now() - t0 }
}
