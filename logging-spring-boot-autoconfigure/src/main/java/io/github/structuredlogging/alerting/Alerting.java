package io.github.structuredlogging.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.structuredlogging.json.LogField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Checks the rules, on a thread of its own when scheduled, and raises alerts: one when a
 * rule starts firing, one more per cool-down while it goes on, one when it stops. Each alert is
 * logged (with {@code alert_rule}), counted, kept for the log API, and handed to the
 * notifiers (the webhooks), which must not block.
 */
public final class Alerting {

	/** Name of the logger alerts are logged with. */
	public static final String LOGGER_NAME = "io.github.structuredlogging.alerting.Alerts";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private static final Logger problems = LoggerFactory.getLogger(Alerting.class);

	private static final int RECENT = 100;

	private final List<AlertRule> rules;

	private final List<Consumer<Alert>> notifiers;

	private final Duration coolDown;

	private final Clock clock;

	private final Map<String, Alert> active = new ConcurrentHashMap<>();

	private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

	private final Deque<Alert> recent = new ArrayDeque<>();

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	/**
	 * Create the alerting.
	 * @param rules the rules
	 * @param notifiers told of every alert, on the checking thread: they must return at once
	 * @param coolDown how long a rule that goes on firing stays quiet
	 * @param clock the clock
	 */
	public Alerting(List<AlertRule> rules, List<Consumer<Alert>> notifiers, Duration coolDown, Clock clock) {
		this.rules = List.copyOf(rules);
		this.notifiers = List.copyOf(notifiers);
		this.coolDown = coolDown;
		this.clock = clock;
	}

	/**
	 * Check every rule once, raising the alerts that are due.
	 */
	public void checkRules() {
		Instant now = this.clock.instant();
		for (AlertRule rule : this.rules) {
			try {
				check(rule, now);
			}
			catch (RuntimeException ex) {
				problems.warn("Alert rule '{}' could not be checked", rule.name(), ex);
			}
		}
	}

	private void check(AlertRule rule, Instant now) {
		AlertRule.Check check = rule.check(now);
		Alert firing = this.active.get(rule.name());
		if (check.firing()) {
			Instant started = (firing != null) ? firing.startedAt() : now;
			Instant sent = this.lastSent.get(rule.name());
			Alert alert = new Alert(rule.name(), rule.severity().label(), Alert.FIRING, check.summary(), check.value(),
					check.threshold(), started, now, null);
			this.active.put(rule.name(), alert);
			if (firing == null || sent == null || !now.isBefore(sent.plus(this.coolDown))) {
				raise(alert, rule.severity());
			}
		}
		else if (firing != null) {
			this.active.remove(rule.name());
			raise(new Alert(rule.name(), rule.severity().label(), Alert.RESOLVED, check.summary(), check.value(),
					check.threshold(), firing.startedAt(), now, now), rule.severity());
		}
	}

	private void raise(Alert alert, AlertSeverity severity) {
		this.lastSent.put(alert.rule(), alert.at());
		synchronized (this.recent) {
			this.recent.addFirst(alert);
			if (this.recent.size() > RECENT) {
				this.recent.removeLast();
			}
		}
		this.counts.computeIfAbsent(alert.rule() + "/" + alert.state(), (key) -> new LongAdder()).increment();
		Level level = Alert.RESOLVED.equals(alert.state()) ? Level.INFO : switch (severity) {
			case CRITICAL -> Level.ERROR;
			case WARNING -> Level.WARN;
			case INFO -> Level.INFO;
		};
		logger.atLevel(level)
			.addKeyValue(LogField.ALERT_RULE.key(), alert.rule())
			.addKeyValue(LogField.ALERT_SEVERITY.key(), alert.severity())
			.addKeyValue(LogField.ALERT_STATE.key(), alert.state())
			.addKeyValue(LogField.ALERT_VALUE.key(), alert.value())
			.addKeyValue(LogField.ALERT_THRESHOLD.key(), alert.threshold())
			.log((Alert.RESOLVED.equals(alert.state()) ? "Resolved: " : "Alert: ") + alert.summary());
		for (Consumer<Alert> notifier : this.notifiers) {
			try {
				notifier.accept(alert);
			}
			catch (RuntimeException ex) {
				problems.warn("An alert notifier failed", ex);
			}
		}
	}

	/**
	 * Return the alerts of the rules that fire now.
	 * @return the alerts, by rule name
	 */
	public List<Alert> active() {
		return new ArrayList<>(new LinkedHashMap<>(this.active).values());
	}

	/**
	 * Return the last alerts raised, newest first.
	 * @return at most the last 100
	 */
	public List<Alert> recent() {
		synchronized (this.recent) {
			return List.copyOf(this.recent);
		}
	}

	/**
	 * Return the names of the rules checked.
	 * @return the names
	 */
	public List<String> ruleNames() {
		return this.rules.stream().map(AlertRule::name).toList();
	}

	/**
	 * Return how many alerts a rule raised in a state since start-up.
	 * @param rule the rule's name
	 * @param state {@code firing} or {@code resolved}
	 * @return the number
	 */
	public long count(String rule, String state) {
		LongAdder count = this.counts.get(rule + "/" + state);
		return (count != null) ? count.sum() : 0;
	}

}
