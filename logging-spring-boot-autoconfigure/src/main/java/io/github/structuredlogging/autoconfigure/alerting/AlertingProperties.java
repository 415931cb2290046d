package io.github.structuredlogging.autoconfigure.alerting;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.structuredlogging.alerting.AlertSeverity;
import io.github.structuredlogging.alerting.WebhookFormat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for alerts raised in-process and sent to webhooks.
 */
@ConfigurationProperties("structured-logging.alerts")
public class AlertingProperties implements Validator {

	private static final Validator VALIDATOR = new AlertingPropertiesValidator();

	/**
	 * Whether to check the alert rules and raise alerts.
	 */
	private boolean enabled = true;

	/**
	 * How often the rules are checked.
	 */
	private Duration checkInterval = Duration.ofSeconds(15);

	/**
	 * How long a rule that goes on firing stays quiet before it alerts again.
	 */
	private Duration coolDown = Duration.ofMinutes(15);

	private final Webhooks webhooks = new Webhooks();

	private final Rule errorRate = new Rule(10, Duration.ofMinutes(1), AlertSeverity.WARNING);

	private final VerySlowShare verySlowShare = new VerySlowShare();

	private final Rule securityAlerts = new Rule(1, Duration.ofMinutes(5), AlertSeverity.CRITICAL);

	private final Rule shipperFailing = new Rule(0, Duration.ofMinutes(5), AlertSeverity.WARNING);

	private final Rule droppedEvents = new Rule(0, Duration.ofMinutes(5), AlertSeverity.WARNING);

	private final Disk disk = new Disk();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getCheckInterval() {
		return this.checkInterval;
	}

	public void setCheckInterval(Duration checkInterval) {
		this.checkInterval = checkInterval;
	}

	public Duration getCoolDown() {
		return this.coolDown;
	}

	public void setCoolDown(Duration coolDown) {
		this.coolDown = coolDown;
	}

	public Webhooks getWebhooks() {
		return this.webhooks;
	}

	public Rule getErrorRate() {
		return this.errorRate;
	}

	public VerySlowShare getVerySlowShare() {
		return this.verySlowShare;
	}

	public Rule getSecurityAlerts() {
		return this.securityAlerts;
	}

	public Rule getShipperFailing() {
		return this.shipperFailing;
	}

	public Rule getDroppedEvents() {
		return this.droppedEvents;
	}

	public Disk getDisk() {
		return this.disk;
	}

	@Override
	public boolean supports(Class<?> type) {
		return VALIDATOR.supports(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		VALIDATOR.validate(target, errors);
	}

	/**
	 * Where alerts are sent.
	 */
	public static class Webhooks {

		/**
		 * URLs that critical alerts are posted to. Without them, critical alerts are logged and
		 * listed only.
		 */
		private List<URI> critical = new ArrayList<>();

		/**
		 * URLs that warning alerts are posted to. Without them, warning alerts are logged and
		 * listed only.
		 */
		private List<URI> warning = new ArrayList<>();

		/**
		 * URLs that info alerts are posted to. Without them, info alerts are logged and
		 * listed only.
		 */
		private List<URI> info = new ArrayList<>();

		/**
		 * Headers sent with every webhook request, such as an authorization token.
		 * Without them, only the content type is sent.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Body of the webhook requests: the alert as JSON, or a Slack-compatible message.
		 */
		private WebhookFormat format = WebhookFormat.JSON;

		/**
		 * How long one webhook request may take, connecting included.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * How many times an alert is sent to a webhook before it is given up.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait after a webhook's first failure, doubled after each further one.
		 */
		private Duration firstBackoff = Duration.ofSeconds(1);

		public List<URI> getCritical() {
			return this.critical;
		}

		public void setCritical(List<URI> critical) {
			this.critical = critical;
		}

		public List<URI> getWarning() {
			return this.warning;
		}

		public void setWarning(List<URI> warning) {
			this.warning = warning;
		}

		public List<URI> getInfo() {
			return this.info;
		}

		public void setInfo(List<URI> info) {
			this.info = info;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public WebhookFormat getFormat() {
			return this.format;
		}

		public void setFormat(WebhookFormat format) {
			this.format = format;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getFirstBackoff() {
			return this.firstBackoff;
		}

		public void setFirstBackoff(Duration firstBackoff) {
			this.firstBackoff = firstBackoff;
		}

		boolean any() {
			return !this.critical.isEmpty() || !this.warning.isEmpty() || !this.info.isEmpty();
		}

	}

	/**
	 * One of the built-in rules.
	 */
	public static class Rule {

		/**
		 * Whether to check the rule.
		 */
		private boolean enabled = true;

		/**
		 * Value beyond which the rule fires.
		 */
		private double threshold;

		/**
		 * How far back the rule looks.
		 */
		private Duration window;

		/**
		 * How urgent the rule's alerts are, which picks their webhooks.
		 */
		private AlertSeverity severity;

		Rule(double threshold, Duration window, AlertSeverity severity) {
			this.threshold = threshold;
			this.window = window;
			this.severity = severity;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getThreshold() {
			return this.threshold;
		}

		public void setThreshold(double threshold) {
			this.threshold = threshold;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public AlertSeverity getSeverity() {
			return this.severity;
		}

		public void setSeverity(AlertSeverity severity) {
			this.severity = severity;
		}

	}

	/**
	 * The share of very slow requests.
	 */
	public static class VerySlowShare extends Rule {

		/**
		 * Fewest requests in the window for the rule to fire.
		 */
		private int minRequests = 20;

		VerySlowShare() {
			super(0.05, Duration.ofMinutes(5), AlertSeverity.WARNING);
		}

		public int getMinRequests() {
			return this.minRequests;
		}

		public void setMinRequests(int minRequests) {
			this.minRequests = minRequests;
		}

	}

	/**
	 * The log directory's volume, at the warning and critical marks of
	 * structured-logging.api.health.
	 */
	public static class Disk {

		/**
		 * Whether to alert when the log volume passes the warning and critical marks.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
