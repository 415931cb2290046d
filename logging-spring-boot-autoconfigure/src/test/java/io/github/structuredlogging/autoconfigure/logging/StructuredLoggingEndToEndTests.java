package io.github.structuredlogging.autoconfigure.logging;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.runtime.StructuredLoggingRuntime;
import io.github.structuredlogging.testing.ConsoleOutput;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a real application with the starter and reads what it writes to stdout and to
 * the stream files.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingEndToEndTests {

	private static final Logger log = LoggerFactory.getLogger("com.example.orders.OrderService");

	@TempDir
	Path logs;

	@RegisterExtension
	final TestApplication application = new TestApplication();

	@Test
	void everyStdoutLineIsJsonFromTheFirstLineOfStartUp(CapturedOutput output) {
		this.application.run("spring.application.name=orders", "spring.profiles.active=staging");
		log.info("Ready");
		JsonLines lines = JsonLines.parse(ConsoleOutput.written(output));
		assertThat(lines.all().get(0).path("message").asString()).startsWith("Starting ");
		assertThat(lines.messages()).contains("The following 1 profile is active: \"staging\"", "Ready");
		assertThat(ConsoleOutput.written(output)).doesNotContain(":: Spring Boot ::");
	}

	@Test
	void flushingTheRuntimeWritesEverythingLoggedBeforeToTheConsole(CapturedOutput output) {
		StructuredLoggingRuntime runtime = this.application.run().getBean(StructuredLoggingRuntime.class);
		for (int line = 1; line <= 200; line++) {
			LoggerFactory.getLogger("com.example.Orders").info("Flushed line {}", line);
		}
		assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
		assertThat(JsonLines.parse(output.getOut()).messages()).contains("Flushed line 200");
	}

	@Test
	void eventCarriesTheCommonFields(CapturedOutput output) {
		this.application.run("spring.application.name=orders", "spring.profiles.active=staging",
				"structured-logging.service-version=1.4.2");
		log.info("Order {} placed", 42);
		JsonNode event = JsonLines.parse(ConsoleOutput.written(output)).withMessage("Order 42 placed");
		Instant timestamp = Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(event.path("@timestamp").asString()));
		assertThat(timestamp).isBefore(Instant.now().plusSeconds(1));
		assertThat(event.path("@timestamp").asString()).endsWith("Z").matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{3,9}Z");
		assertThat(event.path("level").asString()).isEqualTo("INFO");
		assertThat(event.path("logger_name").asString()).isEqualTo("com.example.orders.OrderService");
		assertThat(event.path("thread_name").asString()).isEqualTo(Thread.currentThread().getName());
		assertThat(event.path("service_name").asString()).isEqualTo("orders");
		assertThat(event.path("service_version").asString()).isEqualTo("1.4.2");
		assertThat(event.path("environment").asString()).isEqualTo("staging");
		assertThat(event.path("host_name").asString()).isNotBlank();
		assertThat(event.path("log_stream").asString()).isEqualTo("application");
	}

	@Test
	void mdcKeyValuesAndStructuredArgumentsBecomeTopLevelFieldsWithTheirTypes(CapturedOutput output) {
		this.application.run();
		MDC.put("tenant", "acme");
		try {
			log.atInfo()
				.addKeyValue("order_id", 42)
				.addKeyValue("amount", 12.5)
				.addKeyValue("express", true)
				.addKeyValue("customer", "c-17")
				.log("Order placed");
			log.info("Payment {}", kv("payment_id", 9001L));
		}
		finally {
			MDC.remove("tenant");
		}
		JsonLines lines = JsonLines.parse(ConsoleOutput.written(output));
		JsonNode placed = lines.withMessage("Order placed");
		assertThat(placed.path("tenant").asString()).isEqualTo("acme");
		assertThat(placed.path("order_id").isIntegralNumber()).isTrue();
		assertThat(placed.path("order_id").asInt()).isEqualTo(42);
		assertThat(placed.path("amount").isNumber()).isTrue();
		assertThat(placed.path("amount").asDouble()).isEqualTo(12.5);
		assertThat(placed.path("express").isBoolean()).isTrue();
		assertThat(placed.path("customer").asString()).isEqualTo("c-17");
		JsonNode payment = lines.withMessage("Payment payment_id=9001");
		assertThat(payment.path("payment_id").isIntegralNumber()).isTrue();
		assertThat(payment.path("payment_id").asLong()).isEqualTo(9001L);
	}

	@Test
	void exceptionIsWrittenAsStructuredError(CapturedOutput output) {
		this.application.run();
		log.error("Payment failed", new IllegalStateException("Gateway timed out",
				new java.net.SocketTimeoutException("Read timed out")));
		JsonNode event = JsonLines.parse(ConsoleOutput.written(output)).withMessage("Payment failed");
		assertThat(event.path("level").asString()).isEqualTo("ERROR");
		assertThat(event.path("error_type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(event.path("error_message").asString()).isEqualTo("Gateway timed out");
		String stackTrace = event.path("stack_trace").asString();
		assertThat(stackTrace).startsWith("java.lang.IllegalStateException: Gateway timed out")
			.contains("Caused by: java.net.SocketTimeoutException: Read timed out")
			.contains("common frames omitted");
	}

	@Test
	void rootCauseFirstPutsTheCauseOnTop(CapturedOutput output) {
		this.application.run("structured-logging.json.stack-trace.root-cause-first=true",
				"structured-logging.json.stack-trace.max-depth-per-throwable=3");
		log.error("Payment failed", new IllegalStateException("Gateway timed out",
				new java.net.SocketTimeoutException("Read timed out")));
		String stackTrace = JsonLines.parse(ConsoleOutput.written(output)).withMessage("Payment failed").path("stack_trace").asString();
		assertThat(stackTrace).startsWith("java.net.SocketTimeoutException: Read timed out")
			.contains("Wrapped by: java.lang.IllegalStateException: Gateway timed out")
			.contains("frames truncated");
	}

	@Test
	void loggerLevelsFromSpringBootStillApply(CapturedOutput output) {
		this.application.run("logging.level.com.example.orders=WARN");
		log.info("Hidden");
		log.warn("Shown");
		JsonLines lines = JsonLines.parse(ConsoleOutput.written(output));
		assertThat(lines.messages()).contains("Shown").doesNotContain("Hidden");
	}

	@Test
	void ecsLayoutWritesElasticCommonSchemaNames(CapturedOutput output) {
		this.application.run("structured-logging.json.layout=ecs", "spring.application.name=orders");
		MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		try {
			log.error("Payment failed", new IllegalStateException("Gateway timed out"));
		}
		finally {
			MDC.remove("traceId");
		}
		JsonNode event = JsonLines.parse(ConsoleOutput.written(output)).withMessage("Payment failed");
		assertThat(event.path("log.level").asString()).isEqualTo("ERROR");
		assertThat(event.path("log.logger").asString()).isEqualTo("com.example.orders.OrderService");
		assertThat(event.path("service.name").asString()).isEqualTo("orders");
		assertThat(event.path("ecs.version").asString()).isEqualTo("8.11");
		assertThat(event.path("trace.id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(event.path("error.type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(event.path("error.stack_trace").asString()).startsWith("java.lang.IllegalStateException");
		assertThat(event.has("level")).isFalse();
	}

	@Test
	void textFormatWritesReadableLines(CapturedOutput output) {
		this.application.run("structured-logging.console.format=text");
		log.atInfo().addKeyValue("order_id", 42).log("Order placed");
		String line = ConsoleOutput.written(output).lines().filter((l) -> l.contains("Order placed")).findFirst().orElseThrow();
		assertThat(line).doesNotStartWith("{").contains("INFO").contains("order_id=42");
	}

	@Test
	void springBootStructuredFormatDoesNotAddASecondJsonFormat(CapturedOutput output) {
		this.application.run("logging.structured.format.console=ecs");
		log.info("Once");
		JsonLines lines = JsonLines.parse(ConsoleOutput.written(output));
		assertThat(lines.messages().stream().filter("Once"::equals)).hasSize(1);
		assertThat(lines.withMessage("Once").has("log_stream")).isTrue();
		assertThat(lines.messages()).anyMatch((message) -> message.contains("'logging.structured.format.console'"));
	}

	@Test
	void streamFilesSplitEventsByStreamAndLevel(CapturedOutput output) {
		this.application.run("structured-logging.file.directory=" + this.logs);
		log.info("Order placed");
		log.warn("Stock low");
		log.atInfo().addMarker(LogStreams.marker(LogStreams.PERFORMANCE)).log("GET /orders 200");
		log.atInfo().addMarker(LogStreams.marker(LogStreams.AUDIT)).log("Login succeeded");
		this.application.stop();
		JsonLines application = JsonLines.read(this.logs.resolve("application.json"));
		assertThat(application.messages()).contains("Order placed", "Stock low", "GET /orders 200",
				"Login succeeded");
		assertThat(JsonLines.read(this.logs.resolve("error.json")).messages()).contains("Stock low")
			.doesNotContain("Order placed", "GET /orders 200", "Login succeeded");
		JsonLines performance = JsonLines.read(this.logs.resolve("performance.json"));
		assertThat(performance.messages()).containsExactly("GET /orders 200");
		assertThat(performance.withMessage("GET /orders 200").path("log_stream").asString())
			.isEqualTo("performance");
		// Only the audit trail's chained records reach the audit file.
		JsonLines audit = JsonLines.read(this.logs.resolve("audit.json"));
		assertThat(audit.messages()).doesNotContain("Login succeeded");
		assertThat(application.withMessage("Login succeeded").path("log_stream").asString()).isEqualTo("application");
		assertThat(JsonLines.parse(ConsoleOutput.written(output)).messages()).contains("Order placed", "Login succeeded");
	}

	@Test
	void springBootLogFilePathIsTheStreamDirectory() {
		this.application.run("logging.file.path=" + this.logs);
		log.info("Order placed");
		this.application.stop();
		assertThat(JsonLines.read(this.logs.resolve("application.json")).messages()).contains("Order placed");
		assertThat(this.logs.resolve("spring.log")).doesNotExist();
	}

	@Test
	void disabledConsoleWritesNothingToStdout(CapturedOutput output) {
		this.application.run("structured-logging.console.enabled=false",
				"structured-logging.file.directory=" + this.logs);
		log.info("Files only");
		assertThat(ConsoleOutput.written(output)).doesNotContain("Files only");
	}

	@Test
	void unwritableDirectoryFallsBackToTheConsoleWithOneError(CapturedOutput output) throws Exception {
		Path notADirectory = java.nio.file.Files.createFile(this.logs.resolve("taken"));
		this.application.run("structured-logging.file.directory=" + notADirectory.resolve("logs"));
		log.info("Still logging");
		JsonLines lines = JsonLines.parse(ConsoleOutput.written(output));
		assertThat(lines.messages()).contains("Still logging");
		assertThat(lines.all().stream()
			.filter((event) -> event.path("level").asString().equals("ERROR"))
			.map((event) -> event.path("message").asString())).singleElement()
			.asString()
			.contains("structured-logging.file.directory")
			.contains("not writable");
	}

}
