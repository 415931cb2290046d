package io.github.structuredlogging.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.github.structuredlogging.testing.JsonLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON console is written by the writer thread in batches: events logged while it
 * is busy reach {@code System.out} in a few writes, each line whole and in order.
 */
class JsonConsoleBatchingTests {

	private static final int EVENTS = 500;

	private final LoggerContext context = new LoggerContext();

	private final PrintStream original = System.out;

	private final GatedOutput console = new GatedOutput();

	@BeforeEach
	void redirectConsole() {
		System.setOut(new PrintStream(this.console, true, StandardCharsets.UTF_8));
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		StructuredDefaultConfigurator configurator = new StructuredDefaultConfigurator();
		configurator.setContext(this.context);
		configurator.configure(this.context);
	}

	@AfterEach
	void restoreConsole() {
		this.context.stop();
		System.setOut(this.original);
	}

	@Test
	void eventsLoggedWhileTheConsoleIsBusyAreWrittenInFewWritesWholeAndInOrder() throws Exception {
		// The first write blocks until every event is logged: the rest queue up meanwhile.
		for (int event = 1; event <= EVENTS; event++) {
			this.context.getLogger("com.example.Orders").info("Order {}", event);
		}
		this.console.open();
		// Stopping logback writes out everything queued.
		this.context.stop();
		List<String> messages = JsonLines.parse(this.console.text()).messages();
		assertThat(messages).containsExactlyElementsOf(IntStream.rangeClosed(1, EVENTS).mapToObj((event) -> "Order " + event).toList());
		assertThat(this.console.writes()).isLessThan(EVENTS / 20);
	}

	/** Counts the writes it gets; the first waits until it is opened. */
	private static final class GatedOutput extends OutputStream {

		private final CountDownLatch gate = new CountDownLatch(1);

		private final AtomicInteger writes = new AtomicInteger();

		private final List<byte[]> written = new ArrayList<>();

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			await();
			this.writes.incrementAndGet();
			byte[] copy = new byte[length];
			System.arraycopy(bytes, offset, copy, 0, length);
			this.written.add(copy);
		}

		private void await() {
			try {
				assertThat(this.gate.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void open() {
			this.gate.countDown();
		}

		int writes() {
			return this.writes.get();
		}

		synchronized String text() {
			StringBuilder text = new StringBuilder();
			this.written.forEach((bytes) -> text.append(new String(bytes, StandardCharsets.UTF_8)));
			return text.toString();
		}

	}

}
