package io.github.structuredlogging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real rsyslog daemon on 127.0.0.1, receiving JSON lines over TCP ({@code imtcp}) and
 * writing each message as it came to a file. Skips the test when rsyslog is not installed
 * ({@code .ci/run} installs it).
 */
public final class SyslogReceiver implements AutoCloseable {

	private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");

	private final Path directory;

	private final int port;

	private Process process;

	private SyslogReceiver(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	public static SyslogReceiver start(Path directory) {
		Assumptions.assumeTrue(Files.isExecutable(RSYSLOGD),
				"rsyslog is not installed here (apt-get install rsyslog; .ci/run installs it)");
		SyslogReceiver receiver = new SyslogReceiver(directory, freePort());
		receiver.launch();
		return receiver;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Return the messages received so far, one per line.
	 * @return the messages
	 */
	public List<String> messages() {
		try {
			Path received = this.directory.resolve("received.log");
			return Files.exists(received) ? Files.readAllLines(received) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stop the daemon, as an outage would.
	 */
	public void stop() {
		ServerProcesses.stop(this.process);
		this.process = null;
	}

	/**
	 * Start the daemon again, on the same port.
	 */
	public void restart() {
		stop();
		launch();
	}

	@Override
	public void close() {
		stop();
	}

	private void launch() {
		try {
			Path work = Files.createDirectories(this.directory.resolve("work"));
			Path config = this.directory.resolve("rsyslog.conf");
			Files.writeString(config, """
					global(workDirectory="%s" maxMessageSize="1m")
					module(load="imtcp")
					template(name="asReceived" type="string" string="%%rawmsg%%\\n")
					ruleset(name="shipped") {
					  action(type="omfile" file="%s" template="asReceived" flushOnTXEnd="on" asyncWriting="off")
					}
					input(type="imtcp" address="127.0.0.1" port="%d" ruleset="shipped")
					""".formatted(work, this.directory.resolve("received.log"), this.port));
			this.process = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", config.toString(), "-i",
					this.directory.resolve("rsyslogd.pid").toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("rsyslogd.log").toFile()))
				.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (!listening()) {
				if (!this.process.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("rsyslogd did not start: "
							+ Files.readString(this.directory.resolve("rsyslogd.log")));
				}
				Thread.sleep(100);
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

	private boolean listening() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
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
