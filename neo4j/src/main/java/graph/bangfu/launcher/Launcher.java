package graph.bangfu.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.locker.FileLockException;
import sun.misc.Signal;

/**
 * Runs a Neo4j Community DBMS embedded, reachable only over Bolt on 127.0.0.1.
 *
 * <p>Contract with the parent process:
 * <ul>
 *   <li>stdout carries exactly one line, {@code NEO4J_READY bolt://127.0.0.1:<port> <version>},
 *       printed once the default database is available and Bolt accepts connections.
 *       All other output goes to stderr or to log files under {@code <data>/logs}.</li>
 *   <li>Exit 0: clean shutdown after SIGTERM/SIGINT, or stdin EOF with {@code --parent-watch}.</li>
 *   <li>Exit 1: bad command line, or a start failure not classified below.</li>
 *   <li>Exit 2: start failed because the data directory is locked or the port is in use;
 *       stderr then has one line starting with {@code NEO4J_FAILED: }.</li>
 * </ul>
 * No authentication; no HTTP/HTTPS connectors; no global transaction timeout (clients set their own).
 *
 * <p>{@code import --data DIR <neo4j-admin database import full options>} instead writes a new store
 * with Neo4j's offline bulk importer (see {@link StoreImport}) and exits with its exit code. The
 * first start after it finishes the import before the ready line (see {@link ImportFixup}).
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final PrintStream ERR = System.err;

    private Launcher() {}

    /** Parsed command line. Sizes use Neo4j syntax, e.g. {@code 64m}, {@code 1g}. */
    private record Options(int port, Path home, String pageCache, String txTotalMax, boolean parentWatch) {
        static Options parse(String[] args) {
            int port = 7687;
            Path home = Path.of("neo4j-data");
            String pageCache = "64m";
            String txTotalMax = "256m";
            boolean parentWatch = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--data" -> home = Path.of(value(args, ++i));
                    case "--pagecache" -> pageCache = value(args, ++i);
                    case "--tx-total-max" -> txTotalMax = value(args, ++i);
                    case "--parent-watch" -> parentWatch = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--port must be 1..65535, got " + port);
            }
            return new Options(port, home.toAbsolutePath().normalize(), pageCache, txTotalMax, parentWatch);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(StoreImport.run(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        Options opt;
        DatabaseManagementServiceBuilder builder;
        try {
            opt = Options.parse(args);
            Files.createDirectories(opt.home());
            builder = configure(opt);
        } catch (IllegalArgumentException | IOException e) {
            ERR.println("NEO4J_FAILED: " + e.getMessage());
            ERR.println("usage: --data DIR [--port 7687] [--pagecache 64m] [--tx-total-max 256m] [--parent-watch]");
            System.exit(1);
            return;
        }

        DatabaseManagementService dbms;
        String version;
        try {
            ensurePortFree(opt.port());
            dbms = builder.build();
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(60_000)) {
                throw new IllegalStateException("default database did not become available within 60s");
            }
            try {
                logFixup(opt.home(), ImportFixup.apply(opt.home(), db));
            } catch (ImportFixup.Refused r) {
                dbms.shutdown();
                throw r;
            }
            version = db.executeTransactionally(
                    "CALL dbms.components() YIELD versions RETURN versions[0] AS v", Map.of(),
                    r -> (String) r.next().get("v"));
            awaitBolt(opt.port());
        } catch (Throwable t) {
            fail(opt, t);
            return;
        }

        Stopper stopper = new Stopper(dbms);
        Runtime.getRuntime().addShutdownHook(new Thread(stopper::stop, "neo4j-shutdown-hook"));
        CountDownLatch stop = new CountDownLatch(1);
        // Handling the signals ourselves (instead of relying only on the hook) lets us exit 0, not 143/130.
        for (String sig : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(sig), s -> stop.countDown());
        }
        if (opt.parentWatch()) {
            Thread watch = new Thread(() -> {
                try {
                    while (System.in.read() != -1) {
                        // discard; only EOF (parent gone) matters
                    }
                } catch (IOException ignored) {
                    // a broken stdin means the parent is gone as well
                }
                stop.countDown();
            }, "neo4j-parent-watch");
            watch.setDaemon(true);
            watch.start();
        }

        System.out.println("NEO4J_READY bolt://" + HOST + ":" + opt.port() + " " + version);
        System.out.flush();

        try {
            stop.await();
        } catch (InterruptedException ignored) {
            // fall through to shutdown
        }
        stopper.stop();
        System.exit(0);
    }

    private static DatabaseManagementServiceBuilder configure(Options opt) {
        return new DatabaseManagementServiceBuilder(opt.home())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, opt.port()))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, opt.port()))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(opt.pageCache()))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.parse(opt.txTotalMax()))
                // Bolt's Netty groups otherwise wait a 5s quiet period each on shutdown (~10s total).
                // Internal settings: re-check them when bumping neo4j.version.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));
        // db.transaction.timeout is deliberately left at its default (none): clients pass per-transaction timeouts.
        // Debug/query logs go to <home>/logs (Neo4j's default); no user log provider, so nothing on stdout.
    }

    /**
     * Fails fast with a BindException when the port is taken, instead of after the whole DBMS has started.
     * Racy by nature; Neo4j's own bind failure is classified the same way in {@link #fail}.
     */
    private static void ensurePortFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(HOST, port));
        }
    }

    /** Returns once a TCP connection to the Bolt port succeeds; throws after ~10s. */
    private static void awaitBolt(int port) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 500);
                return;
            } catch (IOException e) {
                if (attempt >= 100) {
                    throw new IllegalStateException("Bolt is not accepting connections on " + HOST + ":" + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Appends what the import fix-up did to {@code <home>/logs/import-fixup.log} (nothing when there was none). */
    private static void logFixup(Path home, ImportFixup.Result r) throws IOException {
        if (r.labels() == 0) {
            return;
        }
        Path log = home.resolve("logs").resolve("import-fixup.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, java.time.Instant.now() + " fixed " + r.nodes() + " nodes of " + r.labels()
                + " temporary labels in " + r.millis() + " ms\n", java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Reports a start failure on stderr and exits: 2 for lock/port conflicts, 1 otherwise. Never returns. */
    private static void fail(Options opt, Throwable t) {
        if (t instanceof ImportFixup.Refused) {
            ERR.println("NEO4J_FAILED: " + t.getMessage());
            System.exit(1);
        }
        String cause = null;
        for (Throwable c = t; c != null && cause == null; c = c.getCause()) {
            if (c instanceof FileLockException) {
                cause = "data directory " + opt.home() + " is locked by another Neo4j process";
            } else if (c instanceof BindException) {
                cause = "port " + opt.port() + " is already in use";
            }
        }
        if (cause != null) {
            ERR.println("NEO4J_FAILED: " + cause);
            System.exit(2);
        }
        t.printStackTrace(ERR);
        ERR.println("NEO4J_FAILED: " + t);
        System.exit(1);
    }

    /** Idempotent shutdown, callable from the main thread and the JVM shutdown hook. */
    private static final class Stopper {
        private final DatabaseManagementService dbms;
        private boolean stopped;

        Stopper(DatabaseManagementService dbms) {
            this.dbms = dbms;
        }

        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                ERR.println("neo4j shutdown error: " + t);
            }
        }
    }
}
