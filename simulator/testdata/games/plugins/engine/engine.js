module.exports = { version: '2.0' };
