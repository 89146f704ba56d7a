package graph.bangfu.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

/**
 * Writes the default database of a store that has none yet with Neo4j's offline bulk importer, the
 * code behind {@code neo4j-admin database import full}: CSV files in, store files out, no
 * transactions. The DBMS must not be running on the store (its lock refuses the import).
 *
 * <p>Usage: {@code import --data DIR [import full options …]}. DIR is the same home directory the
 * launcher serves, so the imported database is the one it opens next. Exit code: the import tool's
 * (0 on success); its report goes to stdout and stderr.
 */
final class StoreImport {
    private StoreImport() {}

    static int run(String[] args) {
        if (args.length < 2 || !args[0].equals("--data")) {
            System.err.println("NEO4J_FAILED: usage: import --data DIR [neo4j-admin database import full options]");
            return 1;
        }
        Path home = Path.of(args[1]).toAbsolutePath().normalize();
        Path conf = home.resolve("conf");
        try {
            Files.createDirectories(conf);
        } catch (java.io.IOException e) {
            System.err.println("NEO4J_FAILED: cannot create " + conf + ": " + e.getMessage());
            return 1;
        }
        List<String> command = new ArrayList<>(List.of("database", "import", "full"));
        command.addAll(List.of(args).subList(2, args.length));
        return AdminTool.execute(new ExecutionContext(home, conf), command.toArray(String[]::new));
    }
}
