// The old-webview gate and the web page: each scenario opens its own browser context (web-scenarios.js).
'use strict';

const { scenario, expect, expectEqual, env, STATE_TIMEOUT_MS } = require('../harness');

require('../web-scenarios').register({ scenario, expect, expectEqual, env, STATE_TIMEOUT_MS });
