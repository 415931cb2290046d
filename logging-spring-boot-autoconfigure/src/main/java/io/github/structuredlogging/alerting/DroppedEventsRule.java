package io.github.structuredlogging.alerting;

import java.time.Instant;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;

/**
 * Fires while more events than the threshold were dropped within the window: by the
 * writer's full queue, at a shutdown, or by a shipper.
 */
public final class DroppedEventsRule implements AlertRule {

	private final LongSupplier dropped;

	private final RuleSettings settings;

	private final Deque<Sample> samples = new ConcurrentLinkedDeque<>();

	/**
	 * Create the rule.
	 * @param dropped the number of events dropped since start-up
	 * @param settings the number of events, and the window
	 */
	public DroppedEventsRule(LongSupplier dropped, RuleSettings settings) {
		this.dropped = dropped;
		this.settings = settings;
		// Drops before the first check count as within the window.
		this.samples.add(new Sample(Instant.EPOCH, 0));
	}

	@Override
	public String name() {
		return "dropped-events";
	}

	@Override
	public AlertSeverity severity() {
		return this.settings.severity();
	}

	@Override
	public Check check(Instant now) {
		long total = this.dropped.getAsLong();
		this.samples.addLast(new Sample(now, total));
		Instant since = now.minus(this.settings.window());
		// The baseline is the newest sample taken at or before the start of the window.
		while (this.samples.size() > 1) {
			Iterator<Sample> oldest = this.samples.iterator();
			oldest.next();
			if (oldest.next().at().isAfter(since)) {
				break;
			}
			this.samples.pollFirst();
		}
		long inWindow = total - this.samples.getFirst().total();
		return new Check(inWindow > this.settings.threshold(), inWindow, this.settings.threshold(),
				String.format(Locale.ROOT, "%d events dropped over the last %s (%d since start-up)", inWindow,
						this.settings.windowText(), total));
	}

	private record Sample(Instant at, long total) {

	}

}
