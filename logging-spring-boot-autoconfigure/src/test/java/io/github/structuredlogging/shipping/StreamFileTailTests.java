package io.github.structuredlogging.shipping;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a stream file as logback writes and rolls it.
 */
class StreamFileTailTests {

	@TempDir
	Path logs;

	@Test
	void completeLinesOnlyAndEachWithThePositionAfterIt() throws IOException {
		append("application.json", "{\"n\":1}\n{\"n\":2}\n{\"n\":");
		try (StreamFileTail tail = open(ReadPosition.START)) {
			List<ShippingEvent> first = tail.read(100);
			assertThat(texts(first)).containsExactly("{\"n\":1}", "{\"n\":2}");
			assertThat(first.get(1).end().offset()).isEqualTo(16);
			append("application.json", "3}\n");
			assertThat(texts(tail.read(100))).containsExactly("{\"n\":3}");
			assertThat(tail.read(100)).isEmpty();
		}
	}

	@Test
	void followsTheFileAcrossARolloverAndReadsTheOldFileToItsEnd() throws IOException {
		append("application.json", "{\"n\":1}\n");
		try (StreamFileTail tail = open(ReadPosition.START)) {
			assertThat(texts(tail.read(100))).containsExactly("{\"n\":1}");
			// Written after the last read, then rolled away: still read before the new file.
			append("application.json", "{\"n\":2}\n");
			Files.move(this.logs.resolve("application.json"),
					this.logs.resolve("application.2026-11-22.0.json123.tmp"));
			append("application.json", "{\"n\":3}\n");
			assertThat(texts(tail.read(100))).containsExactly("{\"n\":2}", "{\"n\":3}");
		}
	}

	@Test
	void aSavedPositionInAGzippedRolledFileGoesOnThereThenThroughEveryNewerFile() throws IOException {
		gzip("application.2026-11-22.0.json.gz", "{\"n\":1}\n{\"n\":2}\n");
		gzip("application.2026-11-22.1.json.gz", "{\"n\":3}\n");
		append("application.json", "{\"n\":4}\n");
		ReadPosition afterFirst = new ReadPosition(RolledFiles.digest("{\"n\":1}".getBytes(StandardCharsets.UTF_8)), 8);
		try (StreamFileTail tail = open(afterFirst)) {
			assertThat(texts(tail.read(100))).containsExactly("{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
		}
	}

	@Test
	void rolledFilesOlderThanTheActiveFileAreNotReadWhenStartingInIt() throws IOException {
		gzip("application.2026-11-20.0.json.gz", "{\"n\":-1}\n");
		append("application.json", "{\"n\":1}\n");
		try (StreamFileTail tail = open(ReadPosition.START)) {
			assertThat(texts(tail.read(100))).containsExactly("{\"n\":1}");
			Files.move(this.logs.resolve("application.json"), this.logs.resolve("application.2026-11-22.0.json"));
			append("application.json", "{\"n\":2}\n");
			assertThat(texts(tail.read(100))).containsExactly("{\"n\":2}");
		}
	}

	@Test
	void aPositionWhoseFileRetentionRemovedIsReportedAndTheActiveFileIsRead() throws IOException {
		append("application.json", "{\"n\":9}\n");
		StreamFileTail.Opened opened = StreamFileTail.open(this.logs, "application", new ReadPosition("0123456789abcdef", 40),
				System.currentTimeMillis() + 60_000);
		try (StreamFileTail tail = opened.tail()) {
			assertThat(opened.positionFound()).isFalse();
			assertThat(texts(tail.read(100))).containsExactly("{\"n\":9}");
		}
	}

	@Test
	void aFileCreatedLaterIsPickedUp() throws IOException {
		try (StreamFileTail tail = open(ReadPosition.START)) {
			assertThat(tail.read(100)).isEmpty();
			append("application.json", "{\"n\":1}\n");
			assertThat(texts(tail.read(100))).containsExactly("{\"n\":1}");
		}
	}

	@Test
	void readsEveryLineInOrderWhileLogbackRollsAndGzipsTheFile() throws Exception {
		LoggerContext context = new LoggerContext();
		Logger logger = rollingLogger(context);
		List<Integer> read = new ArrayList<>();
		try (StreamFileTail tail = open(ReadPosition.START)) {
			for (int i = 0; i < 20_000; i++) {
				logger.info("{\"n\":" + i + ",\"padding\":\"" + "p".repeat(100) + "\"}");
				if (i % 500 == 0) {
					tail.read(100_000).forEach((event) -> read.add(event.json().path("n").asInt()));
				}
			}
			long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
			while (read.size() < 20_000 && System.nanoTime() < deadline) {
				tail.read(100_000).forEach((event) -> read.add(event.json().path("n").asInt()));
				Thread.sleep(20);
			}
		}
		finally {
			context.stop();
		}
		assertThat(read).as(() -> context.getStatusManager().getCopyOfStatusList().toString()).hasSize(20_000);
		assertThat(read).isSorted();
		try (var files = Files.list(this.logs)) {
			assertThat(files.filter((file) -> file.getFileName().toString().endsWith(".json.gz")).count())
				.isGreaterThan(3);
		}
	}

	@Test
	void restartsFromASavedPositionInAFileThatWasRolledAndGzippedMeanwhile() throws Exception {
		LoggerContext context = new LoggerContext();
		Logger logger = rollingLogger(context);
		List<Integer> read = new ArrayList<>();
		ReadPosition saved;
		try {
			for (int i = 0; i < 10; i++) {
				logger.info("{\"n\":" + i + "}");
			}
			try (StreamFileTail tail = open(ReadPosition.START)) {
				List<ShippingEvent> first = tail.read(5);
				first.forEach((event) -> read.add(event.json().path("n").asInt()));
				saved = first.get(4).end();
			}
			for (int i = 10; i < 10_000; i++) {
				logger.info("{\"n\":" + i + ",\"padding\":\"" + "p".repeat(100) + "\"}");
			}
		}
		finally {
			context.stop();
		}
		// Reopened while a second context writes on, rolling files the tail has not reached.
		LoggerContext second = new LoggerContext();
		Logger more = rollingLogger(second);
		try (StreamFileTail tail = open(saved)) {
			tail.read(100).forEach((event) -> read.add(event.json().path("n").asInt()));
			for (int i = 10_000; i < 20_000; i++) {
				more.info("{\"n\":" + i + ",\"padding\":\"" + "p".repeat(100) + "\"}");
			}
			second.stop();
			List<ShippingEvent> rest;
			while (!(rest = tail.read(100_000)).isEmpty()) {
				rest.forEach((event) -> read.add(event.json().path("n").asInt()));
			}
		}
		assertThat(read).hasSize(20_000).isSorted();
	}

	// A logger writing each message as a line to application.json, rolled at 200 KB and gzipped.
	private Logger rollingLogger(LoggerContext context) {
		context.setMDCAdapter(new LogbackMDCAdapter());
		Logger logger = context.getLogger("rolling");
		logger.addAppender(rollingAppender(context));
		return logger;
	}

	private RollingFileAppender<ILoggingEvent> rollingAppender(LoggerContext context) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%msg%n");
		encoder.start();
		RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
		appender.setContext(context);
		appender.setFile(this.logs.resolve("application.json").toString());
		appender.setEncoder(encoder);
		SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
		policy.setContext(context);
		policy.setParent(appender);
		policy.setFileNamePattern(this.logs.resolve("application.%d{yyyy-MM-dd}.%i.json.gz").toString());
		policy.setMaxFileSize(FileSize.valueOf("200KB"));
		appender.setRollingPolicy(policy);
		policy.start();
		appender.start();
		return appender;
	}

	private StreamFileTail open(ReadPosition position) throws IOException {
		return StreamFileTail.open(this.logs, "application", position, 0).tail();
	}

	private void append(String file, String text) throws IOException {
		Files.writeString(this.logs.resolve(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private void gzip(String file, String text) throws IOException {
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(this.logs.resolve(file)))) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static List<String> texts(List<ShippingEvent> events) {
		List<String> texts = new ArrayList<>();
		events.forEach((event) -> texts.add(event.text()));
		return texts;
	}

}
