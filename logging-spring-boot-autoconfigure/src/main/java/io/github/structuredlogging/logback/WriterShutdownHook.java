package io.github.structuredlogging.logback;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes out what the running writers still hold when the JVM exits. Spring Boot stops
 * logging from a shutdown hook of its own, but not when start-up fails before logging is
 * initialized, and the failure report is logged after that: without this hook a daemon
 * writer thread could take the report down with it.
 */
final class WriterShutdownHook {

	private static final Set<StructuredAsyncAppender> running = ConcurrentHashMap.newKeySet();

	private static volatile boolean installed;

	private WriterShutdownHook() {
	}

	static void register(StructuredAsyncAppender writer) {
		install();
		running.add(writer);
	}

	static void unregister(StructuredAsyncAppender writer) {
		running.remove(writer);
	}

	private static synchronized void install() {
		if (installed) {
			return;
		}
		try {
			Runtime.getRuntime().addShutdownHook(new Thread(WriterShutdownHook::flushAll, "structured-logging-flush"));
			installed = true;
		}
		catch (IllegalStateException ex) {
			// Already shutting down: nothing to install.
		}
	}

	private static void flushAll() {
		for (StructuredAsyncAppender writer : running) {
			writer.awaitWritten(writer.maxFlushTime());
		}
	}

}
