package graph.bangfu.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * Finishes an offline import when the DBMS starts, before it reports ready: the importer cannot
 * store an empty list or a list of one empty string (it reads either as an empty field, i.e. no
 * value), so the import files mark each node that needs one with a temporary label, and the plan
 * file {@code <home>/import-fixup.tsv} (written before the importer runs) says which lists to set
 * on the nodes of each label. Each batch of nodes gets its lists and loses the label in one
 * transaction; the plan is deleted once no node has such a label.
 *
 * <p>Because the plan lives in the store and the work is keyed by label, a seed killed after the
 * import (or during this fix-up) is finished by the next start, whoever starts the store. A
 * store left with a temporary label that no plan names cannot be finished: the start fails,
 * naming the label.
 *
 * <p>Plan lines: {@code label TAB property TAB n}, the value being a list of n (0 or 1) empty
 * strings; {@code #} lines are comments. The Java core API writes at several times the speed of
 * Cypher over Bolt, and no index but the label lookup exists yet when {@code migrate} has not run.
 */
final class ImportFixup {
    static final String PLAN = "import-fixup.tsv";
    private static final String PREFIX = "BangfuImportFixed";
    private static final Pattern LABEL = Pattern.compile(PREFIX + "[0-9_]+");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int BATCH = 50_000;

    private ImportFixup() {}

    /** A store this start cannot finish; the message says why and what to do. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** What one start fixed. */
    record Result(int labels, long nodes, long millis) {}

    /**
     * Applies the plan of {@code home}, if any, and deletes it; then refuses a store where a
     * temporary label is left (no plan, or a plan that does not name it).
     */
    static Result apply(Path home, GraphDatabaseService db) throws IOException {
        long t0 = System.nanoTime();
        Path plan = home.resolve(PLAN);
        Map<String, Map<String, Object>> todo = Files.exists(plan) ? parse(plan) : Map.of();
        long nodes = 0;
        for (Map.Entry<String, Map<String, Object>> e : todo.entrySet()) {
            Label label = Label.label(e.getKey());
            for (;;) {
                int n;
                try (Transaction tx = db.beginTx()) {
                    List<Node> batch = new ArrayList<>(BATCH);
                    try (ResourceIterator<Node> it = tx.findNodes(label)) {
                        while (it.hasNext() && batch.size() < BATCH) batch.add(it.next());
                    }
                    for (Node node : batch) {
                        for (Map.Entry<String, Object> p : e.getValue().entrySet()) {
                            node.setProperty(p.getKey(), p.getValue());
                        }
                        node.removeLabel(label);
                    }
                    n = batch.size();
                    tx.commit();
                }
                nodes += n;
                if (n < BATCH) break;
            }
        }
        Files.deleteIfExists(plan);
        try (Transaction tx = db.beginTx()) {
            for (Label l : tx.getAllLabelsInUse()) {
                if (l.name().startsWith(PREFIX)) {
                    throw new Refused("nodes with the temporary label " + l.name() + " remain from an offline "
                            + "import, and no fix-up plan (" + plan + ") says which empty lists they lack; "
                            + "seed a new store instead (delete " + home + ")");
                }
            }
        }
        return new Result(todo.size(), nodes, (System.nanoTime() - t0) / 1_000_000);
    }

    private static Map<String, Map<String, Object>> parse(Path plan) throws IOException {
        Map<String, Map<String, Object>> todo = new LinkedHashMap<>();
        for (String line : Files.readAllLines(plan, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 3 || !LABEL.matcher(f[0]).matches() || !KEY.matcher(f[1]).matches()
                    || !(f[2].equals("0") || f[2].equals("1"))) {
                throw new IllegalArgumentException("bad line in " + plan + ": " + line);
            }
            String[] value = f[2].equals("0") ? new String[0] : new String[] {""};
            todo.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], value);
        }
        return todo;
    }
}
