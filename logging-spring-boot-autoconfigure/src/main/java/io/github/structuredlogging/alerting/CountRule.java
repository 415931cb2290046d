package io.github.structuredlogging.alerting;

import java.time.Instant;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;

/**
 * Fires while a count kept since start-up grew by more than the threshold within the
 * window: events dropped, unshipped files removed.
 */
public final class CountRule implements AlertRule {

	private final String name;

	private final String counted;

	private final LongSupplier total;

	private final RuleSettings settings;

	private final Deque<Sample> samples = new ConcurrentLinkedDeque<>();

	/**
	 * Create the rule.
	 * @param name the rule's name
	 * @param counted what is counted, for the summary, such as {@code events dropped}
	 * @param total the count since start-up
	 * @param settings the growth beyond which the rule fires, and the window
	 */
	public CountRule(String name, String counted, LongSupplier total, RuleSettings settings) {
		this.name = name;
		this.counted = counted;
		this.total = total;
		this.settings = settings;
		// What was counted before the first check counts as within the window.
		this.samples.add(new Sample(Instant.EPOCH, 0));
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public AlertSeverity severity() {
		return this.settings.severity();
	}

	@Override
	public Check check(Instant now) {
		long total = this.total.getAsLong();
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
				String.format(Locale.ROOT, "%d %s over the last %s (%d since start-up)", inWindow, this.counted,
						this.settings.windowText(), total));
	}

	private record Sample(Instant at, long total) {

	}

}
