package io.github.structuredlogging.management.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Counts wrong API keys per client address in fixed windows, and holds off an address
 * that reached the limit until its window ends. The counters live in a size-capped cache,
 * so that a flood of distinct addresses cannot exhaust memory.
 */
final class KeyFailures {

	/** Wrong keys from one address that start holding it off. */
	static final int MAX_FAILURES = 10;

	/** The window failures are counted in. */
	static final Duration WINDOW = Duration.ofMinutes(1);

	private static final int MAX_TRACKED = 10_000;

	private final Cache<String, Window> byAddress = Caffeine.newBuilder()
		.maximumSize(MAX_TRACKED)
		.expireAfterWrite(WINDOW)
		.build();

	private final Clock clock;

	KeyFailures(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Return how long the given address must still wait.
	 * @param address the client address
	 * @return the time left, {@code null} when it may try
	 */
	@Nullable Duration retryAfter(String address) {
		Window window = this.byAddress.getIfPresent(address);
		if (window == null || window.failures.get() < MAX_FAILURES) {
			return null;
		}
		Duration left = Duration.between(this.clock.instant(), window.start.plus(WINDOW));
		return left.isNegative() || left.isZero() ? null : left;
	}

	/**
	 * Count a wrong key from the given address.
	 * @param address the client address
	 * @return the failures counted in its window, this one included
	 */
	int failed(String address) {
		return this.byAddress.get(address, (key) -> new Window(this.clock.instant())).failures.incrementAndGet();
	}

	private record Window(Instant start, AtomicInteger failures) {

		Window(Instant start) {
			this(start, new AtomicInteger());
		}

	}

}
