package io.github.structuredlogging.shipping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.util.FileSize;
import io.github.structuredlogging.logback.HoldingRollingPolicy;
import io.github.structuredlogging.logback.RetentionHold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of {@code application.json}'s rolled files, by logback's own size cap, while
 * a shipper's registry says it has not shipped them.
 */
class UnshippedRetentionTests {

	@TempDir
	Path logs;

	@Test
	void theSizeCapRemovesOldRolledFilesWhenNoShipperNeedsThem() throws IOException {
		RetentionHold hold = hold();
		write(hold, 0, 3000);
		assertThat(firstNumbers()).doesNotContain(0);
		assertThat(hold.held("elasticsearch")).isZero();
	}

	@Test
	void filesAShipperHasNotShippedAreKeptPastTheCapAndRemovedOnceShipped() throws IOException {
		RetentionHold hold = hold();
		write(hold, 0, 10);
		// The shipper stopped after the first line: everything from its file on is unshipped.
		PositionRegistry registry = PositionRegistry.load(this.logs, "elasticsearch");
		registry.save(new ReadPosition(RolledFiles.head(this.logs.resolve("application.json")), 80));
		write(hold, 10, 3000);
		List<Integer> kept = firstNumbers();
		assertThat(kept).contains(0);
		assertThat(rolledBytes()).as("held past the 60 KB cap").isGreaterThan(120_000);
		// Counted at the last clean-up, which may have run while the newest file was being gzipped.
		assertThat(hold.held("elasticsearch")).isPositive().isLessThanOrEqualTo(kept.size());
		// Shipped up to the active file: the next clean-up (here, at start) removes what it held.
		registry.save(new ReadPosition(RolledFiles.head(this.logs.resolve("application.json")), 0));
		write(hold, 3000, 3010);
		assertThat(firstNumbers()).doesNotContain(0);
		assertThat(rolledBytes()).isLessThan(100_000);
		assertThat(hold.held("elasticsearch")).isZero();
	}

	@Test
	void aRegistryNotSavedForLongerThanTheHistoryHoldsNothing() throws IOException {
		RetentionHold hold = new RetentionHold("application",
				new UnshippedFiles(this.logs, "application", Duration.ofDays(30), Clock.offset(Clock.systemUTC(),
						Duration.ofDays(31))));
		write(hold, 0, 10);
		PositionRegistry.load(this.logs, "removed-shipper")
			.save(new ReadPosition(RolledFiles.head(this.logs.resolve("application.json")), 80));
		write(hold, 10, 3000);
		assertThat(firstNumbers()).doesNotContain(0);
	}

	private RetentionHold hold() {
		return new RetentionHold("application",
				new UnshippedFiles(this.logs, "application", Duration.ofDays(30), Clock.systemUTC()));
	}

	// Each run is a start and a stop of the application: a clean-up at start, one after
	// each rollover, and the stop waits for them.
	private void write(RetentionHold hold, int from, int to) {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		Logger logger = context.getLogger("rolling");
		logger.addAppender(appender(context, hold));
		try {
			for (int i = from; i < to; i++) {
				// Random, so that the gzipped files keep some size.
				logger.info("{\"n\":" + i + ",\"padding\":\"" + UUID.randomUUID() + UUID.randomUUID() + UUID.randomUUID()
						+ UUID.randomUUID() + "\"}");
			}
		}
		finally {
			context.stop();
		}
		awaitCompressed();
	}

	// logback gzips rolled files on a thread of its own: read the directory once it is done.
	private void awaitCompressed() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (Stream<Path> files = Files.list(this.logs)) {
				if (files.noneMatch((file) -> file.getFileName().toString().endsWith(".tmp"))) {
					return;
				}
				Thread.sleep(20);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private RollingFileAppender<ILoggingEvent> appender(LoggerContext context, RetentionHold hold) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%msg%n");
		encoder.start();
		RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
		appender.setContext(context);
		appender.setFile(this.logs.resolve("application.json").toString());
		appender.setEncoder(encoder);
		HoldingRollingPolicy<ILoggingEvent> policy = new HoldingRollingPolicy<>();
		policy.setContext(context);
		policy.setParent(appender);
		policy.setFileNamePattern(this.logs.resolve("application.%d{yyyy-MM-dd}.%i.json.gz").toString());
		policy.setMaxFileSize(FileSize.valueOf("40KB"));
		policy.setMaxHistory(30);
		policy.setTotalSizeCap(FileSize.valueOf("60KB"));
		policy.setCleanHistoryOnStart(true);
		policy.setHold(hold);
		appender.setRollingPolicy(policy);
		policy.start();
		appender.start();
		return appender;
	}

	// The first event number of each rolled file left.
	private List<Integer> firstNumbers() throws IOException {
		return RolledFiles.of(this.logs, "application").stream().map((file) -> {
			try (InputStream in = RolledFiles.open(file.file())) {
				String first = new String(in.readNBytes(20), StandardCharsets.UTF_8);
				return Integer.parseInt(first.substring("{\"n\":".length(), first.indexOf(',')));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	private long rolledBytes() throws IOException {
		try (Stream<Path> files = Files.list(this.logs)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json.gz")).mapToLong((file) -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).sum();
		}
	}

}
