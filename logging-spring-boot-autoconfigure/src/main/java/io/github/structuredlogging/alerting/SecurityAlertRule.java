package io.github.structuredlogging.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.github.structuredlogging.audit.AuditRecord;
import io.github.structuredlogging.audit.AuditSink;

/**
 * Fires while the audit trail has raised security alerts within the window (a burst of
 * authentication failures for one user or from one address, a failure from a new
 * country): it takes them as an {@link AuditSink}.
 */
public final class SecurityAlertRule implements AlertRule, AuditSink {

	private static final String SECURITY_ALERT = "SECURITY_ALERT";

	private final RuleSettings settings;

	private final Clock clock;

	private final Deque<Raised> raised = new ConcurrentLinkedDeque<>();

	/**
	 * Create the rule.
	 * @param settings the number of security alerts, and the window
	 * @param clock the clock
	 */
	public SecurityAlertRule(RuleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void accept(AuditRecord record, long sequence) {
		if (SECURITY_ALERT.equals(record.event())) {
			this.raised.addLast(new Raised(this.clock.instant(), String.valueOf(record.action())));
		}
	}

	@Override
	public String name() {
		return "security-alerts";
	}

	@Override
	public AlertSeverity severity() {
		return this.settings.severity();
	}

	@Override
	public Check check(Instant now) {
		Instant since = now.minus(this.settings.window());
		Raised oldest;
		while ((oldest = this.raised.peekFirst()) != null && oldest.at().isBefore(since)) {
			this.raised.pollFirst();
		}
		int count = this.raised.size();
		String kinds = String.join(", ", this.raised.stream().map(Raised::action).distinct().toList());
		return new Check(count >= this.settings.threshold(), count, this.settings.threshold(),
				String.format(Locale.ROOT, "%d security alerts from the audit trail over the last %s%s", count,
						this.settings.windowText(), kinds.isEmpty() ? "" : " (" + kinds + ")"));
	}

	private record Raised(Instant at, String action) {

	}

}
