import { allowOf } from '../../src/server/allowed-methods';
import { takes } from '../../src/server/graphql-post';

/**
 * graphqlPost (src/server/graphql-post.ts) leaves out the methods check, which only lets a
 * request through or refuses it: that is exact only while every request it takes is one the
 * check lets through.
 */
describe('the requests graphqlPost takes pass the methods check', () => {
  const plain = { 'content-type': 'application/json', 'content-length': '27' };

  it('takes only POST /graphql, which the methods check allows', () => {
    expect(takes({ method: 'POST', url: '/graphql', headers: plain }, 1_000)).toBe(true);
    expect(allowOf('/graphql')?.split(', ')).toContain('POST');
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      expect(takes({ method, url: '/graphql', headers: plain }, 1_000)).toBe(false);
    }
    for (const url of ['/graphql/', '/graphql?x=1', '/GRAPHQL', '/healthz', '/graphql#a']) {
      expect(takes({ method: 'POST', url, headers: plain }, 1_000)).toBe(false);
    }
  });

  it('leaves to Express what body-parser would treat otherwise', () => {
    const post = (headers: Record<string, string>, max = 1_000) =>
      takes({ method: 'POST', url: '/graphql', headers: { ...plain, ...headers } }, max);
    expect(post({ 'content-type': 'application/json; charset=UTF-8' })).toBe(true);
    expect(post({ 'content-type': 'application/json; charset=latin1' })).toBe(false);
    expect(post({ 'content-type': 'application/graphql-response+json' })).toBe(false);
    expect(post({ 'content-type': 'text/plain' })).toBe(false);
    expect(post({ 'content-encoding': 'gzip' })).toBe(false);
    expect(post({ 'content-encoding': 'identity' })).toBe(true);
    expect(post({ 'transfer-encoding': 'chunked' })).toBe(false);
    expect(post({}, 27)).toBe(true);
    expect(post({}, 26)).toBe(false);
    expect(
      takes({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' } }, 1_000),
    ).toBe(false);
  });
});
