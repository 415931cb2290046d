package io.github.structuredlogging.logback;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the events handed to the writer thread and the events it has written, so that
 * the writer knows when it has caught up: its queue may be empty while it still holds a
 * drained batch, so the queue alone cannot tell.
 */
final class Backlog {

	private final AtomicLong added = new AtomicLong();

	// Written by the writer thread alone; an ordered store is enough for others to read it.
	private final AtomicLong written = new AtomicLong();

	/** Record an event queued for the writer. Called by logging threads. */
	void added() {
		this.added.incrementAndGet();
	}

	/** Record an event the writer has handled. Called by the writer thread only. */
	void written() {
		this.written.lazySet(this.written.get() + 1);
	}

	/**
	 * Whether every event queued so far has been handled. Called by the writer thread only.
	 * @return whether the writer has caught up
	 */
	boolean caughtUp() {
		return this.written.get() >= this.added.get();
	}

	/**
	 * Return how many queued events the writer has not handled yet, counting those it has
	 * taken from the queue but not written.
	 * @return the number of events
	 */
	long pending() {
		return Math.max(0, this.added.get() - this.written.get());
	}

}
