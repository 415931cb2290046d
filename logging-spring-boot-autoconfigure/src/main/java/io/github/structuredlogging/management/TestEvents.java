package io.github.structuredlogging.management;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.audit.AuditLogger;
import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.store.EventStore;
import io.github.structuredlogging.store.StoredEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes one event at each level, and one audit event, under a new correlation ID, and
 * returns them as the pipeline wrote them: a check, end to end, that logging works.
 */
public final class TestEvents {

	/** Name of the logger the test events are written with. */
	public static final String LOGGER_NAME = "io.github.structuredlogging.management.TestEvents";

	/** Type of the audit event written. */
	public static final String AUDIT_EVENT = "LOG_API_TEST";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private static final long WAIT_SECONDS = 5;

	private final EventStore store;

	private final @Nullable AuditLogger audit;

	/**
	 * Create the writer.
	 * @param store the store the written events are read back from
	 * @param audit records the audit test event, {@code null} without an audit trail
	 */
	public TestEvents(EventStore store, @Nullable AuditLogger audit) {
		this.store = store;
		this.audit = audit;
	}

	/**
	 * Write the events and wait until they have been written.
	 * @param principal who asked for them
	 * @return the correlation ID and the events as written
	 */
	public TestEventsReport write(@Nullable String principal) {
		List<String> skipped = new ArrayList<>();
		int expected = 0;
		String id;
		Semaphore stored = new Semaphore(0);
		Runnable unsubscribe = null;
		try (CorrelationId.Scope scope = CorrelationId.openNew()) {
			id = scope.id();
			unsubscribe = this.store.subscribe((event) -> {
				if (id.equals(event.correlationId())) {
					stored.release();
				}
			});
			for (Level level : new Level[] { Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR }) {
				if (logger.isEnabledForLevel(level)) {
					logger.atLevel(level).addKeyValue(LogField.TEST_EVENT.key(), true).log("Log API test event at {}", level);
					expected++;
				}
				else {
					skipped.add(level.name());
				}
			}
			if (this.audit != null) {
				this.audit.event(AUDIT_EVENT).action("write_test_events").principal(principal).success();
				expected++;
			}
		}
		try {
			awaitStored(stored, expected);
		}
		finally {
			unsubscribe.run();
		}
		return new TestEventsReport(id, written(id), skipped);
	}

	// The store is fed by the asynchronous writer, which tells its subscribers of every
	// event: wait for the test events, boundedly.
	private static void awaitStored(Semaphore stored, int expected) {
		try {
			stored.tryAcquire(expected, WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<JsonLine> written(String id) {
		List<StoredEvent> written = find(id);
		List<JsonLine> lines = new ArrayList<>();
		for (int i = written.size() - 1; i >= 0; i--) {
			lines.add(JsonLine.of(written.get(i)));
		}
		return lines;
	}

	private List<StoredEvent> find(String id) {
		return this.store.newestFirst((event) -> id.equals(event.correlationId()), 100);
	}

	/**
	 * What the test wrote.
	 *
	 * @param correlationId the correlation ID all events carry
	 * @param events the events as written, oldest first
	 * @param skippedLevels the levels not written because the logger is not enabled for
	 * them
	 */
	public record TestEventsReport(@JsonProperty("correlation_id") String correlationId, List<JsonLine> events,
			@JsonProperty("skipped_levels") List<String> skippedLevels) {

	}

}
