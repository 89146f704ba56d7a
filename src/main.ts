import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config/config';
import { REPO_ROOT } from './config/paths';
import { createAuthenticator } from './server/auth';
import { createLogger } from './server/create-logger';
import { createHttpService } from './server/http-service';
import { loadTrustedDocuments } from './server/trusted-documents';
import { Metrics } from './server/metrics';
import { keepServingOnUnhandledRejections } from './server/unhandled-rejections';
import { openStore, type Store } from './store/open-store';
import { seedIfEmpty } from './seed/seed-if-empty';
import { AnalyticsEngine } from './store/analytics/analytics-engine';

/**
 * The composition root: config → Neo4j (embedded or external) → migrations → seed → HTTP.
 * SIGTERM/SIGINT stop accepting, finish in-flight requests, close the driver, stop the embedded
 * Neo4j and exit 0.
 */
export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`bangfu: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
  const metrics = new Metrics({
    operationNames: config.metrics.operationNames,
    maxOperationNames: config.metrics.maxOperationNames,
  });

  let store: Store | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      await http?.close();
      await store?.close();
      log.info('stopped');
      process.exit(0);
    } catch (e) {
      log.error({ err: e }, 'shutdown failed');
      process.exit(1);
    }
  };
  keepServingOnUnhandledRejections(log, metrics);
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  let http: Awaited<ReturnType<typeof createHttpService>> | undefined;
  try {
    store = await openStore(config.neo4j, { observers: [metrics], log: (m) => log.info(m) });
    if (stopping) return;
    if (config.seedOnStart) await seedIfEmpty(store.gateway, (m) => log.info(m));
    http = await createHttpService({
      gateway: store.gateway,
      metrics,
      log,
      service: { version, embedded: store.embedded },
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      auth: createAuthenticator(config.auth),
      piiSalt: config.piiSalt,
      cursorSecret: config.cursorSecret,
      hardening: config.hardening,
      metricsConfig: config.metrics,
      subscriptions: config.subscriptions,
      analytics: new AnalyticsEngine(config.analytics),
      execution: config.execution,
      trustedDocuments: config.documents.trustedOnly
        ? loadTrustedDocuments(config.documents.manifestFile)
        : null,
    });
    const addr = await http.listen(config.port, config.host);
    log.info(`bangfu-graph ${version} ready at http://${addr.address}:${addr.port}/graphql`);
  } catch (e) {
    const msg =
      (e as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${config.port} is in use: set PORT`
        : String((e as Error).message);
    process.stderr.write(`bangfu: ${msg}\n`);
    log.debug({ err: e }, 'start failed');
    await store?.close().catch(() => undefined);
    process.exit(1);
  }
}

if (require.main === module) void main();
