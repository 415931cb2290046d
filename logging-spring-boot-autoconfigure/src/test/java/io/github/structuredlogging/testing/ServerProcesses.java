package io.github.structuredlogging.testing;

import java.util.concurrent.TimeUnit;

/**
 * Stopping the servers the tests run as processes of their own, as an outage would.
 */
final class ServerProcesses {

	private ServerProcesses() {
	}

	/**
	 * Ask a server to stop, and kill it when it has not after 30 seconds.
	 * @param process the server's process, {@code null} when it is not running
	 */
	static void stop(Process process) {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
