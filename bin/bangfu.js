#!/usr/bin/env node
// The operations CLI. Compiled code lives in dist/ (built by `npm install` via the prepare script).
require('../dist/cli/main.js').main(process.argv);
