package io.github.structuredlogging.store;

import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLongArray;

import ch.qos.logback.classic.Level;
import org.jspecify.annotations.Nullable;

/**
 * The slots of an {@link EventStore}: each event is copied into arrays and byte buffers
 * that the slots keep and reuse, so the store holds no object per event. Under load every
 * kept event would otherwise still be young at each young collection and be copied by it:
 * 10,000 kept events made those pauses three times as long.
 * <p>
 * One thread writes; any number read without locking. Each slot carries the sequence of
 * the event in it, {@link #WRITING} while it is rewritten: a reader that finds the same
 * sequence before and after copying a slot has a whole event, otherwise the event was
 * overwritten and is gone, as it would be from any ring.
 */
final class EventRing {

	private static final long WRITING = -1;

	// Buffers are sized in steps of this many bytes, and replaced when a line needs more
	// or would leave most of one unused.
	private static final int BUFFER_STEP = 256;

	private static final int NONE = -1;

	private final AtomicLongArray sequences;

	private final long[] timestamps;

	private final Level[] levels;

	private final String[] loggers;

	private final String[] streams;

	// The line, then the correlation ID and the trace ID, in UTF-8.
	private final byte[][] buffers;

	private final int[] lineLengths;

	private final int[] correlationIdLengths;

	private final int[] traceIdLengths;

	EventRing(int capacity) {
		this.sequences = new AtomicLongArray(capacity);
		for (int i = 0; i < capacity; i++) {
			this.sequences.set(i, WRITING);
		}
		this.timestamps = new long[capacity];
		this.levels = new Level[capacity];
		this.loggers = new String[capacity];
		this.streams = new String[capacity];
		this.buffers = new byte[capacity][];
		this.lineLengths = new int[capacity];
		this.correlationIdLengths = new int[capacity];
		this.traceIdLengths = new int[capacity];
	}

	int capacity() {
		return this.sequences.length();
	}

	/**
	 * Copy an event into its slot. Only ever called by one thread at a time.
	 * @param event the event
	 */
	void put(StoredEvent event) {
		int slot = slot(event.sequence());
		byte[] correlationId = utf8(event.correlationId());
		byte[] traceId = utf8(event.traceId());
		int line = event.json().length;
		int needed = line + length(correlationId) + length(traceId);
		this.sequences.set(slot, WRITING);
		// The fields below must not be seen changing before the slot is marked.
		VarHandle.storeStoreFence();
		byte[] buffer = this.buffers[slot];
		if (buffer == null || buffer.length < needed || buffer.length > 4 * Math.max(needed, BUFFER_STEP)) {
			buffer = new byte[(needed + BUFFER_STEP - 1) / BUFFER_STEP * BUFFER_STEP];
			this.buffers[slot] = buffer;
		}
		System.arraycopy(event.json(), 0, buffer, 0, line);
		this.lineLengths[slot] = line;
		this.correlationIdLengths[slot] = copy(correlationId, buffer, line);
		this.traceIdLengths[slot] = copy(traceId, buffer, line + length(correlationId));
		this.timestamps[slot] = event.timestamp();
		this.levels[slot] = event.level();
		this.loggers[slot] = event.logger();
		this.streams[slot] = event.stream();
		this.sequences.setRelease(slot, event.sequence());
	}

	/**
	 * Return a copy of the event with the given sequence, if it is still in the ring.
	 * @param sequence the event's sequence
	 * @return the event, or {@code null} when it has been overwritten
	 */
	@Nullable StoredEvent get(long sequence) {
		int slot = slot(sequence);
		if (this.sequences.getAcquire(slot) != sequence) {
			return null;
		}
		byte[] buffer = this.buffers[slot];
		int line = this.lineLengths[slot];
		int correlationId = this.correlationIdLengths[slot];
		int traceId = this.traceIdLengths[slot];
		long timestamp = this.timestamps[slot];
		Level level = this.levels[slot];
		String logger = this.loggers[slot];
		String stream = this.streams[slot];
		// What was read above may be torn by a writer that started meanwhile: checked below
		// before any of it is used, and copied within the buffer's bounds until then.
		int lineEnd = Math.min(line, buffer.length);
		byte[] json = new byte[lineEnd];
		System.arraycopy(buffer, 0, json, 0, lineEnd);
		String correlation = text(buffer, lineEnd, correlationId);
		String trace = text(buffer, lineEnd + Math.max(0, correlationId), traceId);
		VarHandle.acquireFence();
		if (this.sequences.get(slot) != sequence) {
			return null;
		}
		return new StoredEvent(sequence, timestamp, level, logger, stream, correlation, trace, json);
	}

	/**
	 * Return the heap the slots take, buffers included.
	 * @return the size in bytes
	 */
	long footprint() {
		// Per slot: a sequence, a timestamp, four references, three lengths and a buffer's header.
		long bytes = (long) capacity() * (8 + 8 + 4 * 4 + 3 * 4 + 16);
		for (int i = 0; i < capacity(); i++) {
			byte[] buffer = this.buffers[i];
			bytes += (buffer != null) ? buffer.length : 0;
		}
		return bytes;
	}

	private int slot(long sequence) {
		return (int) (sequence % capacity());
	}

	private static byte @Nullable [] utf8(@Nullable String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : null;
	}

	private static int length(byte @Nullable [] bytes) {
		return (bytes != null) ? bytes.length : 0;
	}

	private static int copy(byte @Nullable [] bytes, byte[] buffer, int offset) {
		if (bytes == null) {
			return NONE;
		}
		System.arraycopy(bytes, 0, buffer, offset, bytes.length);
		return bytes.length;
	}

	private static @Nullable String text(byte[] buffer, int offset, int length) {
		// NONE, or a length torn by a writer.
		if (length < 0 || offset + length > buffer.length) {
			return null;
		}
		return new String(buffer, offset, length, StandardCharsets.UTF_8);
	}

}
