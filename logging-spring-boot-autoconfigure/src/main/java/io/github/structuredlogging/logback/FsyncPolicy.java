package io.github.structuredlogging.logback;

/**
 * When a stream file is forced to disk, trading speed for crash safety.
 */
public enum FsyncPolicy {

	/** Leave it to the operating system: fastest, loses the last seconds on a crash. */
	NONE,

	/** Force written data to disk at most once per interval. */
	INTERVAL,

	/** Force each event to disk before the next is written: slowest, loses nothing written. */
	EVERY_EVENT

}
