package io.github.structuredlogging.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.logback.EncodeOnceEncoder;
import io.github.structuredlogging.logback.EncodedLinesAppender;
import io.github.structuredlogging.logback.FanOutAppender;
import io.github.structuredlogging.logback.RetentionHold;
import io.github.structuredlogging.logback.StructuredAsyncAppender;
import io.github.structuredlogging.logback.SyncingFileAppender;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.store.EventStore;
import org.jspecify.annotations.Nullable;

/**
 * The live parts of the structured logging pipeline: the settings it was built with, the
 * masking engine every output shares, the event store and the counter of dropped events.
 * Created once when logging is configured, before any bean exists, and handed to the
 * application context as a single bean; everything later takes what it needs from here.
 */
public final class StructuredLoggingRuntime {

	/** Name of the bean the runtime is registered as. */
	public static final String BEAN_NAME = "structuredLoggingRuntime";

	private final LoggerContext context;

	private final PipelineSettings settings;

	private final @Nullable MaskingEngine masker;

	private final @Nullable EventStore store;

	private final DroppedEvents droppedEvents;

	private final @Nullable StructuredAsyncAppender writer;

	private final @Nullable EncodeOnceEncoder encoder;

	private final @Nullable RetentionHold applicationHold;

	private final List<String> problems;

	StructuredLoggingRuntime(LoggerContext context, PipelineSettings settings, @Nullable EventStore store,
			DroppedEvents droppedEvents, @Nullable StructuredAsyncAppender writer, @Nullable EncodeOnceEncoder encoder,
			@Nullable RetentionHold applicationHold, List<String> problems) {
		this.context = Objects.requireNonNull(context, "'context' must not be null");
		this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
		this.masker = settings.masker();
		this.store = store;
		this.droppedEvents = Objects.requireNonNull(droppedEvents, "'droppedEvents' must not be null");
		this.writer = writer;
		this.encoder = encoder;
		this.applicationHold = applicationHold;
		this.problems = List.copyOf(problems);
	}

	/**
	 * Wait until every event logged before this call has been written to the console,
	 * the files and the store by the writer thread.
	 * @param timeout how long to wait at most
	 * @return whether everything was written in time
	 */
	public boolean flush(Duration timeout) {
		return (this.writer == null) || this.writer.awaitWritten(timeout);
	}

	/**
	 * Return the logback context the pipeline is attached to; its status manager holds
	 * the appenders' errors.
	 * @return the logback context
	 */
	public LoggerContext context() {
		return this.context;
	}

	/**
	 * Return the settings the pipeline was built with.
	 * @return the settings
	 */
	public PipelineSettings settings() {
		return this.settings;
	}

	/**
	 * Return the masking engine every output uses.
	 * @return the engine, {@code null} when masking is off
	 */
	public @Nullable MaskingEngine masker() {
		return this.masker;
	}

	/**
	 * Return the in-memory store of recent events.
	 * @return the store, {@code null} when it is off
	 */
	public @Nullable EventStore store() {
		return this.store;
	}

	/**
	 * Return the counter of events dropped because the asynchronous queue was full.
	 * @return the counter
	 */
	public DroppedEvents droppedEvents() {
		return this.droppedEvents;
	}

	/**
	 * Return what the retention of {@code application.json}'s rolled files keeps for the
	 * shippers that read it back.
	 * @return the hold, {@code null} when no files are written
	 */
	public @Nullable RetentionHold applicationHold() {
		return this.applicationHold;
	}

	/**
	 * Return the directory the stream files are written to.
	 * @return the directory, {@code null} when no files are written or it is not writable
	 */
	public @Nullable Path filesDirectory() {
		return this.settings.filesDirectory();
	}

	/**
	 * Return the directory the given stream is written to.
	 * @param stream the stream, such as {@code audit}
	 * @return the directory, {@code null} when the stream is not written to a file
	 */
	public @Nullable Path directoryOf(String stream) {
		Path directory = filesDirectory();
		boolean written = this.settings.streams().stream().anyMatch((file) -> file.stream().equals(stream));
		return written ? directory : null;
	}

	/**
	 * Add an output to the writer thread: from now on, it is given every event as the
	 * JSON line the files get (encoded and masked once, without its line feed).
	 * @param name the output's name
	 * @param lines takes each line on the writer thread: it must return at once
	 * @return whether the pipeline has a writer to add it to
	 */
	public boolean addOutput(String name, Consumer<byte[]> lines) {
		if (this.encoder == null || this.writer == null || !(this.writer.getAppender(
				StructuredLogbackPipeline.WRITER_APPENDER + StructuredLogbackPipeline.FAN_OUT_SUFFIX) instanceof FanOutAppender fanOut)) {
			return false;
		}
		EncodedLinesAppender output = new EncodedLinesAppender(this.encoder, lines);
		output.setContext(this.context);
		output.setName(name);
		output.start();
		fanOut.addAppender(output);
		return true;
	}

	/**
	 * Tell the given listener whenever the given stream's file is rolled.
	 * @param stream the stream, such as {@code audit}
	 * @param listener runs on the writer thread with the file locked: it must return at once
	 * @return whether the stream is written to a file that tells
	 */
	public boolean onRollover(String stream, Runnable listener) {
		if (this.writer == null || !(this.writer.getAppender(StructuredLogbackPipeline.WRITER_APPENDER
				+ StructuredLogbackPipeline.FAN_OUT_SUFFIX) instanceof FanOutAppender fanOut)) {
			return false;
		}
		if (fanOut.getAppender(StructuredLogbackPipeline.FILE_APPENDER_PREFIX
				+ stream.toUpperCase(Locale.ROOT)) instanceof SyncingFileAppender<?> file) {
			file.onRollover(listener);
			return true;
		}
		return false;
	}

	/**
	 * Return the problems met while the pipeline was attached, such as an unwritable
	 * directory, as messages to log once logging works.
	 * @return the problems
	 */
	public List<String> problems() {
		return this.problems;
	}

}
