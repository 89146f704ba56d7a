import pino, { type DestinationStream, type Logger } from 'pino';
import { REDACTED } from './request-logging';

/**
 * Paths pino blanks in every log line, whoever logs: a second line of defence behind the request
 * serializers of request-logging.ts (which already log only allow-listed header values), for an
 * object logged some other way that carries headers or a credential field.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers["proxy-authorization"]',
  'headers.cookie',
  'headers["set-cookie"]',
  'authorization',
  'cookie',
  'password',
  'token',
  '*.authorization',
  '*.password',
  '*.token',
];

/** The service's JSON logger, with LOG_REDACT_PATHS blanked (stdout unless `destination` is given). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'bangfu-graph' },
    redact: { paths: LOG_REDACT_PATHS, censor: REDACTED },
  };
  return destination ? pino(options, destination) : pino(options);
}
