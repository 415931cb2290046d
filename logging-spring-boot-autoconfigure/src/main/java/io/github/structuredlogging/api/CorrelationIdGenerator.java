package io.github.structuredlogging.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates correlation IDs for requests and tasks that arrive without one. Define a bean of
 * this type to replace the default random UUIDs.
 */
@FunctionalInterface
public interface CorrelationIdGenerator {

	/**
	 * Return a new correlation ID: at most 128 characters of {@code [A-Za-z0-9._:-]}.
	 * @return the new ID
	 */
	String generate();

	/**
	 * Return the default generator: random version-4 UUIDs. A correlation ID must be
	 * unique, not secret, so the bits come from {@link ThreadLocalRandom}, which takes no
	 * lock, rather than from the shared {@code SecureRandom} of {@link UUID#randomUUID()},
	 * on which request threads queue under load.
	 * @return the generator
	 */
	static CorrelationIdGenerator randomUuids() {
		return () -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			long high = (random.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L;
			long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
			return new UUID(high, low).toString();
		};
	}

}
