module.exports = 'friend-score-4242';
