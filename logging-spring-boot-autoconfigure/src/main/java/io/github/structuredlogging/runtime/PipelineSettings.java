package io.github.structuredlogging.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.logback.ConsoleFormat;
import io.github.structuredlogging.logback.RetentionHold;
import io.github.structuredlogging.logback.StreamFile;
import io.github.structuredlogging.masking.MaskingEngine;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Everything the logback pipeline needs to know to attach its appenders.
 *
 * @param consoleEnabled whether events are written to the console
 * @param consoleFormat how events are written to the console
 * @param layout the JSON layout
 * @param service the service identity written with every event
 * @param stackTrace how stack traces are written
 * @param directory the directory of the stream files, {@code null} for no files
 * @param streams the stream files to write
 * @param queueSize the capacity of the asynchronous file queue
 * @param maxFlushTime how long a shutdown waits for queued events to be written
 * @param maxWait how long a WARN, ERROR or audit event waits for room in a full queue
 * @param masker masks every output, {@code null} for no masking
 * @param storeCapacity how many recent events the in-memory store keeps, {@code 0} for no
 * store
 * @param maxEventBytes the longest JSON line written; longer events have their longest
 * values cut
 * @param applicationReaders what reads {@code application.json} back (the shippers), whose
 * unread rolled files retention keeps; {@code null} for nothing
 */
public record PipelineSettings(boolean consoleEnabled, ConsoleFormat consoleFormat, JsonLayout layout,
		ServiceIdentity service, StackTraceOptions stackTrace, @Nullable Path directory, List<StreamFile> streams,
		int queueSize, Duration maxFlushTime, Duration maxWait, @Nullable MaskingEngine masker,
		int storeCapacity, int maxEventBytes, RetentionHold.@Nullable Readers applicationReaders) {

	/** The longest JSON line written unless configured otherwise. */
	public static final DataSize DEFAULT_MAX_EVENT_SIZE = DataSize.ofMegabytes(1);

	public PipelineSettings {
		Objects.requireNonNull(consoleFormat, "'consoleFormat' must not be null");
		Objects.requireNonNull(layout, "'layout' must not be null");
		Objects.requireNonNull(service, "'service' must not be null");
		Objects.requireNonNull(stackTrace, "'stackTrace' must not be null");
		Objects.requireNonNull(maxFlushTime, "'maxFlushTime' must not be null");
		Objects.requireNonNull(maxWait, "'maxWait' must not be null");
		streams = List.copyOf(streams);
	}

	/**
	 * Return the directory files are written to, {@code null} when none are.
	 * @return the directory
	 */
	public @Nullable Path filesDirectory() {
		return writesFiles() ? this.directory : null;
	}

	/**
	 * Return whether any stream is written to a file.
	 * @return {@code true} when files are written
	 */
	public boolean writesFiles() {
		return this.directory != null && !this.streams.isEmpty();
	}

}
