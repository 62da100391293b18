// Counts its runs in a file of the user data, and shows that file with
// createImage's resolver refusing a path out of the user folder.
var fs = wx.getFileSystemManager();
var path = wx.env.USER_DATA_PATH + '/runs.txt';
var runs = 0;
try {
  runs = Number(fs.readFileSync(path, 'utf8'));
} catch (e) {
  console.log('first run: ' + e.message);
}
fs.writeFile({ filePath: path, data: String(runs + 1), success: function (r) {
  console.log('run ' + (runs + 1) + ' ' + r.errMsg);
  try {
    fs.readFileSync(wx.env.USER_DATA_PATH + '/../../../../minisim.db');
  } catch (e) {
    console.log('escape: ' + e.message);
  }
  wx.exitMiniProgram();
} });
