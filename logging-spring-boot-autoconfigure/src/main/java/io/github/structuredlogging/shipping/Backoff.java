package io.github.structuredlogging.shipping;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * How long to wait before sending a failed batch again: doubling from a first wait up to
 * a longest one, each wait shortened by a random part of up to a half (so that many
 * instances coming back together do not retry in step), unless the backend said how long
 * to wait.
 */
final class Backoff {

	private final Duration first;

	private final Duration longest;

	private Duration next;

	Backoff(Duration first, Duration longest) {
		this.first = first;
		this.longest = longest;
		this.next = first;
	}

	/**
	 * Return the wait before the next attempt.
	 * @param retryAfter what the backend asked for, {@code null} when it did not
	 * @return the wait
	 */
	Duration next(@Nullable Duration retryAfter) {
		if (retryAfter != null && !retryAfter.isNegative()) {
			return retryAfter;
		}
		Duration wait = this.next;
		this.next = (wait.compareTo(this.longest.dividedBy(2)) > 0) ? this.longest : wait.multipliedBy(2);
		long millis = wait.toMillis();
		return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 2 + 1));
	}

	void reset() {
		this.next = this.first;
	}

}
