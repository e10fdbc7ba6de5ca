'use strict';
// The server is TypeScript compiled with the app (tsconfig.json includes src/plugins/**/server): load the output.
module.exports = require('../../../dist/src/plugins/notifications/server/src').default;
