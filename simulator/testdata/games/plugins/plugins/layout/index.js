var helper = require('./helper');
GameGlobal.layoutRuns = (GameGlobal.layoutRuns || 0) + 1;
exports.name = 'layout 1.0 (' + helper.name + ')';
exports.runs = GameGlobal.layoutRuns;
