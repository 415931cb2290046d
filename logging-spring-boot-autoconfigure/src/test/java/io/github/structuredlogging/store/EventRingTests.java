package io.github.structuredlogging.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slots behind {@link EventStore}: events come back whole, as they went in, while one
 * thread keeps overwriting them.
 */
class EventRingTests {

	@Test
	void returnsTheEventAsItWasPut() {
		EventRing ring = new EventRing(4);
		StoredEvent event = event(0, "{\"message\":\"hello\"}", "order-42", "4bf92f3577b34da6a3ce929d0e0e4736");
		ring.put(event);
		StoredEvent read = ring.get(0);
		assertThat(read).isNotNull();
		assertThat(read.sequence()).isZero();
		assertThat(read.timestamp()).isEqualTo(event.timestamp());
		assertThat(read.level()).isEqualTo(Level.WARN);
		assertThat(read.logger()).isEqualTo("com.example.Orders");
		assertThat(read.stream()).isEqualTo("application");
		assertThat(read.correlationId()).isEqualTo("order-42");
		assertThat(read.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(read.jsonText()).isEqualTo("{\"message\":\"hello\"}");
	}

	@Test
	void keepsMissingIdsMissingAndAnyTextInIds() {
		EventRing ring = new EventRing(2);
		ring.put(event(0, "{\"message\":\"naïve ✓\"}", null, null));
		ring.put(event(1, "{}", "Bestellung-ä-✓", ""));
		assertThat(ring.get(0).correlationId()).isNull();
		assertThat(ring.get(0).traceId()).isNull();
		assertThat(ring.get(0).message()).isEqualTo("naïve ✓");
		assertThat(ring.get(1).correlationId()).isEqualTo("Bestellung-ä-✓");
		assertThat(ring.get(1).traceId()).isEmpty();
	}

	@Test
	void forgetsOverwrittenEvents() {
		EventRing ring = new EventRing(2);
		for (int i = 0; i < 3; i++) {
			ring.put(event(i, "{\"n\":" + i + "}", null, null));
		}
		assertThat(ring.get(0)).isNull();
		assertThat(ring.get(1).jsonText()).isEqualTo("{\"n\":1}");
		assertThat(ring.get(2).jsonText()).isEqualTo("{\"n\":2}");
		assertThat(ring.get(3)).isNull();
	}

	@Test
	void reusesItsBuffersAndGivesBackTheRoomOfALargeLine() {
		EventRing ring = new EventRing(1);
		ring.put(event(0, "x".repeat(100), null, null));
		long small = ring.footprint();
		ring.put(event(1, "x".repeat(200), "id", null));
		assertThat(ring.footprint()).isEqualTo(small);
		ring.put(event(2, "x".repeat(1_000_000), null, null));
		assertThat(ring.footprint()).isGreaterThan(1_000_000);
		ring.put(event(3, "x".repeat(100), null, null));
		assertThat(ring.footprint()).isEqualTo(small);
		assertThat(ring.get(3).jsonText()).hasSize(100);
	}

	@Test
	void readersNeverSeeAnEventTornByTheWriter() throws Exception {
		EventRing ring = new EventRing(8);
		AtomicLong written = new AtomicLong();
		AtomicBoolean writing = new AtomicBoolean(true);
		// Lines of changing length, each naming its own sequence in every field.
		Thread writer = new Thread(() -> {
			for (long sequence = 0; sequence < 300_000; sequence++) {
				String id = "id-" + sequence;
				ring.put(event(sequence, "{\"n\":\"" + String.valueOf(sequence).repeat(1 + (int) (sequence % 40)) + "\"}",
						id, id + "-trace"));
				written.set(sequence + 1);
			}
			writing.set(false);
		});
		List<String> torn = new ArrayList<>();
		long[] whole = new long[1];
		Thread reader = new Thread(() -> {
			while (writing.get()) {
				long end = written.get();
				for (long sequence = Math.max(0, end - 8); sequence < end; sequence++) {
					StoredEvent event = ring.get(sequence);
					if (event == null) {
						continue;
					}
					String expected = "{\"n\":\"" + String.valueOf(sequence).repeat(1 + (int) (sequence % 40)) + "\"}";
					if (!expected.equals(event.jsonText()) || !("id-" + sequence).equals(event.correlationId())
							|| !("id-" + sequence + "-trace").equals(event.traceId()) || event.timestamp() != sequence) {
						torn.add(sequence + ": " + event.jsonText() + " " + event.correlationId());
					}
					whole[0]++;
				}
			}
		});
		writer.start();
		reader.start();
		writer.join();
		reader.join();
		assertThat(torn).isEmpty();
		assertThat(whole[0]).isPositive();
	}

	private static StoredEvent event(long sequence, String json, String correlationId, String traceId) {
		return new StoredEvent(sequence, sequence, Level.WARN, "com.example.Orders", "application", correlationId,
				traceId, json.getBytes(StandardCharsets.UTF_8));
	}

}
