const cloud = require('wx-server-sdk');
cloud.init({env: cloud.DYNAMIC_CURRENT_ENV});

exports.main = async (event) => {
  const {OPENID, APPID, ENV} = cloud.getWXContext();
  const w = event.weRunData;
  return {openid: OPENID, appid: APPID, env: ENV, sum: (event.a || 0) + (event.b || 0),
    steps: w.data ? w.data.stepInfoList[0].step : w.errCode + ' ' + w.errMsg};
};
