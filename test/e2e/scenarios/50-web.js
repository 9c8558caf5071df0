// The old-webview gate and the web page: each scenario opens its own browser context (web-scenarios.js).
'use strict';

const { scenario, expect, expectEqual, env } = require('../harness');

require('../web-scenarios').register({ scenario, expect, expectEqual, env });
