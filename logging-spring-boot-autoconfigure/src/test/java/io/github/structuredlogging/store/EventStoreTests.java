package io.github.structuredlogging.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ring of {@link EventStore}: bounded, newest first, counted, told to subscribers.
 */
class EventStoreTests {

	private final EventStore store = new EventStore(3);

	@Test
	void keepsTheNewestEventsUpToItsCapacity() {
		for (int i = 0; i < 5; i++) {
			add("event " + i, Level.INFO);
		}
		assertThat(messages(this.store.newestFirst((event) -> true, 10))).containsExactly("event 4", "event 3",
				"event 2");
		assertThat(this.store.size()).isEqualTo(3);
		assertThat(this.store.added()).isEqualTo(5);
		assertThat(this.store.counts().byLevel()).containsEntry("INFO", 5L);
	}

	@Test
	void filtersAndLimits() {
		add("a", Level.INFO);
		add("b", Level.ERROR);
		add("c", Level.ERROR);
		assertThat(messages(this.store.newestFirst((event) -> event.level() == Level.ERROR, 1))).containsExactly("c");
	}

	@Test
	void subscribersAreHandedEveryNewEventAndCanLeave() {
		List<String> seen = new ArrayList<>();
		Runnable unsubscribe = this.store.subscribe((event) -> seen.add(event.message()));
		add("first", Level.INFO);
		unsubscribe.run();
		add("second", Level.INFO);
		assertThat(seen).containsExactly("first");
	}

	@Test
	void countsRatesOverTheLastSeconds() {
		add("now", Level.ERROR);
		long now = System.currentTimeMillis();
		assertThat(this.store.counts().eventsWithin(now, 60)).isEqualTo(1);
		assertThat(this.store.counts().errorsWithin(now, 60)).isEqualTo(1);
		assertThat(this.store.counts().eventsWithin(now + 120_000, 60)).isZero();
	}

	private void add(String message, Level level) {
		this.store.add(new StoredEvent(this.store.nextSequence(), System.currentTimeMillis(), level, "test", "application",
				null, null, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> messages(List<StoredEvent> events) {
		return events.stream().map(StoredEvent::message).toList();
	}

}
