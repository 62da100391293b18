// The template the devtools create, plus what the test checks.
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

exports.main = async (event, context) => {
  console.log('called with', event.a)
  console.error('to the log', 42)
  const wxContext = cloud.getWXContext()
  return {
    event,
    openid: wxContext.OPENID,
    appid: wxContext.APPID,
    unionid: wxContext.UNIONID,
    hasUnionid: 'UNIONID' in wxContext,
    env: wxContext.ENV,
    source: wxContext.SOURCE,
    context,
    sdkKeys: Object.keys(cloud).sort(),
    database: typeof cloud.database,
    envMarker: typeof cloud.DYNAMIC_CURRENT_ENV,
    sameModule: require('wx-server-sdk') === cloud,
  }
}
