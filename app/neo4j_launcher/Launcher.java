// Starts Neo4j Community (embedded) with a Bolt connector, for machines without Docker.
//
// Run as a single source file: java -cp <neo4j jars> Launcher.java HOME PORT HOST PAGECACHE
// The password is read from the NEO4J_PASSWORD environment variable so it never shows
// up in `ps`. The process keeps running until it receives SIGTERM, then shuts the
// database down cleanly (the shutdown hook), so no store recovery is needed next time.

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
        if (args.length < 4) {
            System.err.println("usage: Launcher HOME PORT HOST PAGECACHE_BYTES");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String host = args[2];
        long pageCache = Long.parseLong(args[3]);
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        if (password.length() < 8) {
            System.err.println("NEO4J_PASSWORD must be at least 8 characters");
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
