package io.github.structuredlogging.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * A task run at a fixed delay on a daemon thread of its own, so that what it does (read
 * the disk, check the alert rules) never holds up the application's threads; started and
 * stopped with the application context when it is a bean.
 */
public final class PeriodicTask implements SmartLifecycle {

	private final String threadName;

	private final Duration initialDelay;

	private final Duration interval;

	private final Runnable task;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Create a task.
	 * @param threadName the name of its thread
	 * @param initialDelay how long after the start it first runs
	 * @param interval the delay between the end of one run and the start of the next
	 * @param task the task, which must not throw
	 */
	public PeriodicTask(String threadName, Duration initialDelay, Duration interval, Runnable task) {
		this.threadName = threadName;
		this.initialDelay = initialDelay;
		this.interval = interval;
		this.task = task;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler == null) {
			ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, this.threadName);
				thread.setDaemon(true);
				return thread;
			});
			scheduler.scheduleWithFixedDelay(this.task, this.initialDelay.toMillis(), this.interval.toMillis(),
					TimeUnit.MILLISECONDS);
			this.scheduler = scheduler;
		}
	}

	// Interrupts a run under way.
	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
