package io.github.structuredlogging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OpenSearch node on 127.0.0.1, in a JVM of its own (never in the test's), for
 * the shipping tests. Its classpath is resolved once by Maven from
 * {@code src/test/opensearch/pom.xml}; where that cannot be done the test is skipped with
 * the reason.
 */
public final class OpenSearchNode implements AutoCloseable {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Path PROJECT = Path.of("src/test/opensearch").toAbsolutePath();

	private static final Path CLASSPATH = Path.of("target/opensearch-node.classpath").toAbsolutePath();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path directory;

	private final String classpath;

	private final int port;

	private final int transportPort;

	private Process process;

	private OpenSearchNode(Path directory, String classpath, int port, int transportPort) {
		this.directory = directory;
		this.classpath = classpath;
		this.port = port;
		this.transportPort = transportPort;
	}

	/**
	 * Start a node whose data lives in the given directory.
	 * @param directory the directory
	 * @return the started node, green or yellow
	 */
	public static OpenSearchNode start(Path directory) {
		OpenSearchNode node = new OpenSearchNode(directory, classpath(), freePort(9200, 9298), freePort(9300, 9398));
		node.launch();
		return node;
	}

	public int port() {
		return this.port;
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * Stop the node's process, as an outage would.
	 */
	public void stop() {
		ServerProcesses.stop(this.process);
		this.process = null;
	}

	/**
	 * Start the node again on the same port, with the data it had.
	 */
	public void restart() {
		stop();
		launch();
	}

	/**
	 * Send a request and read the answer as JSON.
	 * @param method the method
	 * @param path the path, with its query
	 * @param body the JSON body, {@code null} for none
	 * @return the answer
	 */
	public JsonNode request(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url().resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return MAPPER.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Make everything indexed so far searchable, then count the documents a query matches.
	 * @param indices the indices, such as {@code orders-*}
	 * @param query the query, as JSON
	 * @return the count
	 */
	public long count(String indices, String query) {
		request("POST", "/" + indices + "/_refresh", null);
		return request("POST", "/" + indices + "/_count", "{\"query\":" + query + "}").path("count").asLong(-1);
	}

	@Override
	public void close() {
		stop();
	}

	private void launch() {
		try {
			Path temporary = Files.createDirectories(this.directory.resolve("tmp"));
			Files.deleteIfExists(this.directory.resolve("ready"));
			String java = java();
			List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:-UsePerfData",
					"-Djava.io.tmpdir=" + temporary, "-Djna.tmpdir=" + temporary, "-cp", this.classpath,
					PROJECT.resolve("OpenSearchMain.java").toString(), this.directory.toString(),
					String.valueOf(this.port), String.valueOf(this.transportPort)));
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("node.log").toFile()))
				.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (!Files.exists(this.directory.resolve("ready"))) {
				if (!this.process.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("OpenSearch did not start; its output: "
							+ tail(this.directory.resolve("node.log")));
				}
				Thread.sleep(200);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// OpenSearch 2 runs on Java 17 to 21: when the tests run on a later Java, the node
	// runs on a Java 17 installed beside it.
	private static String java() throws IOException {
		String current = ProcessHandle.current().info().command().orElse("java");
		if (Runtime.version().feature() <= 21) {
			return current;
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (Files.isDirectory(jvms)) {
			try (var installed = Files.list(jvms)) {
				return installed.filter((jvm) -> jvm.getFileName().toString().contains("17"))
					.map((jvm) -> jvm.resolve("bin/java"))
					.filter(Files::isExecutable)
					.map(Path::toString)
					.findFirst()
					.orElse(current);
			}
		}
		return current;
	}

	private static synchronized String classpath() {
		try {
			if (!Files.isRegularFile(CLASSPATH)) {
				Path mvnw = Path.of("../mvnw").toAbsolutePath();
				Process maven = new ProcessBuilder(mvnw.toString(), "-B", "-q", "-f",
						PROJECT.resolve("pom.xml").toString(), "dependency:build-classpath",
						"-Dmdep.outputFile=" + CLASSPATH)
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/opensearch-node-maven.log").toFile()))
					.start();
				boolean done = maven.waitFor(10, TimeUnit.MINUTES) && maven.exitValue() == 0;
				Assumptions.assumeTrue(done && Files.isRegularFile(CLASSPATH),
						"The OpenSearch node's classpath could not be resolved from Maven Central; see "
								+ "target/opensearch-node-maven.log");
			}
			return Files.readString(CLASSPATH).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort(int from, int to) {
		for (int port = from; port <= to; port++) {
			try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException ex) {
				// Taken: the next one.
			}
		}
		throw new IllegalStateException("No free port between " + from + " and " + to);
	}

	private static String tail(Path log) {
		try {
			String text = Files.readString(log);
			return text.substring(Math.max(0, text.length() - 3000));
		}
		catch (IOException ex) {
			return "(no output)";
		}
	}

}
