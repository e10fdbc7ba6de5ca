// The server is TypeScript compiled with the app (tsconfig.json includes src/plugins/**): load the compiled output.
module.exports = require('../../../dist/src/plugins/multichannel-publishing/server/src').default;
