package io.github.structuredlogging.logback;

import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;

/**
 * Hands each event to every output behind the writer thread: the console, the stream
 * files (each filters for its stream) and the event store. Runs on the single worker
 * thread of the {@link StructuredAsyncAppender} in front of it, and flushes the batched
 * outputs (the console, the stream files) whenever that thread has caught up: once at the
 * end of a burst, and after every event when events come one at a time.
 * <p>
 * Once caught up and flushed, the writer waits {@value #LINGER_MICROS} µs before it takes
 * the next events, so that a busy service's events come to it in batches, each with one
 * wake-up and one write per output, instead of waking it for every event; a line reaches
 * its outputs at most that much later.
 */
public final class FanOutAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
		implements AppenderAttachable<ILoggingEvent> {

	private static final long LINGER_MICROS = 5000;

	private final AppenderAttachableImpl<ILoggingEvent> streams = new AppenderAttachableImpl<>();

	private final Backlog backlog;

	private final List<Flushable> batched = new ArrayList<>();

	/**
	 * Create a fan-out behind the given writer.
	 * @param writer the asynchronous appender whose thread calls this one
	 */
	public FanOutAppender(StructuredAsyncAppender writer) {
		this.backlog = writer.backlog();
	}

	/**
	 * Flush the given output whenever the writer has caught up.
	 * @param batched an output that collects a batch of events
	 */
	public void flushWhenCaughtUp(Flushable batched) {
		this.batched.add(batched);
	}

	@Override
	protected void append(ILoggingEvent event) {
		this.backlog.written();
		if (event instanceof FlushBarrier barrier) {
			flushBatched();
			barrier.pass();
			return;
		}
		this.streams.appendLoopOnAppenders(event);
		if (this.backlog.caughtUp()) {
			flushBatched();
			// Returns at once when the writer is interrupted to stop.
			LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(LINGER_MICROS));
		}
	}

	private void flushBatched() {
		for (Flushable output : this.batched) {
			try {
				output.flush();
			}
			catch (IOException | RuntimeException ex) {
				addError("Could not write a batch of events to " + output, ex);
			}
		}
	}

	@Override
	public void stop() {
		super.stop();
		flushBatched();
		// The async worker stops us after being interrupted; the rolling policies must
		// still wait for their compression and clean-up jobs, so clear the flag meanwhile.
		boolean interrupted = Thread.interrupted();
		try {
			this.streams.detachAndStopAllAppenders();
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void addAppender(Appender<ILoggingEvent> appender) {
		this.streams.addAppender(appender);
	}

	@Override
	public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
		return this.streams.iteratorForAppenders();
	}

	@Override
	public Appender<ILoggingEvent> getAppender(String name) {
		return this.streams.getAppender(name);
	}

	@Override
	public boolean isAttached(Appender<ILoggingEvent> appender) {
		return this.streams.isAttached(appender);
	}

	@Override
	public void detachAndStopAllAppenders() {
		this.streams.detachAndStopAllAppenders();
	}

	@Override
	public boolean detachAppender(Appender<ILoggingEvent> appender) {
		return this.streams.detachAppender(appender);
	}

	@Override
	public boolean detachAppender(String name) {
		return this.streams.detachAppender(name);
	}

}
