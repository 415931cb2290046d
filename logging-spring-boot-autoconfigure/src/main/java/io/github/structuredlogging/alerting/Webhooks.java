package io.github.structuredlogging.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.structuredlogging.json.ServiceIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends each alert to the webhooks of its severity as a JSON {@code POST}, each webhook
 * from a thread of its own, so that one that hangs delays no other and never the
 * application: a failed attempt is retried with backoff up to a number of attempts, each
 * bounded by a timeout; what still fails is logged and counted. A webhook's URL can hold
 * a secret (Slack's do), so the log names it by severity and number only.
 */
public final class Webhooks implements Consumer<Alert>, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Webhooks.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final int QUEUE = 100;

	private final Map<AlertSeverity, List<Target>> targets = new EnumMap<>(AlertSeverity.class);

	private final Map<String, String> headers;

	private final WebhookFormat format;

	private final Duration timeout;

	private final int maxAttempts;

	private final Duration firstBackoff;

	private final ServiceIdentity service;

	private final HttpClient client;

	private final LongAdder sent = new LongAdder();

	private final LongAdder failed = new LongAdder();

	/**
	 * Create the webhooks.
	 * @param urls the webhooks of each severity
	 * @param headers headers sent with every request, such as a token
	 * @param format the body's format
	 * @param timeout how long one attempt may take
	 * @param maxAttempts how many times an alert is sent before it is given up
	 * @param firstBackoff the wait after the first failure, doubled after each
	 * @param service the service the alerts are about
	 */
	public Webhooks(Map<AlertSeverity, List<URI>> urls, Map<String, String> headers, WebhookFormat format,
			Duration timeout, int maxAttempts, Duration firstBackoff, ServiceIdentity service) {
		this.headers = Map.copyOf(headers);
		this.format = format;
		this.timeout = timeout;
		this.maxAttempts = maxAttempts;
		this.firstBackoff = firstBackoff;
		this.service = service;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
		urls.forEach((severity, list) -> {
			List<Target> targets = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				targets.add(new Target(severity.label() + " webhook " + (i + 1), list.get(i), executor(severity, i)));
			}
			this.targets.put(severity, targets);
		});
	}

	@Override
	public void accept(Alert alert) {
		AlertSeverity severity = AlertSeverity.valueOf(alert.severity().toUpperCase(Locale.ROOT));
		byte[] body = body(alert);
		for (Target target : this.targets.getOrDefault(severity, List.of())) {
			try {
				target.executor().execute(() -> send(target, body));
			}
			catch (RejectedExecutionException ex) {
				this.failed.increment();
				logger.warn("Alert '{}' not sent to the {}: {} alerts are already waiting for it", alert.rule(),
						target.name(), QUEUE);
			}
		}
	}

	/**
	 * Return how many alerts the webhooks took.
	 * @return the number of successful deliveries
	 */
	public long sent() {
		return this.sent.sum();
	}

	/**
	 * Return how many deliveries were given up.
	 * @return the number
	 */
	public long failed() {
		return this.failed.sum();
	}

	@Override
	public void close() {
		this.targets.values().forEach((list) -> list.forEach((target) -> target.executor().shutdownNow()));
	}

	private void send(Target target, byte[] body) {
		Duration backoff = this.firstBackoff;
		String problem = "";
		for (int attempt = 1; attempt <= this.maxAttempts; attempt++) {
			try {
				HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
					.timeout(this.timeout)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body));
				this.headers.forEach(request::header);
				int status = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status >= 200 && status < 300) {
					this.sent.increment();
					return;
				}
				problem = "status " + status;
			}
			catch (IOException ex) {
				problem = ex.getClass().getSimpleName();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (attempt < this.maxAttempts && !pause(backoff)) {
				return;
			}
			backoff = backoff.multipliedBy(2);
		}
		this.failed.increment();
		logger.warn("The {} did not take an alert after {} attempts ({})", target.name(), this.maxAttempts, problem);
	}

	private static boolean pause(Duration backoff) {
		try {
			Thread.sleep(backoff.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private byte[] body(Alert alert) {
		if (this.format == WebhookFormat.SLACK) {
			String mark = Alert.RESOLVED.equals(alert.state()) ? "Resolved" : alert.severity().toUpperCase(Locale.ROOT);
			return MAPPER.writeValueAsBytes(Map.of("text", "[" + mark + "] " + this.service.name() + " ("
					+ this.service.environment() + ", " + this.service.hostName() + "): " + alert.summary()));
		}
		ObjectNode body = MAPPER.valueToTree(alert);
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("name", this.service.name());
		service.put("version", this.service.version());
		service.put("environment", this.service.environment());
		service.put("host_name", this.service.hostName());
		body.set("service", MAPPER.valueToTree(service));
		return MAPPER.writeValueAsBytes(body);
	}

	private static ThreadPoolExecutor executor(AlertSeverity severity, int index) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(QUEUE), (task) -> {
					Thread thread = new Thread(task, "structured-logging-webhook-" + severity.label() + "-" + (index + 1));
					thread.setDaemon(true);
					return thread;
				});
		return executor;
	}

	private record Target(String name, URI url, ThreadPoolExecutor executor) {

	}

}
