const cloud = require('wx-server-sdk')
cloud.init()
exports.main = async () => {
  const db = cloud.database()
  return db.collection('scores').get()
}
