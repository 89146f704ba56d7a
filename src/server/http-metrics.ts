import type { RequestHandler } from 'express';
import type { Metrics } from './metrics';
import { methodLabel } from './operation-label';

/** The HTTP request counter and latency histogram, by method, route and status. */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const method = methodLabel(req.method);
    const end = metrics.httpDuration.startTimer({ method });
    res.on('finish', () => {
      const route = routeOf(req.originalUrl.split('?')[0]);
      end({ route });
      metrics.httpRequests.inc({ method, route, status: String(res.statusCode) });
    });
    next();
  };
}

/** A bounded route label for metrics (unknown paths collapse into one). */
function routeOf(p: string): string {
  return ['/graphql', '/healthz', '/readyz', '/metrics'].includes(p) ? p : 'other';
}
