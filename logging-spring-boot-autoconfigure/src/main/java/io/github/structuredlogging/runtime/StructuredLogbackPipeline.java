package io.github.structuredlogging.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.util.FileSize;
import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.json.EventTruncation;
import io.github.structuredlogging.json.StructuredJsonEncoders;
import io.github.structuredlogging.logback.BatchedConsoleOutput;
import io.github.structuredlogging.logback.BatchedFileOutput;
import io.github.structuredlogging.logback.ConsoleFormat;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.logback.EncodeOnceEncoder;
import io.github.structuredlogging.logback.FanOutAppender;
import io.github.structuredlogging.logback.FsyncPolicy;
import io.github.structuredlogging.logback.HoldingRollingPolicy;
import io.github.structuredlogging.logback.LogStreamFilter;
import io.github.structuredlogging.logback.RetentionHold;
import io.github.structuredlogging.logback.StreamFile;
import io.github.structuredlogging.logback.StructuredAsyncAppender;
import io.github.structuredlogging.logback.SyncingFileAppender;
import io.github.structuredlogging.logback.TextEncoders;
import io.github.structuredlogging.store.EventStore;
import io.github.structuredlogging.store.EventStoreAppender;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.jspecify.annotations.Nullable;

/**
 * Attaches the structured console and stream-file appenders to the root logger of a
 * logback context.
 */
public final class StructuredLogbackPipeline {

	/** Name of the console appender. */
	public static final String CONSOLE_APPENDER = "STRUCTURED_CONSOLE";

	/**
	 * Name of the asynchronous appender whose thread writes the JSON console, the stream
	 * files and the event store.
	 */
	public static final String WRITER_APPENDER = "STRUCTURED_WRITER";

	/** Suffix of the name of the appender that hands the writer's events to every output. */
	static final String FAN_OUT_SUFFIX = "_FANOUT";

	/** Name of the appender that feeds the in-memory event store. */
	public static final String STORE_APPENDER = "STRUCTURED_STORE";

	/** Prefix of the names of the stream-file appenders. */
	public static final String FILE_APPENDER_PREFIX = "STRUCTURED_FILE_";

	private final LoggerContext context;

	private final PipelineSettings settings;

	private final @Nullable RetentionHold applicationHold;

	/**
	 * Create a pipeline for the given context.
	 * @param context the logback context
	 * @param settings the settings
	 */
	public StructuredLogbackPipeline(LoggerContext context, PipelineSettings settings) {
		this.context = context;
		this.settings = settings;
		this.applicationHold = applicationHold(settings);
	}

	private static @Nullable RetentionHold applicationHold(PipelineSettings settings) {
		RetentionHold.Readers readers = settings.applicationReaders();
		return (readers != null) ? new RetentionHold(LogStreams.APPLICATION, readers) : null;
	}

	/**
	 * Attach the appenders to the root logger.
	 * @param consoleThreshold the lowest level written to the console, {@code null} for all
	 * @return the runtime that owns what was attached
	 */
	public StructuredLoggingRuntime attach(@Nullable String consoleThreshold) {
		List<String> problems = new ArrayList<>();
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		// The JSON console is written by the writer thread, with the files and the store,
		// from the same encoding; the text console, for local development, stays on the
		// logging thread.
		boolean textConsole = this.settings.consoleEnabled() && this.settings.consoleFormat() == ConsoleFormat.TEXT;
		boolean jsonConsole = this.settings.consoleEnabled() && !textConsole;
		if (textConsole) {
			root.addAppender(textConsoleAppender(consoleThreshold));
		}
		Path directory = this.settings.filesDirectory();
		if (directory != null) {
			String problem = prepare(directory);
			if (problem != null) {
				problems.add(problem);
				directory = null;
			}
		}
		EventStore store = (this.settings.storeCapacity() > 0) ? new EventStore(this.settings.storeCapacity())
				: null;
		DroppedEvents droppedEvents = new DroppedEvents();
		StructuredAsyncAppender writer = null;
		EncodeOnceEncoder encoder = null;
		if (jsonConsole || directory != null || store != null) {
			int maxEventBytes = this.settings.maxEventBytes();
			encoder = new EncodeOnceEncoder(jsonEncoder(), maxEventBytes,
					(line) -> EventTruncation.fit(line, maxEventBytes), droppedEvents);
			encoder.setContext(this.context);
			encoder.start();
			writer = writer(encoder, jsonConsole, consoleThreshold, directory, store, droppedEvents);
			root.addAppender(writer);
		}
		return new StructuredLoggingRuntime(this.context, this.settings, store, droppedEvents, writer, encoder,
				(directory != null) ? this.applicationHold : null, problems);
	}

	/**
	 * Create and start a JSON encoder in the configured layout.
	 * @return the started encoder
	 */
	public LoggingEventCompositeJsonEncoder jsonEncoder() {
		LoggingEventCompositeJsonEncoder encoder = StructuredJsonEncoders.create(this.settings.layout(),
				this.settings.service(), this.settings.stackTrace(), this.settings.masker());
		encoder.setContext(this.context);
		encoder.start();
		return encoder;
	}

	private ConsoleAppender<ILoggingEvent> textConsoleAppender(@Nullable String threshold) {
		ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
		configureConsole(appender, TextEncoders.create(this.context, this.settings.masker()), threshold);
		return appender;
	}

	// Written out by the fan-out whenever the writer has caught up: one write per batch.
	private OutputStreamAppender<ILoggingEvent> jsonConsoleAppender(BatchedConsoleOutput output,
			Encoder<ILoggingEvent> encoder, @Nullable String threshold) {
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setImmediateFlush(false);
		appender.setOutputStream(output);
		configureConsole(appender, encoder, threshold);
		return appender;
	}

	private void configureConsole(OutputStreamAppender<ILoggingEvent> appender, Encoder<ILoggingEvent> encoder,
			@Nullable String threshold) {
		appender.setContext(this.context);
		appender.setName(CONSOLE_APPENDER);
		appender.setEncoder(encoder);
		if (threshold != null && !threshold.isBlank()) {
			appender.addFilter(thresholdFilter(threshold));
		}
		appender.start();
	}

	private @Nullable String prepare(Path directory) {
		try {
			Files.createDirectories(directory);
			if (Files.isDirectory(directory) && Files.isWritable(directory)) {
				return null;
			}
		}
		catch (IOException | SecurityException ex) {
			// Reported below: logging goes on without files.
		}
		return "Log directory '" + directory.toAbsolutePath()
				+ "' (structured-logging.file.directory) is not writable; logging to the console only";
	}

	// The console, the stream files and the store share one writer thread and one
	// encoding per event.
	private StructuredAsyncAppender writer(EncodeOnceEncoder encoder, boolean console,
			@Nullable String consoleThreshold, @Nullable Path directory, @Nullable EventStore store,
			DroppedEvents droppedEvents) {
		StructuredAsyncAppender async = new StructuredAsyncAppender(droppedEvents,
				this.settings.queueSize(), this.settings.maxFlushTime(), this.settings.maxWait());
		async.setContext(this.context);
		async.setName(WRITER_APPENDER);
		// An asynchronous appender takes a single appender: the fan-out holds the rest.
		FanOutAppender fanOut = new FanOutAppender(async);
		fanOut.setContext(this.context);
		fanOut.setName(WRITER_APPENDER + FAN_OUT_SUFFIX);
		if (console) {
			BatchedConsoleOutput output = new BatchedConsoleOutput();
			fanOut.addAppender(jsonConsoleAppender(output, encoder, consoleThreshold));
			fanOut.flushWhenCaughtUp(output);
		}
		if (directory != null) {
			for (StreamFile stream : this.settings.streams()) {
				RollingFileAppender<ILoggingEvent> file = fileAppender(directory, stream, encoder);
				if (!file.isImmediateFlush()) {
					fanOut.flushWhenCaughtUp(new BatchedFileOutput(file));
				}
				fanOut.addAppender(file);
			}
		}
		if (store != null) {
			EventStoreAppender storeAppender = new EventStoreAppender(store, encoder);
			storeAppender.setContext(this.context);
			storeAppender.setName(STORE_APPENDER);
			storeAppender.start();
			fanOut.addAppender(storeAppender);
		}
		fanOut.start();
		async.addAppender(fanOut);
		async.start();
		return async;
	}

	private RollingFileAppender<ILoggingEvent> fileAppender(Path directory, StreamFile stream,
			Encoder<ILoggingEvent> encoder) {
		// The audit file tells the audit trail when it rolls, for the chain's anchors.
		RollingFileAppender<ILoggingEvent> appender = (stream.fsync() != FsyncPolicy.NONE
				|| LogStreams.AUDIT.equals(stream.stream()))
						? new SyncingFileAppender<>(stream.fsync(), stream.fsyncInterval()) : new RollingFileAppender<>();
		appender.setContext(this.context);
		appender.setName(FILE_APPENDER_PREFIX + stream.stream().toUpperCase(Locale.ROOT));
		// Written once per batch like the console; a file that is synced to disk (the
		// audit file, an fsync policy) writes every event as it comes.
		appender.setImmediateFlush(appender instanceof SyncingFileAppender);
		appender.setFile(path(directory.resolve(stream.fileName())));
		appender.setEncoder(encoder);
		Filter<ILoggingEvent> filter = streamFilter(stream.stream());
		if (filter != null) {
			appender.addFilter(filter);
		}
		HoldingRollingPolicy<ILoggingEvent> policy = new HoldingRollingPolicy<>();
		policy.setContext(this.context);
		policy.setParent(appender);
		policy.setFileNamePattern(path(directory.resolve(stream.rolledFileNamePattern())));
		policy.setMaxFileSize(new FileSize(stream.maxFileSize().toBytes()));
		policy.setMaxHistory(stream.maxHistoryDays());
		policy.setTotalSizeCap(new FileSize(stream.totalSizeCap().toBytes()));
		policy.setCleanHistoryOnStart(true);
		if (LogStreams.APPLICATION.equals(stream.stream())) {
			// The shippers read application.json back: retention waits for them.
			policy.setHold(this.applicationHold);
		}
		appender.setRollingPolicy(policy);
		policy.start();
		appender.start();
		return appender;
	}

	private @Nullable Filter<ILoggingEvent> streamFilter(String stream) {
		return switch (stream) {
			case LogStreams.APPLICATION -> null;
			case LogStreams.ERROR -> thresholdFilter(Level.WARN.toString());
			default -> {
				LogStreamFilter filter = new LogStreamFilter(stream);
				filter.start();
				yield filter;
			}
		};
	}

	private ThresholdFilter thresholdFilter(String level) {
		ThresholdFilter filter = new ThresholdFilter();
		filter.setContext(this.context);
		filter.setLevel(level);
		filter.start();
		return filter;
	}

	// logback reads backslashes in file name patterns as escapes.
	private static String path(Path path) {
		return path.toAbsolutePath().toString().replace('\\', '/');
	}

}
