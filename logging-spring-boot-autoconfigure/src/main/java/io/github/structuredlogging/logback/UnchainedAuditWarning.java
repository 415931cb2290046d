package io.github.structuredlogging.logback;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.structuredlogging.api.LogStreams;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Warns, once per logger, that events logged with the audit stream's marker stay in the
 * {@code application} stream: audit records go through the audit trail, which chains them.
 * Decides nothing.
 */
public final class UnchainedAuditWarning extends TurboFilter {

	private static final int MAX_LOGGERS = 1000;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable t) {
		// Markers are looked at only here: this filter is made while SLF4J itself starts.
		if (marker != null && LogStreams.AUDIT.equals(LogStreams.streamOf(List.of(marker)))
				&& this.warned.size() < MAX_LOGGERS
				&& this.warned.add(logger.getName())) {
			LoggerFactory.getLogger(UnchainedAuditWarning.class)
				.warn("Events that {} logs with the audit stream's marker go to the application stream, "
						+ "unchained; record audit events with the AuditLogger bean", logger.getName());
		}
		return FilterReply.NEUTRAL;
	}

}
