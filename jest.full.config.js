/**
 * `npm run test:full`: the whole suite, long runs included (test/support/tier.ts). Jest's
 * workers inherit this process's environment, so the tier is set here once.
 */
process.env.SALES_REVIEW_TESTS = "full";
module.exports = require("./jest.config.js");
