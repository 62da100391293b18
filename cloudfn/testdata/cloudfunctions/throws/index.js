function check(event) {
  if (!event.ok) throw new Error('boom: ' + event.why)
}
exports.main = (event) => {
  check(event)
  return 'fine'
}
