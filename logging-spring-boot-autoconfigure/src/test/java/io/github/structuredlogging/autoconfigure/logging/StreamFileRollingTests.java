package io.github.structuredlogging.autoconfigure.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.util.FileSize;
import io.github.structuredlogging.logback.DroppedEvents;
import io.github.structuredlogging.testing.JsonLines;
import io.github.structuredlogging.runtime.StructuredLogbackPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolls a stream file by size, gzips what it rolls, and removes what is older than the
 * retention.
 */
class StreamFileRollingTests {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger("com.example.orders.OrderService");

	@TempDir
	Path logs;

	@RegisterExtension
	final TestApplication application = new TestApplication();

	@Test
	void rollsBySizeIntoGzippedFilesAndKeepsEveryEvent() throws IOException {
		this.application.run("structured-logging.console.enabled=false",
				"structured-logging.file.directory=" + this.logs,
				"structured-logging.file.application.max-file-size=2KB");
		int events = 60;
		for (int i = 0; i < events; i++) {
			log.info("Order {} placed with a message long enough to fill the file quickly", i);
		}
		this.application.stop();
		List<Path> rolled = files("application\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.json\\.gz");
		assertThat(rolled).isNotEmpty();
		List<String> messages = new ArrayList<>(JsonLines.read(this.logs.resolve("application.json")).messages());
		rolled.forEach((file) -> messages.addAll(JsonLines.readGzip(file).messages()));
		for (int i = 0; i < events; i++) {
			assertThat(messages).contains("Order " + i + " placed with a message long enough to fill the file quickly");
		}
	}

	@Test
	void retentionSettingsReachTheRollingPolicy() {
		this.application.run("structured-logging.file.directory=" + this.logs,
				"structured-logging.file.audit.max-history=2555d", "structured-logging.file.audit.total-size-cap=20GB",
				"structured-logging.file.error.compress=false");
		TimeBasedRollingPolicy<?> audit = policy("AUDIT");
		assertThat(audit.getMaxHistory()).isEqualTo(2555);
		assertThat(totalSizeCap(audit)).isEqualTo(20L * 1024 * 1024 * 1024);
		assertThat(audit.getFileNamePattern()).endsWith("audit.%d{yyyy-MM-dd}.%i.json.gz");
		TimeBasedRollingPolicy<?> application = policy("APPLICATION");
		assertThat(application.getMaxHistory()).isEqualTo(30);
		assertThat(totalSizeCap(application)).isEqualTo(10L * 1024 * 1024 * 1024);
		assertThat(policy("PERFORMANCE").getMaxHistory()).isEqualTo(30);
		assertThat(policy("ERROR").getMaxHistory()).isEqualTo(90);
		assertThat(policy("ERROR").getFileNamePattern()).endsWith("error.%d{yyyy-MM-dd}.%i.json");
	}

	@Test
	void rolledFilesOlderThanTheRetentionAreRemovedOnStart() throws IOException {
		LocalDate today = LocalDate.now();
		Path expired = Files.writeString(this.logs.resolve("application." + today.minusDays(12) + ".0.json.gz"), "");
		Path kept = Files.writeString(this.logs.resolve("application." + today.minusDays(3) + ".0.json.gz"), "");
		this.application.run("structured-logging.file.directory=" + this.logs,
				"structured-logging.file.application.max-history=10d");
		this.application.stop();
		assertThat(expired).doesNotExist();
		assertThat(kept).exists();
	}

	@Test
	void anEventLongerThanTheLongestLineIsWrittenWithItsLongestValuesCutAndCounted() throws IOException {
		ConfigurableApplicationContext context = this.application.run("structured-logging.console.enabled=false",
				"structured-logging.file.directory=" + this.logs, "structured-logging.json.max-event-size=64KB");
		String payload = "x".repeat(8 * 1024 * 1024);
		log.atInfo().addKeyValue("payload", payload).addKeyValue("order_id", "A-17").log("Order A-17 received");
		log.info("Order A-18 received");
		DroppedEvents losses = context.getBean(DroppedEvents.class);
		this.application.stop();
		List<String> lines = Files.readAllLines(this.logs.resolve("application.json"));
		String cut = lines.stream().filter((line) -> line.contains("Order A-17 received")).findFirst().orElseThrow();
		assertThat(cut.length()).isLessThanOrEqualTo(64 * 1024);
		JsonNode event = JsonLines.parse(cut).withMessage("Order A-17 received");
		assertThat(event.path("event_truncated").asBoolean()).isTrue();
		assertThat(event.path("order_id").asString()).isEqualTo("A-17");
		assertThat(event.path("payload").asString()).startsWith("xxxx").endsWith("...[truncated]");
		assertThat(JsonLines.parse(String.join("\n", lines)).withMessage("Order A-18 received").has("event_truncated"))
			.isFalse();
		assertThat(losses.truncated()).isOne();
	}

	@SuppressWarnings("unchecked")
	private TimeBasedRollingPolicy<?> policy(String stream) {
		Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
		AppenderAttachable<ILoggingEvent> async = (AppenderAttachable<ILoggingEvent>) root
			.getAppender(StructuredLogbackPipeline.WRITER_APPENDER);
		AppenderAttachable<ILoggingEvent> files = (AppenderAttachable<ILoggingEvent>) async.iteratorForAppenders().next();
		RollingFileAppender<ILoggingEvent> appender = (RollingFileAppender<ILoggingEvent>) files
			.getAppender(StructuredLogbackPipeline.FILE_APPENDER_PREFIX + stream);
		return (TimeBasedRollingPolicy<?>) appender.getRollingPolicy();
	}

	// logback keeps the cap without a getter.
	private static long totalSizeCap(TimeBasedRollingPolicy<?> policy) {
		return ((FileSize) ReflectionTestUtils.getField(policy, "totalSizeCap")).getSize();
	}

	private List<Path> files(String regex) throws IOException {
		try (Stream<Path> files = Files.list(this.logs)) {
			return files.filter((file) -> file.getFileName().toString().matches(regex)).toList();
		}
	}

}
