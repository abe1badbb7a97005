// Two projects: fast unit tests beside the code, and end-to-end tests under test/
// that talk to a real PostgreSQL and a real gRPC/HTTP port.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@brobygger/([a-z-]+)$': '<rootDir>/libs/$1/src',
};
// feelin, bpmn-moddle and friends are ES modules; jest's CommonJS runtime needs them compiled.
const esmPackages = ['feelin', 'lezer-feel', '@lezer', 'min-dash', 'temporal-polyfill', 'temporal-utils', 'bpmn-moddle', 'moddle', 'moddle-xml', 'saxen', 'zeebe-bpmn-moddle', 'min-dom', 'luxon'];
const common = {
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
