package io.github.structuredlogging.sampling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import io.github.structuredlogging.runtime.PeriodicTask;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Puts the sampling and the burst limit in front of every logger while the application
 * runs, and writes each burst's summary once it is over. Without them logback asks no
 * filter at all: nothing is paid for what is not configured.
 */
public final class SamplingFilters implements SmartLifecycle {

	private final LoggerContext context;

	private final List<TurboFilter> filters;

	private final @Nullable BurstLimit burstLimit;

	private final @Nullable PeriodicTask summaries;

	private volatile boolean running;

	/**
	 * Create the registration.
	 * @param context the logback context
	 * @param sampling the sampling, {@code null} for none
	 * @param burstLimit the burst limit, {@code null} for none
	 */
	public SamplingFilters(LoggerContext context, @Nullable EventSampling sampling, @Nullable BurstLimit burstLimit) {
		this.context = context;
		List<TurboFilter> filters = new ArrayList<>();
		if (sampling != null) {
			filters.add(sampling);
		}
		if (burstLimit != null) {
			filters.add(burstLimit);
		}
		this.filters = List.copyOf(filters);
		this.burstLimit = burstLimit;
		this.summaries = (burstLimit != null) ? new PeriodicTask("structured-logging-bursts", Duration.ofSeconds(1),
				Duration.ofSeconds(1), () -> burstLimit.summarize(false)) : null;
	}

	@Override
	public void start() {
		for (TurboFilter filter : this.filters) {
			filter.setContext(this.context);
			filter.start();
			this.context.addTurboFilter(filter);
		}
		if (this.summaries != null) {
			this.summaries.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.summaries != null) {
			this.summaries.stop();
		}
		this.context.getTurboFilterList().removeAll(this.filters);
		if (this.burstLimit != null) {
			this.burstLimit.summarize(true);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
