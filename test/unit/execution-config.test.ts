import { z } from 'zod';
import { ConfigError, loadConfig } from '../../src/config/config';
import { EXECUTION_ENV, executionConfig } from '../../src/config/execution-config';

describe('read engine settings', () => {
  it('defaults to 500 plans, with plan checks on outside production and off in it, executed directly', () => {
    expect(loadConfig({}).execution).toEqual({ planCacheSize: 500, planChecks: true, executor: 'direct' });
    expect(loadConfig({ NODE_ENV: 'test' }).execution.planChecks).toBe(true);
    const unset = z.object(EXECUTION_ENV).parse({});
    expect(executionConfig(unset, 'production')).toEqual({
      planCacheSize: 500,
      planChecks: false,
      executor: 'direct',
    });
  });

  it('takes PLAN_CACHE_SIZE, PLAN_CHECKS and EXECUTOR', () => {
    expect(
      loadConfig({ PLAN_CACHE_SIZE: '2', PLAN_CHECKS: 'off', EXECUTOR: 'graphql-js' }).execution,
    ).toEqual({
      planCacheSize: 2,
      planChecks: false,
      executor: 'graphql-js',
    });
  });

  it.each([
    ['PLAN_CACHE_SIZE', '0', 'expected an integer from 1 to 100000'],
    ['PLAN_CACHE_SIZE', '100001', 'expected an integer from 1 to 100000'],
    ['PLAN_CACHE_SIZE', '1.5', 'expected an integer from 1 to 100000'],
    ['PLAN_CACHE_SIZE', 'many', 'expected an integer from 1 to 100000'],
    ['PLAN_CHECKS', 'yes', 'expected on or off'],
    ['EXECUTOR', 'jit', 'expected direct or graphql-js'],
  ])('names %s=%s and what is expected', (name, value, expected) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      new ConfigError(`invalid environment variable ${name}=${JSON.stringify(value)}: ${expected}`),
    );
  });
});
