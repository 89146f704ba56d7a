import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino, { type Level } from 'pino';
import { REDACTED, requestLogging } from '../../src/server/request-logging';

/** An Express app with only the request log in front of a few routes, and the lines it wrote. */
async function serve(level: Level) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  const log = pino({ level, base: null, timestamp: false }, sink);
  const app = express();
  app.use(requestLogging(log));
  app.get('/ok', (_req, res) => void res.json({ ok: true }));
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/fail', (_req, res) => void res.status(503).json({ status: 'unavailable' }));
  app.get('/uses-log', (req, res) => {
    req.log.warn({ what: 'inside' }, 'from the handler');
    res.json({ id: req.id });
  });
  app.get('/hang', (req) => void req.socket.destroy());
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    lines,
    url,
    /** Lines are written on the response's `close`, a tick after the client has its answer. */
    settle: () => new Promise((r) => setTimeout(r, 50)),
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('request log', () => {
  it('writes one redacted line per request, under the client id, with no credential', async () => {
    const s = await serve('info');
    const res = await fetch(`${s.url}/ok?access_token=s3cret&x=1`, {
      headers: { 'x-request-id': 'req-7', authorization: 'Bearer s3cret', cookie: 'sid=s3cret' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-7');
    await s.settle();
    await s.close();
    expect(s.lines).toHaveLength(1);
    const [line] = s.lines as [
      { req: Record<string, unknown>; res: Record<string, unknown> } & Record<string, unknown>,
    ];
    expect(JSON.stringify(line)).not.toContain('s3cret');
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: 'req-7', method: 'GET', url: `/ok?access_token=${REDACTED}&x=${REDACTED}` },
      res: { statusCode: 200 },
    });
    expect(line.req.headers).toMatchObject({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-request-id': 'req-7',
    });
    expect((line.res.headers as Record<string, unknown>)['x-request-id']).toBe('req-7');
    expect(typeof line.responseTime).toBe('number');
  });

  it('makes its own id when the client sends none or a malformed one', async () => {
    const s = await serve('info');
    const made = await fetch(`${s.url}/ok`);
    const bad = await fetch(`${s.url}/ok`, { headers: { 'x-request-id': 'no spaces allowed' } });
    await s.settle();
    await s.close();
    const ids = [made, bad].map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.lines.map((l) => (l.req as { id: string }).id)).toEqual(ids);
  });

  it('writes no line for probes and scrapes', async () => {
    const s = await serve('info');
    await fetch(`${s.url}/healthz`);
    await fetch(`${s.url}/healthz?verbose=1`);
    await s.settle();
    await s.close();
    expect(s.lines).toEqual([]);
  });

  it('logs a 5xx at error and a request cut off before its answer as aborted', async () => {
    const s = await serve('info');
    await fetch(`${s.url}/fail`, { headers: { 'x-request-id': 'req-5xx' } });
    await fetch(`${s.url}/hang`, { headers: { 'x-request-id': 'req-cut' } }).catch(() => undefined);
    await s.settle();
    await s.close();
    expect(s.lines.map((l) => [(l.req as { id: string }).id, l.level, l.msg])).toEqual([
      ['req-5xx', 50, 'request errored'],
      ['req-cut', 30, 'request aborted'],
    ]);
    expect((s.lines[0].err as { message: string }).message).toBe('failed with status code 503');
  });

  it('binds the request (id, redacted headers) to what a handler logs through req.log', async () => {
    const s = await serve('warn');
    const res = await fetch(`${s.url}/uses-log`, { headers: { 'x-request-id': 'req-h' } });
    expect(await res.json()).toEqual({ id: 'req-h' });
    await s.settle();
    await s.close();
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({
      level: 40,
      req: { id: 'req-h' },
      what: 'inside',
      msg: 'from the handler',
    });
  });
});
