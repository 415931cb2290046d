package io.github.structuredlogging.logback;

import java.time.Duration;
import java.util.Objects;

import org.springframework.util.unit.DataSize;

/**
 * Where and how long one stream is kept on disk.
 *
 * @param stream the stream name, also the file's base name
 * @param maxFileSize the size at which the file is rolled
 * @param maxHistoryDays how many days of rolled files are kept
 * @param totalSizeCap the total size of rolled files kept, zero for no cap
 * @param compress whether rolled files are gzipped
 * @param fsync when the file is forced to disk
 * @param fsyncInterval the interval of {@link FsyncPolicy#INTERVAL}
 */
public record StreamFile(String stream, DataSize maxFileSize, int maxHistoryDays, DataSize totalSizeCap,
		boolean compress, FsyncPolicy fsync, Duration fsyncInterval) {

	public StreamFile {
		Objects.requireNonNull(stream, "'stream' must not be null");
		Objects.requireNonNull(maxFileSize, "'maxFileSize' must not be null");
		Objects.requireNonNull(totalSizeCap, "'totalSizeCap' must not be null");
		Objects.requireNonNull(fsync, "'fsync' must not be null");
		Objects.requireNonNull(fsyncInterval, "'fsyncInterval' must not be null");
	}

	/**
	 * Create a stream file that is left to the operating system to write to disk.
	 * @param stream the stream name
	 * @param maxFileSize the size at which the file is rolled
	 * @param maxHistoryDays how many days of rolled files are kept
	 * @param totalSizeCap the total size of rolled files kept, zero for no cap
	 * @param compress whether rolled files are gzipped
	 */
	public StreamFile(String stream, DataSize maxFileSize, int maxHistoryDays, DataSize totalSizeCap,
			boolean compress) {
		this(stream, maxFileSize, maxHistoryDays, totalSizeCap, compress, FsyncPolicy.NONE, Duration.ZERO);
	}

	/**
	 * Return the name of the active file.
	 * @return the file name
	 */
	public String fileName() {
		return this.stream + ".json";
	}

	/**
	 * Return the logback pattern of rolled files' names.
	 * @return the pattern
	 */
	public String rolledFileNamePattern() {
		return this.stream + ".%d{yyyy-MM-dd}.%i.json" + (this.compress ? ".gz" : "");
	}

}
