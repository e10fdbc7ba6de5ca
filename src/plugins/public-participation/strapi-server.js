'use strict';
// The server is TypeScript compiled with the app (tsconfig includes src/plugins/**/server).
module.exports = require('../../../dist/src/plugins/public-participation/server').default;
