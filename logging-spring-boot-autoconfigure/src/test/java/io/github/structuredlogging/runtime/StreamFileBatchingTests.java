package io.github.structuredlogging.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.github.structuredlogging.json.JsonLayout;
import io.github.structuredlogging.json.ServiceIdentity;
import io.github.structuredlogging.json.StackTraceOptions;
import io.github.structuredlogging.logback.ConsoleFormat;
import io.github.structuredlogging.logback.StreamFile;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stream files are written once per batch, like the console: a line is in its file as
 * soon as the writer has caught up, without anyone flushing, and every line of a burst is
 * there, whole and in order, once logging stops.
 */
class StreamFileBatchingTests {

	private static final int EVENTS = 2000;

	@TempDir
	Path logs;

	private final LoggerContext context = new LoggerContext();

	private Logger logger;

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@Test
	void aLineIsInItsFileOnceTheWriterHasCaughtUp() {
		start();
		this.logger.info("Order 1 placed");
		await().atMost(2, TimeUnit.SECONDS)
			.until(() -> Files.exists(file()) && Files.readString(file()).contains("Order 1 placed"));
	}

	@Test
	void aBurstIsWrittenWholeAndInOrder() {
		start();
		for (int event = 1; event <= EVENTS; event++) {
			this.logger.info("Order {} placed", event);
		}
		this.context.stop();
		assertThat(JsonLines.read(file()).messages())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, EVENTS).mapToObj((event) -> "Order " + event + " placed")
				.toList());
	}

	private void start() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		StreamFile application = new StreamFile("application", DataSize.ofMegabytes(100), 1, DataSize.ofBytes(0),
				false);
		PipelineSettings settings = new PipelineSettings(false, ConsoleFormat.JSON, JsonLayout.DEFAULT,
				new ServiceIdentity("orders", null, "test", "host"), new StackTraceOptions(false, 64, 16384, List.of()),
				this.logs, List.of(application), 8192, Duration.ofSeconds(10), Duration.ofSeconds(10), null, 100,
				(int) PipelineSettings.DEFAULT_MAX_EVENT_SIZE.toBytes(), null);
		new StructuredLogbackPipeline(this.context, settings).attach(null);
		this.logger = this.context.getLogger("com.example.Orders");
	}

	private Path file() {
		return this.logs.resolve("application.json");
	}

}
