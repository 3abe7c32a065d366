// Unit tests with the Pulumi SDK mocked out.
jest.mock('@pulumi/pulumi', () => ({
  ComponentResource: jest.fn().mockImplementation(function () {
    this.registerOutputs = jest.fn();
  }),
  interpolate: jest.fn().mockImplementation(() => 'mock-url'),
  all: jest.fn().mockImplementation((values) => ({ apply: (fn) => fn(values) })),
}));

jest.mock('@pulumi/aws', () => ({
  Provider: jest.fn().mockImplementation(() => ({ id: 'mock-provider' })),
  s3: { Bucket: jest.fn().mockImplementation(() => ({ id: 'b', bucket: 'b', arn: 'arn:aws:s3:::b' })) },
  iam: {
    Role: jest.fn().mockImplementation(() => ({ id: 'r', arn: 'arn:aws:iam::1:role/r' })),
    RolePolicy: jest.fn().mockImplementation(() => ({ id: 'p' })),
  },
  apigateway: { RestApi: jest.fn().mockImplementation(() => ({ id: 'api' })) },
}));

import { TapStack } from '../lib/tap-stack.mjs';

describe('TapStack', () => {
  it('creates the stack', () => {
    const stack = new TapStack('test', { environmentSuffix: 'test' });
    expect(stack).toBeDefined();
  });
});
