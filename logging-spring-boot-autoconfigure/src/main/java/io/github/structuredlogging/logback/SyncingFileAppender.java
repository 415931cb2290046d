package io.github.structuredlogging.logback;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.core.recovery.ResilientFileOutputStream;
import ch.qos.logback.core.rolling.RollingFileAppender;
import org.jspecify.annotations.Nullable;

/**
 * A rolling file that forces what it writes to disk after each event, or at most once per
 * interval, as its {@link FsyncPolicy} says.
 * <p>
 * Forcing runs on a thread of its own: a file channel that is forced on a thread that gets
 * interrupted is closed on the spot, and the asynchronous appender interrupts its worker
 * when it stops, which would lose what is still queued.
 *
 * @param <E> the event type
 */
public final class SyncingFileAppender<E> extends RollingFileAppender<E> {

	private final FsyncPolicy policy;

	private final Duration interval;

	private final LongAdder syncs = new LongAdder();

	private final AtomicBoolean dirty = new AtomicBoolean();

	private @Nullable ScheduledExecutorService syncer;

	private volatile Runnable rolledOver = () -> {
	};

	/**
	 * Create an appender.
	 * @param policy when to force the file to disk
	 * @param interval the interval of {@link FsyncPolicy#INTERVAL}
	 */
	public SyncingFileAppender(FsyncPolicy policy, Duration interval) {
		this.policy = policy;
		this.interval = interval;
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "structured-logging-fsync-" + getName());
			thread.setDaemon(true);
			return thread;
		});
		if (this.policy == FsyncPolicy.INTERVAL) {
			long period = Math.max(1, this.interval.toMillis());
			executor.scheduleWithFixedDelay(this::forceIfDirty, period, period, TimeUnit.MILLISECONDS);
		}
		this.syncer = executor;
		super.start();
	}

	/**
	 * Tell the given listener whenever the file has been rolled. It runs on the thread
	 * that writes, with the file locked: it must return at once.
	 * @param listener the listener
	 */
	public void onRollover(Runnable listener) {
		this.rolledOver = listener;
	}

	@Override
	public void rollover() {
		super.rollover();
		try {
			this.rolledOver.run();
		}
		catch (RuntimeException ex) {
			// The event that made the file roll must still be written.
			addError("Rollover listener of " + getFile() + " failed", ex);
		}
	}

	@Override
	protected void subAppend(E event) {
		super.subAppend(event);
		this.dirty.set(true);
		if (this.policy == FsyncPolicy.EVERY_EVENT) {
			awaitForce();
		}
	}

	@Override
	public void stop() {
		if (isStarted() && this.policy != FsyncPolicy.NONE) {
			awaitForce();
		}
		ScheduledExecutorService executor = this.syncer;
		if (executor != null) {
			executor.shutdownNow();
		}
		super.stop();
	}

	/**
	 * Return how many times the file has been forced to disk.
	 * @return the number of forces
	 */
	public long syncs() {
		return this.syncs.sum();
	}

	// Waits however often the calling thread is interrupted, and keeps its interrupt.
	private void awaitForce() {
		ScheduledExecutorService executor = this.syncer;
		if (executor == null || executor.isShutdown()) {
			return;
		}
		Future<?> forced = executor.submit(this::forceIfDirty);
		boolean interrupted = false;
		while (true) {
			try {
				forced.get();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
			catch (ExecutionException ex) {
				addError("Could not force " + getFile() + " to disk", ex.getCause());
				break;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void forceIfDirty() {
		if (!this.dirty.getAndSet(false)) {
			return;
		}
		this.streamWriteLock.lock();
		try {
			OutputStream stream = getOutputStream();
			if (stream instanceof ResilientFileOutputStream file) {
				file.flush();
				file.getChannel().force(false);
				this.syncs.increment();
			}
		}
		catch (IOException ex) {
			addError("Could not force " + getFile() + " to disk", ex);
		}
		finally {
			this.streamWriteLock.unlock();
		}
	}

}
