package io.github.structuredlogging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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

/**
 * A test application run in a JVM of its own, with the tests' classpath: a second
 * instance of a service, with its own logging, beside the one the tests run in.
 */
public final class ForkedApplication implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ForkedApplication(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Start an application and wait until it answers on its port.
	 * @param mainClass the class whose {@code main} takes {@code name=value} properties
	 * @param log the file its output goes to
	 * @param properties its properties; {@code server.port} is added
	 * @return the running application
	 */
	public static ForkedApplication start(Class<?> mainClass, Path log, String... properties) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				mainClass.getName(), "server.port=" + port));
		command.addAll(List.of(properties));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			ForkedApplication application = new ForkedApplication(process, port, log);
			application.awaitAnswer();
			return application;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the port the application listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		ServerProcesses.stop(this.process);
	}

	private void awaitAnswer() {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The application stopped; its output: " + tail());
			}
			try {
				client.send(request, HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				sleep();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		close();
		throw new IllegalStateException("The application did not answer within 120 s; its output: " + tail());
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String tail() {
		try {
			String text = Files.readString(this.log);
			return text.substring(Math.max(0, text.length() - 3000));
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
