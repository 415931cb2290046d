package io.github.structuredlogging.logback;

import java.util.Iterator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;

/**
 * Hands each event to every stream file, each of which filters for its stream, and to the
 * event store. Runs on the single worker thread of the {@link StructuredAsyncAppender} in
 * front of it.
 */
public final class StreamFilesAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
		implements AppenderAttachable<ILoggingEvent> {

	private final AppenderAttachableImpl<ILoggingEvent> streams = new AppenderAttachableImpl<>();

	@Override
	protected void append(ILoggingEvent event) {
		this.streams.appendLoopOnAppenders(event);
	}

	@Override
	public void stop() {
		super.stop();
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
