package io.github.structuredlogging.http;

import org.jspecify.annotations.Nullable;

/**
 * The JDBC statements a request ran on its own thread: how many, and how long they took.
 */
final class DatabaseActivity {

	private static final ThreadLocal<DatabaseActivity> CURRENT = new ThreadLocal<>();

	private int queryCount;

	private long elapsedNanos;

	private DatabaseActivity() {
	}

	/**
	 * Start counting on the current thread.
	 * @return the activity being counted
	 */
	static DatabaseActivity start() {
		DatabaseActivity activity = new DatabaseActivity();
		CURRENT.set(activity);
		return activity;
	}

	/**
	 * Stop counting on the current thread.
	 */
	static void stop() {
		CURRENT.remove();
	}

	/**
	 * Record statements that ran on the current thread, if it is counting.
	 * @param queries how many statements ran
	 * @param elapsedNanos how long they took
	 */
	static void record(int queries, long elapsedNanos) {
		DatabaseActivity activity = CURRENT.get();
		if (activity != null) {
			activity.queryCount += queries;
			activity.elapsedNanos += elapsedNanos;
		}
	}

	/**
	 * Return the activity counted on the current thread.
	 * @return the activity, or {@code null} when the thread is not counting
	 */
	static @Nullable DatabaseActivity current() {
		return CURRENT.get();
	}

	int queryCount() {
		return this.queryCount;
	}

	double elapsedMillis() {
		return Durations.millis(this.elapsedNanos);
	}

}
