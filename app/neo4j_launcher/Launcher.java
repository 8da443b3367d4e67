// Starts Neo4j Community (embedded) with a Bolt connector, for machines without Docker.
//
// Run as: java -cp <neo4j jars> Launcher HOME PORT HOST PAGECACHE_BYTES TX_MEMORY_BYTES
// The password is the first line of standard input: not an argument (it would show up in
// `ps`) and not an environment variable (it would stay readable in /proc/<pid>/environ,
// and LOAD CSV or a heap dump could read it back). The process keeps running until it
// receives SIGTERM, then shuts the database down cleanly (the shutdown hook), so no store
// recovery is needed next time.
//
// Hardening that belongs in the server, not only in the API in front of it:
// LOAD CSV may not read local files, and one transaction may use at most TX_MEMORY_BYTES
// of heap (0: Neo4j's default), so a runaway read query fails alone instead of running the
// JVM out of memory (the launcher exits on OutOfMemoryError).

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: Launcher HOME PORT HOST PAGECACHE_BYTES TX_MEMORY_BYTES "
                    + "(password on stdin)");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String host = args[2];
        long pageCache = Long.parseLong(args[3]);
        long txMemory = Long.parseLong(args[4]);
        String password = readPassword();
        if (password.length() < 8) {
            System.err.println("the password (first line of stdin) must be at least 8 characters");
            System.exit(65);
        }

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemory)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("polikg-launcher: shutting down");
            service.shutdown();
            System.out.println("polikg-launcher: stopped");
        }));

        setPassword(service.database("system"), password);
        System.out.println("polikg-launcher: bolt listening on " + host + ":" + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** The first line of standard input (empty when there is none). */
    private static String readPassword() throws IOException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? "" : line;
    }

    /** Sets the neo4j user's password (idempotent: the same password again is not an error). */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("same")) {
                throw e;
            }
        }
    }
}
