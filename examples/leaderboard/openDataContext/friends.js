// Friends' game data. With the mock platform this comes from
// wx.getFriendCloudStorage; until then the open domain keeps its own.
module.exports = {
  list: [
    { nickname: '小明', score: 31, color: '#66ccff' },
    { nickname: 'Lina', score: 27, color: '#ff8899' },
    { nickname: 'Kenji', score: 22, color: '#99ee88' },
    { nickname: '阿强', score: 18, color: '#cc99ff' },
    { nickname: 'Sofia', score: 12, color: '#ffaa55' },
  ],
};
