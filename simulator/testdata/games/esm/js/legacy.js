module.exports = {
  name: 'legacy',
  fail: function () {
    throw new Error('thrown from legacy');
  },
};
