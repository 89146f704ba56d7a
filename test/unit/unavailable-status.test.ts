import { HeaderMap } from '@apollo/server';
import { useUnavailableStatus } from '../../src/server/plugins/use-unavailable-status';

/**
 * HTTP 503 exactly when an operation produced no data — none, or every root field null, as a
 * failed nullable mutation field answers — and every error says "retry later".
 */
describe('the 503 status of an answer without data', () => {
  const unavailable = { message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } };
  const busy = { message: 'busy', extensions: { code: 'ANALYTICS_BUSY', retryAfterSeconds: 9 } };
  const bad = { message: 'bad', extensions: { code: 'BAD_USER_INPUT' } };

  async function statusOf(data: Record<string, unknown> | null, errors: object[]) {
    const hooks = await useUnavailableStatus().requestDidStart!({} as never);
    const response = {
      http: { status: undefined as number | undefined, headers: new HeaderMap() },
      body: { kind: 'single', singleResult: { data, errors } },
    };
    await hooks!.willSendResponse!({ response } as never);
    return [response.http.status ?? 200, response.http.headers.get('retry-after') ?? null];
  }

  it.each([
    ['no data', null, [unavailable], [503, '5']],
    ['a mutation field null', { createAdminUnit: null }, [unavailable], [503, '5']],
    ['two fields null, busy and down', { a: null, b: null }, [busy, unavailable], [503, '9']],
    ['one field answered', { a: null, b: { key: 'x' } }, [unavailable], [200, null]],
    ['another error among them', { a: null }, [unavailable, bad], [200, null]],
    ['no error', { a: null }, [], [200, null]],
  ] as const)('%s', async (_what, data, errors, expected) => {
    expect(await statusOf(data, [...errors])).toEqual(expected);
  });
});
