package io.github.structuredlogging.shipping;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the complete lines of a stream file as they are written, and goes on across its
 * rollovers, the way Filebeat follows a file: the file being read stays open when logback
 * renames it, is read to its end, and only then is the new file opened. Started from a
 * saved {@link ReadPosition}, it finds the file that position names among the active and
 * the rolled files (gzipped or not), and reads every newer file after it.
 */
final class StreamFileTail implements Closeable {

	private static final int CHUNK = 64 * 1024;

	private final Path active;

	private final Path directory;

	private final String stream;

	// The files read, by the digest of their first line: a file read while it was active
	// is found again among the rolled files, and must not be read twice.
	private final Set<String> read = Collections.newSetFromMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > 1000;
		}

	});

	private RolledFiles.@Nullable Rolled lastRolled;

	private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

	private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

	private @Nullable InputStream rolled;

	private @Nullable FileChannel channel;

	private @Nullable Object activeKey;

	private long channelRead;

	private boolean rolloverSeen;

	private String head;

	private long offset;

	private long cutLines;

	private StreamFileTail(Path directory, String stream, String head, long offset) {
		this.directory = directory;
		this.stream = stream;
		this.active = directory.resolve(stream + ".json");
		this.head = head;
		this.offset = offset;
		this.chunk.limit(0);
		if (!head.isEmpty()) {
			this.read.add(head);
		}
	}

	/**
	 * Start reading a stream's file from a saved position.
	 * @param directory the log directory
	 * @param stream the stream, such as {@code application}
	 * @param from the saved position, {@link ReadPosition#START} for none
	 * @param savedAt when the position was saved, in epoch milliseconds
	 * @return the tail, and whether the position's file was found
	 * @throws IOException when the directory cannot be read
	 */
	static Opened open(Path directory, String stream, ReadPosition from, long savedAt) throws IOException {
		Path active = directory.resolve(stream + ".json");
		List<RolledFiles.Rolled> rolled = RolledFiles.of(directory, stream);
		if (from.head().isEmpty() || from.head().equals(RolledFiles.head(active))) {
			StreamFileTail tail = new StreamFileTail(directory, stream, from.head(), from.offset());
			// What rolled before the active file was written is not this tail's to read.
			tail.lastRolled = rolled.isEmpty() ? null : rolled.get(rolled.size() - 1);
			tail.openActive(from.offset());
			return new Opened(tail, true);
		}
		for (RolledFiles.Rolled file : rolled) {
			if (from.head().equals(RolledFiles.head(file.file()))) {
				StreamFileTail tail = new StreamFileTail(directory, stream, from.head(), from.offset());
				tail.lastRolled = file;
				tail.openRolled(file.file(), from.offset());
				return new Opened(tail, true);
			}
		}
		// The file the position was in is gone (retention removed it): the files rolled
		// after the position was saved are still read.
		StreamFileTail tail = new StreamFileTail(directory, stream, "", 0);
		for (RolledFiles.Rolled file : rolled) {
			if (Files.getLastModifiedTime(file.file()).toMillis() < savedAt) {
				tail.lastRolled = file;
			}
		}
		tail.next();
		return new Opened(tail, false);
	}

	/**
	 * Return the complete lines written since the last call, up to a number.
	 * @param maxLines the most lines to return
	 * @return the lines, each with the position after it; empty when nothing new is
	 * complete
	 * @throws IOException when the file cannot be read
	 */
	List<ShippingEvent> read(int maxLines) throws IOException {
		List<ShippingEvent> events = new ArrayList<>();
		while (events.size() < maxLines) {
			if (this.chunk.hasRemaining()) {
				takeLine(events);
				continue;
			}
			this.chunk.clear();
			int read = fill();
			this.chunk.flip();
			if (read > 0) {
				continue;
			}
			if (!endOfSegment()) {
				break;
			}
		}
		return events;
	}

	/**
	 * Return the position after the last line returned.
	 * @return the position
	 */
	ReadPosition position() {
		return new ReadPosition(this.head, this.offset);
	}

	/**
	 * Return about how many bytes are written but not yet read, without reading any
	 * file: reported with every statistics, health and meter read.
	 * @return the bytes behind: the rest of the file being read, or, while rolled files
	 * are read, the newer rolled files and the active file
	 */
	long bytesBehind() {
		try {
			FileChannel channel = this.channel;
			if (channel != null) {
				// The file being read, even once renamed: what a reader that keeps up is behind.
				return Math.max(0, channel.size() - this.channelRead);
			}
			// Reading rolled files: the newer ones and the active file are all still ahead.
			long behind = Files.exists(this.active) ? Files.size(this.active) : 0;
			for (RolledFiles.Rolled file : RolledFiles.of(this.directory, this.stream)) {
				if (file.after(this.lastRolled)) {
					behind += Files.size(file.file());
				}
			}
			return behind;
		}
		catch (IOException ex) {
			// Being rolled: the figure is for a moment anyway.
			return 0;
		}
	}

	/**
	 * Return how many lines were found cut short at the end of a rolled file (a crash
	 * while writing) and skipped.
	 * @return the count
	 */
	long cutLines() {
		return this.cutLines;
	}

	@Override
	public void close() throws IOException {
		closeSegment();
	}

	private void takeLine(List<ShippingEvent> events) {
		byte[] array = this.chunk.array();
		int start = this.chunk.position();
		int end = this.chunk.limit();
		for (int i = start; i < end; i++) {
			if (array[i] == '\n') {
				byte[] line;
				if (this.partial.size() == 0) {
					line = Arrays.copyOfRange(array, start, i);
				}
				else {
					this.partial.write(array, start, i - start);
					line = this.partial.toByteArray();
					this.partial.reset();
				}
				this.chunk.position(i + 1);
				if (this.offset == 0) {
					this.head = RolledFiles.digest(line);
					this.read.add(this.head);
				}
				this.offset += line.length + 1;
				events.add(new ShippingEvent(line, new ReadPosition(this.head, this.offset)));
				return;
			}
		}
		this.partial.write(array, start, end - start);
		this.chunk.position(end);
	}

	private int fill() throws IOException {
		if (this.rolled != null) {
			int read = this.rolled.read(this.chunk.array(), 0, CHUNK);
			if (read > 0) {
				this.chunk.position(read);
			}
			return read;
		}
		if (this.channel != null) {
			int read = this.channel.read(this.chunk, this.channelRead);
			if (read > 0) {
				this.channelRead += read;
			}
			return read;
		}
		return -1;
	}

	// At the end of what is written: a rolled file is done; the active file is done only
	// once it has been rolled away and read once more after that was seen.
	private boolean endOfSegment() throws IOException {
		if (this.rolled == null && this.channel == null) {
			openActive(0);
			return this.channel != null;
		}
		if (this.channel != null) {
			if (!this.rolloverSeen) {
				this.rolloverSeen = rolledAway();
				return this.rolloverSeen;
			}
		}
		if (this.partial.size() > 0) {
			this.cutLines++;
			this.partial.reset();
		}
		next();
		return true;
	}

	private boolean rolledAway() throws IOException {
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.active, BasicFileAttributes.class);
			Object key = attributes.fileKey();
			if (key != null && this.activeKey != null) {
				return !key.equals(this.activeKey);
			}
			return attributes.size() < this.channelRead;
		}
		catch (NoSuchFileException ex) {
			// Renamed, and its successor not created yet.
			return false;
		}
	}

	// The next file: the oldest rolled file newer than the last one read that was not
	// read while it was active, found anew each time, since files roll while earlier ones
	// are read; else the active file.
	private void next() throws IOException {
		closeSegment();
		this.head = "";
		this.offset = 0;
		for (RolledFiles.Rolled file : RolledFiles.of(this.directory, this.stream)) {
			if (file.after(this.lastRolled)) {
				String head = RolledFiles.head(file.file());
				if (head == null && !Files.exists(file.file())) {
					// Compressed and removed while listed: its .gz is listed next time.
					next();
					return;
				}
				this.lastRolled = file;
				if (head != null && this.read.add(head)) {
					this.head = head;
					openRolled(file.file(), 0);
					return;
				}
			}
		}
		openActive(0);
	}

	private void openRolled(Path file, long skip) throws IOException {
		InputStream in = RolledFiles.open(file);
		in.skipNBytes(skip);
		this.rolled = in;
	}

	private void openActive(long from) throws IOException {
		try {
			// The key is read before and after opening: a rollover in between would leave
			// the channel on the old file under the new file's key.
			Object before = Files.readAttributes(this.active, BasicFileAttributes.class).fileKey();
			FileChannel opened = FileChannel.open(this.active, StandardOpenOption.READ);
			Object after = Files.readAttributes(this.active, BasicFileAttributes.class).fileKey();
			if (before != null && !before.equals(after)) {
				opened.close();
				openActive(from);
				return;
			}
			this.activeKey = after;
			this.channel = opened;
		}
		catch (NoSuchFileException ex) {
			// Not created yet: the next read tries again.
			this.channel = null;
		}
		this.channelRead = from;
		this.rolloverSeen = false;
	}

	private void closeSegment() throws IOException {
		try {
			if (this.rolled != null) {
				this.rolled.close();
			}
			if (this.channel != null) {
				this.channel.close();
			}
		}
		finally {
			this.rolled = null;
			this.channel = null;
			this.partial.reset();
			this.chunk.clear().flip();
		}
	}

	/**
	 * A tail, and whether the position it started from was found.
	 *
	 * @param tail the tail
	 * @param positionFound {@code false} when the file the position named was removed
	 * before it was read to its end
	 */
	record Opened(StreamFileTail tail, boolean positionFound) {

	}

}
