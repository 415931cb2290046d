package io.github.structuredlogging.logback;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;

/**
 * A marker sent through the writer's queue behind the events logged before it: once the
 * writer reaches it, everything before it has been written and flushed. Never written
 * itself. At WARN, so that a full queue makes it wait rather than drop it.
 */
final class FlushBarrier extends LoggingEvent {

	private final CountDownLatch passed = new CountDownLatch(1);

	FlushBarrier() {
		setLevel(Level.WARN);
		setLoggerName(FlushBarrier.class.getName());
		setMessage("flush");
		setMDCPropertyMap(Map.of());
	}

	void pass() {
		this.passed.countDown();
	}

	boolean await(Duration timeout) {
		try {
			return this.passed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
