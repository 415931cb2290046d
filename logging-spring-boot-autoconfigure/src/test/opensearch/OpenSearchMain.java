import java.nio.file.Files;
import java.nio.file.Path;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one OpenSearch node on 127.0.0.1 for the shipping tests, in a JVM of its own:
 * {@code java -cp <classpath> OpenSearchMain.java <directory> <http port> <transport port>}.
 * Writes {@code <directory>/ready} once the node is up; stops when the process is.
 */
public class OpenSearchMain {

	public static void main(String[] args) throws Exception {
		Path directory = Path.of(args[0]);
		String httpPort = args[1];
		String transportPort = args[2];
		OpenSearchRunner runner = new OpenSearchRunner();
		runner.setMaxHttpPort(-1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				runner.close();
			}
			catch (Exception ex) {
				// Stopping anyway.
			}
		}));
		runner.onBuild((index, settings) -> {
			settings.put("network.host", "127.0.0.1");
			settings.put("discovery.type", "single-node");
			settings.put("http.port", httpPort);
			settings.put("transport.port", transportPort);
			settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
		}).build(OpenSearchRunner.newConfigs().basePath(directory.resolve("node").toString()).numOfNode(1));
		runner.ensureYellow();
		Files.writeString(directory.resolve("ready"), httpPort);
		Thread.currentThread().join();
	}

}
