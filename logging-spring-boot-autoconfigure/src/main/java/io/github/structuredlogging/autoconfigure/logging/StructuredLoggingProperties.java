package io.github.structuredlogging.autoconfigure.logging;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.logback.ConsoleFormat;
import io.github.structuredlogging.runtime.PipelineSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for structured logging: the JSON events, the console and the
 * stream files. Validates itself, so that a bad value fails start-up naming the property.
 */
@ConfigurationProperties("structured-logging")
public class StructuredLoggingProperties implements Validator {

	private static final Validator VALIDATOR = new StructuredLoggingPropertiesValidator();

	/**
	 * Whether to enable structured logging.
	 */
	private boolean enabled = true;

	/**
	 * Name of the service written with every event. Defaults to 'spring.application.name'.
	 */
	private @Nullable String serviceName;

	/**
	 * Version of the service written with every event. Defaults to the version in
	 * META-INF/build-info.properties.
	 */
	private @Nullable String serviceVersion;

	/**
	 * Deployment environment written with every event. Defaults to the active profiles.
	 */
	private @Nullable String environment;

	/**
	 * ID of this running instance of the service, written with every event. Defaults to
	 * the host name and the process ID.
	 */
	private @Nullable String serviceInstanceId;

	private final Console console = new Console();

	private final Json json = new Json();

	private final File file = new File();

	private final Store store = new Store();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(@Nullable String serviceName) {
		this.serviceName = serviceName;
	}

	public @Nullable String getServiceInstanceId() {
		return this.serviceInstanceId;
	}

	public void setServiceInstanceId(@Nullable String serviceInstanceId) {
		this.serviceInstanceId = serviceInstanceId;
	}

	public @Nullable String getServiceVersion() {
		return this.serviceVersion;
	}

	public void setServiceVersion(@Nullable String serviceVersion) {
		this.serviceVersion = serviceVersion;
	}

	public @Nullable String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(@Nullable String environment) {
		this.environment = environment;
	}

	public Console getConsole() {
		return this.console;
	}

	public Json getJson() {
		return this.json;
	}

	public File getFile() {
		return this.file;
	}

	public Store getStore() {
		return this.store;
	}

	@Override
	public boolean supports(Class<?> type) {
		return VALIDATOR.supports(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		VALIDATOR.validate(target, errors);
	}

	/**
	 * Console output.
	 */
	public static class Console {

		/**
		 * Whether to write events to the console.
		 */
		private boolean enabled = true;

		/**
		 * Format of console output.
		 */
		private ConsoleFormat format = ConsoleFormat.JSON;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public ConsoleFormat getFormat() {
			return this.format;
		}

		public void setFormat(ConsoleFormat format) {
			this.format = format;
		}

	}

	/**
	 * JSON events.
	 */
	public static class Json {

		/**
		 * Field layout of JSON events.
		 */
		private JsonLayout layout = JsonLayout.DEFAULT;

		/**
		 * Longest JSON line written to any output; a longer event has its longest values
		 * cut and is marked with 'event_truncated'.
		 */
		private DataSize maxEventSize = PipelineSettings.DEFAULT_MAX_EVENT_SIZE;

		private final StackTrace stackTrace = new StackTrace();

		public JsonLayout getLayout() {
			return this.layout;
		}

		public void setLayout(JsonLayout layout) {
			this.layout = layout;
		}

		public DataSize getMaxEventSize() {
			return this.maxEventSize;
		}

		public void setMaxEventSize(DataSize maxEventSize) {
			this.maxEventSize = maxEventSize;
		}

		public StackTrace getStackTrace() {
			return this.stackTrace;
		}

	}

	/**
	 * Stack traces of logged exceptions.
	 */
	public static class StackTrace {

		/**
		 * Whether to write the root cause first.
		 */
		private boolean rootCauseFirst = false;

		/**
		 * Maximum number of frames written for each throwable in the chain.
		 */
		private int maxDepthPerThrowable = 64;

		/**
		 * Maximum number of characters of a whole stack trace.
		 */
		private int maxLength = 16384;

		/**
		 * Regular expressions of frames to leave out, such as reflection or proxy frames.
		 */
		private List<String> excludedFrames = new ArrayList<>();

		public boolean isRootCauseFirst() {
			return this.rootCauseFirst;
		}

		public void setRootCauseFirst(boolean rootCauseFirst) {
			this.rootCauseFirst = rootCauseFirst;
		}

		public int getMaxDepthPerThrowable() {
			return this.maxDepthPerThrowable;
		}

		public void setMaxDepthPerThrowable(int maxDepthPerThrowable) {
			this.maxDepthPerThrowable = maxDepthPerThrowable;
		}

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

		public List<String> getExcludedFrames() {
			return this.excludedFrames;
		}

		public void setExcludedFrames(List<String> excludedFrames) {
			this.excludedFrames = excludedFrames;
		}

	}

	/**
	 * Stream files.
	 */
	public static class File {

		/**
		 * Directory of the stream files. When neither this nor 'logging.file.path' is set,
		 * no files are written.
		 */
		private @Nullable String directory;

		private final Async async = new Async();

		private final Stream application = new Stream(DataSize.ofMegabytes(100), 30, DataSize.ofGigabytes(10));

		private final Stream error = new Stream(DataSize.ofMegabytes(50), 90, DataSize.ofGigabytes(5));

		private final Stream performance = new Stream(DataSize.ofMegabytes(200), 30, DataSize.ofGigabytes(10));

		private final Stream audit = new Stream(DataSize.ofMegabytes(50), 365, DataSize.ofBytes(0));

		public @Nullable String getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable String directory) {
			this.directory = directory;
		}

		public Async getAsync() {
			return this.async;
		}

		public Stream getApplication() {
			return this.application;
		}

		public Stream getError() {
			return this.error;
		}

		public Stream getPerformance() {
			return this.performance;
		}

		public Stream getAudit() {
			return this.audit;
		}

	}

	/**
	 * The writer thread behind the JSON console, the stream files and the event store.
	 */
	public static class Async {

		/**
		 * Number of events the writer's queue holds. When it is nearly full, events below
		 * WARN are dropped and counted; WARN and above wait for room.
		 */
		private int queueSize = 8192;

		/**
		 * Maximum time a graceful shutdown waits for queued events to be written.
		 */
		private Duration maxFlushTime = Duration.ofSeconds(10);

		/**
		 * Maximum time a WARN, ERROR or audit event waits for room in a full queue before
		 * it is dropped, counted and reported, so that a stalled writer cannot block the
		 * application for good.
		 */
		private Duration maxWait = Duration.ofSeconds(2);

		public int getQueueSize() {
			return this.queueSize;
		}

		public void setQueueSize(int queueSize) {
			this.queueSize = queueSize;
		}

		public Duration getMaxFlushTime() {
			return this.maxFlushTime;
		}

		public void setMaxFlushTime(Duration maxFlushTime) {
			this.maxFlushTime = maxFlushTime;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * One stream file, with its rotation and retention.
	 */
	public static class Stream {

		/**
		 * Whether to write this stream to its file.
		 */
		private boolean enabled = true;

		/**
		 * Size at which the file is rolled.
		 */
		private DataSize maxFileSize;

		/**
		 * How long rolled files are kept, in days unless a unit is given (at most 2555
		 * days).
		 */
		@DurationUnit(ChronoUnit.DAYS)
		private Duration maxHistory;

		/**
		 * Total size of rolled files kept; the oldest go first. 0 for no cap.
		 */
		private DataSize totalSizeCap;

		/**
		 * Whether to gzip rolled files.
		 */
		private boolean compress = true;

		public Stream() {
			this(DataSize.ofMegabytes(100), 30, DataSize.ofGigabytes(10));
		}

		Stream(DataSize maxFileSize, int maxHistoryDays, DataSize totalSizeCap) {
			this.maxFileSize = maxFileSize;
			this.maxHistory = Duration.ofDays(maxHistoryDays);
			this.totalSizeCap = totalSizeCap;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public DataSize getMaxFileSize() {
			return this.maxFileSize;
		}

		public void setMaxFileSize(DataSize maxFileSize) {
			this.maxFileSize = maxFileSize;
		}

		public Duration getMaxHistory() {
			return this.maxHistory;
		}

		public void setMaxHistory(Duration maxHistory) {
			this.maxHistory = maxHistory;
		}

		public DataSize getTotalSizeCap() {
			return this.totalSizeCap;
		}

		public void setTotalSizeCap(DataSize totalSizeCap) {
			this.totalSizeCap = totalSizeCap;
		}

		public boolean isCompress() {
			return this.compress;
		}

		public void setCompress(boolean compress) {
			this.compress = compress;
		}

	}

	/**
	 * In-memory store of recent events behind the log API.
	 */
	public static class Store {

		/**
		 * Whether to keep recent events and per-minute request aggregates in memory for the
		 * log API and the 'logs' Actuator endpoint.
		 */
		private boolean enabled = true;

		/**
		 * Number of most recent events kept, masked. Each takes about the size of its JSON
		 * line and IDs, rounded up to 256 bytes, plus 60 bytes.
		 */
		private int capacity = 10_000;

		/**
		 * How long per-minute request aggregates are kept: the longest window the
		 * performance report accepts.
		 */
		private Duration aggregateRetention = Duration.ofHours(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

		public Duration getAggregateRetention() {
			return this.aggregateRetention;
		}

		public void setAggregateRetention(Duration aggregateRetention) {
			this.aggregateRetention = aggregateRetention;
		}

	}

}
