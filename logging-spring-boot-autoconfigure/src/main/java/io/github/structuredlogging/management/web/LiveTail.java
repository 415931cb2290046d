package io.github.structuredlogging.management.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.structuredlogging.management.EventQuery;
import io.github.structuredlogging.store.EventStore;
import io.github.structuredlogging.store.StoredEvent;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams new events to a bounded number of subscribers as Server-Sent Events. The
 * logging thread only offers each event to every subscriber's bounded queue; a sender
 * thread per subscriber filters and sends. A subscriber whose queue overflows is told
 * and disconnected, so that a slow client never slows logging.
 */
public final class LiveTail implements SmartLifecycle {

	/** Name of the events that carry a log line. */
	public static final String EVENT_NAME = "log";

	/** Name of the last event sent to a subscriber that fell too far behind. */
	public static final String DROPPED_EVENT_NAME = "dropped";

	private final EventStore store;

	private final Settings settings;

	private final Semaphore slots;

	private final ExecutorService senders;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	/**
	 * Create a live tail of the given store.
	 * @param store the store whose new events are streamed
	 * @param settings the limits
	 */
	public LiveTail(EventStore store, Settings settings) {
		this.store = store;
		this.settings = settings;
		this.slots = new Semaphore(settings.maxSubscribers());
		this.senders = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "structured-logging-live-tail");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Subscribe to the events that match the query.
	 * @param query the filters
	 * @return the emitter to return from the handler
	 * @throws TooManySubscribersException when every slot is taken
	 */
	public SseEmitter subscribe(EventQuery query) {
		if (!this.slots.tryAcquire()) {
			throw new TooManySubscribersException(this.settings.maxSubscribers());
		}
		SseEmitter emitter = new SseEmitter(this.settings.timeout().toMillis());
		Subscriber subscriber = new Subscriber(emitter, query);
		try {
			this.senders.execute(subscriber);
		}
		catch (RuntimeException ex) {
			subscriber.close();
			throw ex;
		}
		return emitter;
	}

	@Override
	public void start() {
		this.running = true;
	}

	// Before the web server's graceful shutdown, which would otherwise wait for every
	// open subscription.
	@Override
	public void stop() {
		this.running = false;
		for (Subscriber subscriber : this.subscribers) {
			subscriber.emitter.complete();
			subscriber.close();
		}
		this.senders.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The limits of the live tail.
	 *
	 * @param maxSubscribers how many subscribers may be connected at once
	 * @param queueCapacity how many events a subscriber may fall behind before it is
	 * disconnected
	 * @param timeout how long a subscription lasts before the client must reconnect
	 * @param heartbeat how often an idle subscription is sent a comment, to detect gone
	 * clients
	 */
	public record Settings(int maxSubscribers, int queueCapacity, Duration timeout, Duration heartbeat) {

	}

	/**
	 * Thrown when a subscription is refused because every slot is taken.
	 */
	public static class TooManySubscribersException extends RuntimeException {

		TooManySubscribersException(int max) {
			super("The live tail already has its maximum of " + max
					+ " subscribers (structured-logging.api.stream.max-subscribers)");
		}

	}

	private final class Subscriber implements Runnable {

		private final SseEmitter emitter;

		private final EventQuery query;

		private final BlockingQueue<StoredEvent> queue = new ArrayBlockingQueue<>(LiveTail.this.settings.queueCapacity());

		private final AtomicBoolean overflowed = new AtomicBoolean();

		private final AtomicBoolean closed = new AtomicBoolean();

		private final Runnable unsubscribe;

		Subscriber(SseEmitter emitter, EventQuery query) {
			this.emitter = emitter;
			this.query = query;
			this.unsubscribe = LiveTail.this.store.subscribe(this::offer);
			LiveTail.this.subscribers.add(this);
			emitter.onCompletion(this::close);
			emitter.onTimeout(this::close);
			emitter.onError((ex) -> close());
		}

		// On the logging thread: never block.
		private void offer(StoredEvent event) {
			if (!this.queue.offer(event)) {
				this.overflowed.set(true);
			}
		}

		@Override
		public void run() {
			try {
				this.emitter.send(SseEmitter.event().comment("subscribed"));
				while (!this.closed.get()) {
					if (this.overflowed.get()) {
						this.emitter.send(SseEmitter.event().name(DROPPED_EVENT_NAME)
							.data("Disconnected: the client fell more than "
								+ LiveTail.this.settings.queueCapacity() + " events behind"));
						this.emitter.complete();
						return;
					}
					StoredEvent event = this.queue.poll(LiveTail.this.settings.heartbeat().toMillis(),
							TimeUnit.MILLISECONDS);
					if (event == null) {
						this.emitter.send(SseEmitter.event().comment("heartbeat"));
					}
					else if (this.query.test(event)) {
						this.emitter.send(SseEmitter.event()
							.name(EVENT_NAME)
							.id(Long.toString(event.sequence()))
							.data(event.jsonText()));
					}
				}
			}
			catch (IOException | IllegalStateException ex) {
				this.emitter.completeWithError(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.emitter.complete();
			}
			finally {
				close();
			}
		}

		void close() {
			if (this.closed.compareAndSet(false, true)) {
				this.unsubscribe.run();
				LiveTail.this.subscribers.remove(this);
				LiveTail.this.slots.release();
			}
		}

	}

}
