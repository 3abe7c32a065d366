module.exports = {};
