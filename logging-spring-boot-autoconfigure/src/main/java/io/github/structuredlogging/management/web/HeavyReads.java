package io.github.structuredlogging.management.web;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many reads of the log API that scan the audit files or the whole store run
 * at once: a few callers repeating them must not take every core of the service.
 */
public final class HeavyReads {

	private final Semaphore permits;

	/**
	 * Create a bound.
	 * @param concurrency how many heavy reads may run at once
	 */
	public HeavyReads(int concurrency) {
		this.permits = new Semaphore(concurrency);
	}

	/**
	 * Run a heavy read, or refuse it at once when the bound is reached.
	 * @param <T> the result type
	 * @param read the read
	 * @return its result
	 * @throws TooManyHeavyReadsException when as many heavy reads are running already
	 */
	public <T> T run(Supplier<T> read) {
		if (!this.permits.tryAcquire()) {
			throw new TooManyHeavyReadsException();
		}
		try {
			return read.get();
		}
		finally {
			this.permits.release();
		}
	}

	/**
	 * Thrown when a heavy read is refused; answered with 429.
	 */
	public static final class TooManyHeavyReadsException extends RuntimeException {

		TooManyHeavyReadsException() {
			super("As many reads of the audit files or of the whole store as allowed are running; retry in a moment");
		}

	}

}
