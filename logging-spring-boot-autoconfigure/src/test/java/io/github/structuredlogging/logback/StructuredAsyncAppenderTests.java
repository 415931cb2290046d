package io.github.structuredlogging.logback;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import io.github.structuredlogging.api.LogStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills the file queue while its writer is stuck, and checks what is dropped and what is
 * kept.
 */
class StructuredAsyncAppenderTests {

	private static final int QUEUE_SIZE = 32;

	private final LoggerContext context = new LoggerContext();

	private final StuckAppender files = new StuckAppender();

	private final DroppedEvents dropped = new DroppedEvents();

	private final Logger logger = this.context.getLogger("com.example.orders");

	@AfterEach
	void stop() {
		this.files.release();
		this.context.stop();
	}

	@Test
	void fullQueueDropsAndCountsInfoButKeepsEveryWarnErrorAndAuditEvent() throws Exception {
		StructuredAsyncAppender async = start(new StructuredAsyncAppender(this.dropped, QUEUE_SIZE,
				Duration.ofSeconds(30), Duration.ofSeconds(30)));
		this.logger.info("stuck");
		assertThat(this.files.entered.await(10, TimeUnit.SECONDS)).isTrue();
		int infos = 200;
		for (int i = 0; i < infos; i++) {
			this.logger.info("info {}", i);
		}
		assertThat(this.dropped.count()).isEqualTo(infos - QUEUE_SIZE);
		// WARN, ERROR and audit events wait for room rather than drop: log them from a
		// thread that may block, then let the writer go.
		Thread important = new Thread(() -> {
			for (int i = 0; i < 20; i++) {
				this.logger.warn("warn {}", i);
				this.logger.callAppenders(new AuditStreamEvent(this.logger, ch.qos.logback.classic.Level.INFO,
						"audit " + i, java.time.Instant.now(), java.util.Map.of(), List.of()));
			}
			this.logger.error("error");
		});
		important.start();
		// Released only once the queue is really full and the important events wait.
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> async.getRemainingCapacity() == 0 && important.getState() == Thread.State.TIMED_WAITING);
		this.files.release();
		important.join(TimeUnit.SECONDS.toMillis(30));
		assertThat(important.isAlive()).isFalse();
		async.stop();
		List<String> written = this.files.messages();
		assertThat(written).filteredOn((message) -> message.startsWith("warn")).hasSize(20);
		assertThat(written).filteredOn((message) -> message.startsWith("audit")).hasSize(20);
		assertThat(written).contains("error");
		long infosWritten = written.stream().filter((message) -> message.startsWith("info")).count();
		assertThat(infosWritten + this.dropped.count()).isEqualTo(infos);
		assertThat(this.dropped.important()).isZero();
	}

	@Test
	@Timeout(60)
	void aStalledWriterHoldsAWarnAtMostMaxWaitThenItIsDroppedCountedAndReported() {
		StructuredAsyncAppender async = start(new StructuredAsyncAppender(this.dropped, QUEUE_SIZE,
				Duration.ofSeconds(30), Duration.ofMillis(200)));
		this.logger.info("stuck");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.files.entered.getCount() == 0);
		for (int i = 0; i < QUEUE_SIZE; i++) {
			this.logger.warn("warn {}", i);
		}
		assertThat(async.getRemainingCapacity()).isZero();
		String reported = stderrOf(() -> this.logger.error("one too many"));
		assertThat(this.dropped.important()).isEqualTo(1);
		assertThat(reported).contains("structured-logging.file.async.max-wait");
		this.files.release();
		async.stop();
		assertThat(this.files.messages()).filteredOn((message) -> message.startsWith("warn")).hasSize(QUEUE_SIZE);
		assertThat(this.files.messages()).doesNotContain("one too many");
	}

	@Test
	void eventsQueuedWhenStoppingRunsOutOfTimeAndEventsLoggedAfterAreCountedAndReported() {
		StructuredAsyncAppender async = start(new StructuredAsyncAppender(this.dropped, QUEUE_SIZE,
				Duration.ofMillis(100), Duration.ofSeconds(30)));
		this.logger.info("stuck");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.files.entered.getCount() == 0);
		for (int i = 0; i < 5; i++) {
			this.logger.warn("queued {}", i);
		}
		String reported = stderrOf(async::stop);
		// The five behind the event being written.
		assertThat(this.dropped.lostAtStop()).isEqualTo(5);
		assertThat(reported).contains("structured-logging.file.async.max-flush-time");
		this.logger.warn("after stop");
		assertThat(this.dropped.lostAtStop()).isEqualTo(6);
	}

	private static String stderrOf(Runnable action) {
		PrintStream saved = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			action.run();
		}
		finally {
			System.setErr(saved);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

	@Test
	void queueWithRoomDropsNothing() {
		StructuredAsyncAppender async = start(new StructuredAsyncAppender(this.dropped, 1024, Duration.ofSeconds(30),
				Duration.ofSeconds(30)));
		this.files.release();
		for (int i = 0; i < 200; i++) {
			this.logger.info("info {}", i);
		}
		async.stop();
		assertThat(this.dropped.count()).isZero();
		assertThat(this.files.messages()).hasSize(200);
	}

	private StructuredAsyncAppender start(StructuredAsyncAppender async) {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.files.setContext(this.context);
		this.files.start();
		async.setContext(this.context);
		// As in the pipeline: the fan-out tells the writer what it has written.
		FanOutAppender fanOut = new FanOutAppender(async);
		fanOut.setContext(this.context);
		fanOut.addAppender(this.files);
		fanOut.start();
		async.addAppender(fanOut);
		async.start();
		this.logger.addAppender(async);
		return async;
	}

	/**
	 * Stands for the stream files; holds the writer thread until released.
	 */
	static final class StuckAppender extends AppenderBase<ILoggingEvent> {

		private final CountDownLatch entered = new CountDownLatch(1);

		private final CountDownLatch gate = new CountDownLatch(1);

		private final List<String> messages = new CopyOnWriteArrayList<>();

		// Stuck until released, even when stopping interrupts the writer.
		@Override
		protected void append(ILoggingEvent event) {
			this.entered.countDown();
			boolean interrupted = false;
			while (this.gate.getCount() > 0) {
				try {
					this.gate.await();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			this.messages.add(event.getFormattedMessage());
		}

		void release() {
			this.gate.countDown();
		}

		List<String> messages() {
			return this.messages;
		}

	}

}
