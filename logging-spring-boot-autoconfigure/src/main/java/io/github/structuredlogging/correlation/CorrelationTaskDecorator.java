package io.github.structuredlogging.correlation;

import java.util.Map;

import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.api.CorrelationIdGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the submitting thread's MDC, and so its correlation ID and trace IDs, to the
 * thread that runs a task. A task submitted without a correlation ID, such as a
 * {@code @Scheduled} run, gets a new one each time it runs.
 */
public final class CorrelationTaskDecorator implements TaskDecorator {

	private final CorrelationIdGenerator generator;

	/**
	 * Create a decorator.
	 * @param generator creates IDs for tasks submitted without one
	 */
	public CorrelationTaskDecorator(CorrelationIdGenerator generator) {
		this.generator = generator;
	}

	@Override
	public Runnable decorate(Runnable task) {
		Map<String, String> submitted = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> previous = MDC.getCopyOfContextMap();
			set(submitted);
			try (CorrelationId.Scope scope = CorrelationId.open(idFor(submitted))) {
				task.run();
			}
			finally {
				set(previous);
			}
		};
	}

	private String idFor(@Nullable Map<String, String> submitted) {
		String id = (submitted != null) ? submitted.get(CorrelationId.MDC_KEY) : null;
		return (id != null) ? id : this.generator.generate();
	}

	private static void set(@Nullable Map<String, String> context) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		else {
			MDC.clear();
		}
	}

}
