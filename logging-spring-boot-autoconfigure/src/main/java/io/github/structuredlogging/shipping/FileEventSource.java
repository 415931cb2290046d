package io.github.structuredlogging.shipping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.github.structuredlogging.api.LogStreams;
import io.github.structuredlogging.logback.RetentionHold;
import org.jspecify.annotations.Nullable;

/**
 * Events read back from the {@code application} stream file, which holds every line of
 * every stream, from where the shipper's registry says the last shipped batch ended.
 */
final class FileEventSource implements EventSource {

	private final PositionRegistry registry;

	private final StreamFileTail tail;

	private final long lostFiles;

	private final @Nullable RetentionHold hold;

	private FileEventSource(PositionRegistry registry, StreamFileTail.Opened opened, @Nullable RetentionHold hold) {
		this.registry = registry;
		this.tail = opened.tail();
		this.lostFiles = opened.positionFound() ? 0 : 1;
		this.hold = hold;
	}

	/**
	 * Open the source of a shipper.
	 * @param directory the log directory
	 * @param shipper the shipper's name, which names its registry
	 * @param hold what retention keeps for the shippers, {@code null} for nothing
	 * @return the source
	 * @throws IOException when the directory or the registry cannot be read
	 */
	static FileEventSource open(Path directory, String shipper, @Nullable RetentionHold hold) throws IOException {
		PositionRegistry registry = PositionRegistry.load(directory, shipper);
		if (registry.position().head().isEmpty()) {
			// Saved at once: retention holds the file from now on, not from the first batch.
			String head = RolledFiles.head(directory.resolve(LogStreams.APPLICATION + ".json"));
			if (head != null) {
				registry.save(new ReadPosition(head, 0));
			}
		}
		return new FileEventSource(registry, StreamFileTail.open(directory, LogStreams.APPLICATION,
				registry.position(), registry.savedAt()), hold);
	}

	@Override
	public List<ShippingEvent> poll(int max) throws IOException {
		return this.tail.read(max);
	}

	@Override
	public void shipped(List<ShippingEvent> batch) throws IOException {
		if (!batch.isEmpty()) {
			ReadPosition end = batch.get(batch.size() - 1).end();
			if (end != null) {
				this.registry.save(end);
			}
		}
	}

	@Override
	public Backlog backlog() {
		int held = (this.hold != null) ? this.hold.held(this.registry.shipper()) : 0;
		return new Backlog(0, this.tail.bytesBehind(), this.lostFiles + this.tail.cutLines(), held);
	}

	@Override
	public void close() throws IOException {
		this.tail.close();
	}

}
