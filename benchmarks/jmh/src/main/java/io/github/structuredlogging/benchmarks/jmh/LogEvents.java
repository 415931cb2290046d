package io.github.structuredlogging.benchmarks.jmh;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;

/**
 * Realistic events: a typical message with two MDC entries and one key-value, some of
 * them carrying a secret.
 */
final class LogEvents {

	private static final String[] SECRETS = { "paid with 4111 1111 1111 1111", "password=hunter2",
			"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
			"key sk-1234567890abcdefghijklmnop", "mail john.doe@example.com" };

	private LogEvents() {
	}

	// The MDC the application writes to with org.slf4j.MDC.
	static LoggerContext context() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(MDC.getMDCAdapter());
		return context;
	}

	/**
	 * Return events, one in {@code secretEvery} carrying a secret (0 for none).
	 */
	static ILoggingEvent[] events(LoggerContext context, int count, int secretEvery) {
		Logger logger = context.getLogger("com.example.orders.OrderService");
		ILoggingEvent[] events = new ILoggingEvent[count];
		for (int i = 0; i < count; i++) {
			boolean secret = secretEvery > 0 && i % secretEvery == 0;
			String message = secret ? "Checkout {} " + SECRETS[i % SECRETS.length] : "Order {} placed for customer {}";
			LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, message, null,
					new Object[] { 4200 + i, "c-17" });
			event.setMDCPropertyMap(Map.of("correlation_id", "5f2b7c1e-8a4d-4e0b-9c3a-1d2e3f4a5b6c", "tenant", "acme"));
			event.setKeyValuePairs(List.of(new KeyValuePair("order_id", 4200 + i)));
			event.prepareForDeferredProcessing();
			events[i] = event;
		}
		return events;
	}

}
