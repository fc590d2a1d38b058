module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // The sections' rule tables assert through shared helpers named
    // expect… (src/__testUtils__/ruleCases.ts).
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expect*'] },
    ],
  },
});
