package io.github.structuredlogging.logback;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.api.LogStreams;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per logger, that events logged with the audit stream's marker stay in the
 * {@code application} stream: audit records go through the audit trail, which chains them.
 * The warning is logged from another thread, since an appender cannot log into itself.
 */
final class UnchainedAuditWarning {

	private static final int MAX_LOGGERS = 1000;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	void check(ILoggingEvent event) {
		if (event.getMarkerList() == null || event instanceof AuditStreamEvent
				|| !LogStreams.AUDIT.equals(LogStreams.streamOf(event.getMarkerList()))) {
			return;
		}
		String logger = event.getLoggerName();
		if (this.warned.size() < MAX_LOGGERS && this.warned.add(logger)) {
			ForkJoinPool.commonPool()
				.execute(() -> LoggerFactory.getLogger(UnchainedAuditWarning.class)
					.warn("Events that {} logs with the audit stream's marker go to the application stream, "
							+ "unchained; record audit events with the AuditLogger bean", logger));
		}
	}

}
