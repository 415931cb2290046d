package io.github.structuredlogging.management;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.json.ErrorFingerprint;
import io.github.structuredlogging.json.LogField;
import io.github.structuredlogging.store.EventStore;
import io.github.structuredlogging.store.StoredEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ERROR and WARN events with an exception of a window, grouped by fingerprint: the
 * exception's type, the first frame of the application's own code, and the exception's
 * message with its variable parts (numbers, IDs, quoted values) taken out. Read from the
 * event store. A request counts once in a group however many of its lines carry the
 * exception (the application's own line, the performance line); the servlet container's
 * line about an exception that ended a request is left out, since it is logged outside
 * the request and the performance line has it with the request's correlation ID.
 */
public final class ErrorGroups {

	/** The parameters {@code /errors} takes. */
	public static final Set<String> PARAMETERS = Set.of("window", "limit");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** The number of equal parts of the window a group's trend counts in. */
	public static final int TREND_BUCKETS = 12;

	/** The most correlation IDs a group lists. */
	public static final int SAMPLES = 5;

	/** The streams whose events are grouped. */
	public static final List<String> STREAMS = List.of(LogStreams.APPLICATION, LogStreams.PERFORMANCE);

	/**
	 * The loggers left out: the container's line about an exception the performance line
	 * of its request already has.
	 */
	public static final String CONTAINER_LOGGERS = "org.apache.catalina.";

	private final EventStore store;

	private final Clock clock;

	/**
	 * Create the grouping over a store.
	 * @param store the event store
	 * @param clock the clock windows end at
	 */
	public ErrorGroups(EventStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Read the window errors are grouped over.
	 * @param parameters {@code window}: default an hour, at most a day
	 * @return the window
	 */
	public static Duration window(Parameters parameters) {
		return parameters.duration("window", Duration.ofHours(1), Duration.ofDays(1));
	}

	/**
	 * Read how many groups to return.
	 * @param parameters {@code limit}: default 20, from 1 to 200
	 * @return the number
	 */
	public static int limit(Parameters parameters) {
		return parameters.integer("limit", 20, 1, 200);
	}

	/**
	 * Group the errors of a window.
	 * @param window how far back to look
	 * @param limit the most groups to return, the largest first
	 * @return the groups
	 */
	public Report group(Duration window, int limit) {
		Instant now = this.clock.instant();
		long since = now.minus(window).toEpochMilli();
		long bucket = Math.max(1, window.toMillis() / TREND_BUCKETS);
		Map<String, Builder> groups = new LinkedHashMap<>();
		List<StoredEvent> events = this.store.newestFirst((event) -> event.timestamp() >= since
				&& event.level().isGreaterOrEqual(Level.WARN) && STREAMS.contains(event.stream())
				&& !event.logger().startsWith(CONTAINER_LOGGERS), this.store.capacity());
		for (StoredEvent event : events) {
			JsonNode line = parse(event);
			String type = text(LogField.ERROR_TYPE.in(line));
			if (type == null) {
				continue;
			}
			String errorMessage = text(LogField.ERROR_MESSAGE.in(line));
			String message = (errorMessage != null) ? errorMessage : text(LogField.MESSAGE.in(line));
			// Written with the event; worked out again for a line written without it. The
			// template and frame are read once per group, from its newest event.
			String written = text(LogField.ERROR_FINGERPRINT.in(line));
			String fingerprint = (written != null) ? written
					: ErrorFingerprint.of(type, frame(line), String.valueOf(message));
			Builder group = groups.computeIfAbsent(fingerprint, (key) -> new Builder(key, type,
					ErrorFingerprint.template(String.valueOf(message)), frame(line)));
			int slot = (int) Math.min(TREND_BUCKETS - 1, Math.max(0, (event.timestamp() - since) / bucket));
			group.add(event, slot, message);
		}
		List<Group> sorted = groups.values().stream().map(Builder::build)
			.sorted(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::lastSeen,
					Comparator.reverseOrder()))
			.limit(limit)
			.toList();
		return new Report(window.toString(), groups.size(), sorted);
	}

	private static String frame(JsonNode line) {
		return ErrorFingerprint.applicationFrame(text(LogField.STACK_TRACE.in(line)));
	}

	private static JsonNode parse(StoredEvent event) {
		try {
			return MAPPER.readTree(event.json());
		}
		catch (JacksonException ex) {
			return MAPPER.createObjectNode();
		}
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	/**
	 * The groups of a window.
	 *
	 * @param window the window, ISO-8601
	 * @param total how many groups there are in all
	 * @param groups the largest groups
	 */
	public record Report(String window, int total, List<Group> groups) {

	}

	/**
	 * One group of errors.
	 *
	 * @param fingerprint the group's ID
	 * @param errorType the exception's type
	 * @param template the exception's message without its variable parts
	 * @param frame the first frame of the application's own code
	 * @param level the highest level
	 * @param count how many events
	 * @param firstSeen the oldest event's time
	 * @param lastSeen the newest event's time
	 * @param lastMessage the newest event's exception message
	 * @param trend the count in each twelfth of the window, oldest first
	 * @param correlationIds a few of its requests, newest first
	 */
	public record Group(String fingerprint, @JsonProperty("error_type") String errorType, String template,
			String frame, String level, long count, @JsonProperty("first_seen") Instant firstSeen,
			@JsonProperty("last_seen") Instant lastSeen, @JsonProperty("last_message") @Nullable String lastMessage,
			List<Long> trend, @JsonProperty("correlation_ids") List<String> correlationIds) {

	}

	private static final class Builder {

		private final String fingerprint;

		private final String type;

		private final String template;

		private final String frame;

		private final long[] trend = new long[TREND_BUCKETS];

		private final Set<String> correlationIds = new LinkedHashSet<>();

		private final Set<String> requests = new HashSet<>();

		private Level level = Level.WARN;

		private long count;

		private long first = Long.MAX_VALUE;

		private long last;

		private @Nullable String lastMessage;

		Builder(String fingerprint, String type, String template, String frame) {
			this.fingerprint = fingerprint;
			this.type = type;
			this.template = template;
			this.frame = frame;
		}

		// Events come newest first.
		void add(StoredEvent event, int slot, @Nullable String message) {
			if (event.correlationId() != null && !this.requests.add(event.correlationId())) {
				return;
			}
			if (this.count == 0) {
				this.lastMessage = message;
			}
			this.count++;
			this.trend[slot]++;
			this.first = Math.min(this.first, event.timestamp());
			this.last = Math.max(this.last, event.timestamp());
			if (event.level().isGreaterOrEqual(this.level)) {
				this.level = event.level();
			}
			if (event.correlationId() != null && this.correlationIds.size() < SAMPLES) {
				this.correlationIds.add(event.correlationId());
			}
		}

		Group build() {
			List<Long> trend = new ArrayList<>();
			for (long bucket : this.trend) {
				trend.add(bucket);
			}
			return new Group(this.fingerprint, this.type, this.template, this.frame, this.level.toString(), this.count,
					Instant.ofEpochMilli(this.first), Instant.ofEpochMilli(this.last), this.lastMessage, trend,
					List.copyOf(this.correlationIds));
		}

	}

}
