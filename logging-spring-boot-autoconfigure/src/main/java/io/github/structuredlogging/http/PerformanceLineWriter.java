package io.github.structuredlogging.http;

import java.util.List;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes the performance line of a finished request to the {@code performance} stream,
 * at a level that says how it went, and tells the listeners.
 */
public final class PerformanceLineWriter {

	/** Name of the logger that writes performance lines. */
	public static final String LOGGER_NAME = "io.github.structuredlogging.http.RequestPerformance";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private static final Marker PERFORMANCE = LogStreams.marker(LogStreams.PERFORMANCE);

	private final PerformanceTiers tiers;

	private final boolean slowOnly;

	private final List<RequestPerformanceListener> listeners;

	/**
	 * Create a writer.
	 * @param tiers the tier thresholds
	 * @param slowOnly whether to write only slow requests and failures
	 * @param listeners told of every request
	 */
	public PerformanceLineWriter(PerformanceTiers tiers, boolean slowOnly, List<RequestPerformanceListener> listeners) {
		this.tiers = tiers;
		this.slowOnly = slowOnly;
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Write the line of a finished request.
	 * @param exchange the request
	 */
	public void write(RequestExchange exchange) {
		PerformanceTier tier = this.tiers.tierOf(exchange.durationNanos());
		for (RequestPerformanceListener listener : this.listeners) {
			listener.onRequest(exchange, tier);
		}
		boolean failed = exchange.status() >= 500 || exchange.failure() != null;
		if (this.slowOnly && tier.compareTo(PerformanceTier.SLOW) < 0 && !failed) {
			return;
		}
		Level level = level(exchange, tier);
		if (!logger.isEnabledForLevel(level)) {
			return;
		}
		LoggingEventBuilder line = logger.atLevel(level).addMarker(PERFORMANCE);
		line.addKeyValue(LogField.HTTP_METHOD.key(), exchange.method()).addKeyValue(LogField.HTTP_PATH.key(), exchange.path());
		if (exchange.route() != null) {
			line.addKeyValue(LogField.HTTP_ROUTE.key(), exchange.route());
		}
		if (exchange.query() != null) {
			line.addKeyValue(LogField.HTTP_QUERY.key(), exchange.query());
		}
		line.addKeyValue(LogField.HTTP_STATUS.key(), exchange.status())
			.addKeyValue(LogField.DURATION.key(), exchange.durationMillis())
			.addKeyValue(LogField.PERFORMANCE_TIER.key(), tier.value())
			.addKeyValue(LogField.REQUEST_BYTES.key(), exchange.requestBytes())
			.addKeyValue(LogField.RESPONSE_BYTES.key(), exchange.responseBytes())
			.addKeyValue(LogField.CLIENT_IP.key(), exchange.clientIp());
		if (exchange.userAgent() != null) {
			line.addKeyValue(LogField.USER_AGENT.key(), exchange.userAgent());
		}
		if (exchange.userName() != null) {
			line.addKeyValue(LogField.USER_NAME.key(), exchange.userName());
		}
		if (exchange.database() != null) {
			line.addKeyValue(LogField.DB_QUERY_COUNT.key(), exchange.database().queryCount())
				.addKeyValue(LogField.DB_TIME.key(), exchange.database().elapsedMillis());
		}
		if (exchange.memoryUsedMb() != null) {
			line.addKeyValue(LogField.MEMORY_USED.key(), exchange.memoryUsedMb());
		}
		if (exchange.correlationIdRejected()) {
			line.addKeyValue(LogField.CORRELATION_ID_REJECTED.key(), true);
		}
		addBodies(line, exchange.bodies());
		addFailure(line, exchange);
		line.log(message(exchange));
	}

	private static Level level(RequestExchange exchange, PerformanceTier tier) {
		if (exchange.status() >= 500 || exchange.failure() != null && exchange.status() < 400) {
			return Level.ERROR;
		}
		if (exchange.status() >= 400 || tier == PerformanceTier.VERY_SLOW) {
			return Level.WARN;
		}
		return Level.INFO;
	}

	// A server error carries its stack trace, which also gives error_type and
	// error_message; a client error only names the exception.
	private static void addFailure(LoggingEventBuilder line, RequestExchange exchange) {
		Throwable failure = exchange.failure();
		if (failure == null) {
			return;
		}
		if (exchange.status() >= 500 || exchange.status() < 400) {
			line.setCause(failure);
		}
		else {
			line.addKeyValue(LogField.ERROR_TYPE.key(), failure.getClass().getName());
			if (failure.getMessage() != null) {
				line.addKeyValue(LogField.ERROR_MESSAGE.key(), failure.getMessage());
			}
		}
	}

	private static void addBodies(LoggingEventBuilder line, RequestExchange.@Nullable Bodies bodies) {
		if (bodies == null) {
			return;
		}
		if (bodies.request() != null) {
			line.addKeyValue(LogField.HTTP_REQUEST_BODY.key(), bodies.request());
			if (bodies.requestTruncated()) {
				line.addKeyValue(LogField.HTTP_REQUEST_BODY_TRUNCATED.key(), true);
			}
		}
		if (bodies.response() != null) {
			line.addKeyValue(LogField.HTTP_RESPONSE_BODY.key(), bodies.response());
			if (bodies.responseTruncated()) {
				line.addKeyValue(LogField.HTTP_RESPONSE_BODY_TRUNCATED.key(), true);
			}
		}
	}

	private static String message(RequestExchange exchange) {
		return exchange.method() + ' ' + ((exchange.route() != null) ? exchange.route() : exchange.path()) + ' '
				+ exchange.status() + " in " + exchange.durationMillis() + " ms";
	}

}
