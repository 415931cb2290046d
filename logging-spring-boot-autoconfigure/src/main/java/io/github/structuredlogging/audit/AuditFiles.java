package io.github.structuredlogging.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit stream's files in a log directory, oldest first: the rolled ones by date and
 * index, then the active {@code audit.json}.
 */
public final class AuditFiles {

	private static final Pattern ROLLED = Pattern.compile("audit\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.json(\\.gz)?");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	// Anchors are written on start and on every rotation: the newest is in the last files.
	private static final int ANCHOR_SEARCH_FILES = 2;

	private AuditFiles() {
	}

	/**
	 * Return the audit files of a directory, oldest first.
	 * @param directory the log directory
	 * @return the files, empty when there are none
	 */
	public static List<Path> inOrder(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try (Stream<Path> entries = Files.list(directory)) {
			entries.filter((file) -> ROLLED.matcher(file.getFileName().toString()).matches())
				.sorted(Comparator.comparing(AuditFiles::date).thenComparingInt(AuditFiles::index))
				.forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path active = directory.resolve("audit.json");
		if (Files.isRegularFile(active)) {
			files.add(active);
		}
		return files;
	}

	/**
	 * Return where the chain stands at the end of the given files: its last complete record.
	 * @param files the audit files, oldest first
	 * @return the position of the last record, {@link ChainPosition#START} when there is
	 * none
	 */
	public static ChainPosition lastPosition(List<Path> files) {
		for (int i = files.size() - 1; i >= 0; i--) {
			Scan scan = scan(files.get(i));
			if (scan.last() != null) {
				return scan.last();
			}
		}
		return ChainPosition.START;
	}

	/**
	 * Find where the chain of a log directory stands before the trail goes on with it, and
	 * end a last line that a crash or a full disk cut short, so that the next record starts
	 * a line of its own.
	 * @param directory the log directory
	 * @return what was found
	 */
	public static Recovery recover(Path directory) {
		List<Path> files = inOrder(directory);
		ChainPosition last = null;
		Long anchoredFirst = null;
		String cutShort = null;
		for (int i = files.size() - 1, scanned = 0; i >= 0 && (last == null || anchoredFirst == null
				&& scanned < ANCHOR_SEARCH_FILES); i--, scanned++) {
			Path file = files.get(i);
			Scan scan = scan(file);
			if (i == files.size() - 1 && scan.cutShort() != null) {
				cutShort = "the last line of " + file.getFileName() + " (" + scan.cutShort()
						+ " characters) is not a complete record";
				endLine(file);
			}
			last = (last != null) ? last : scan.last();
			anchoredFirst = (anchoredFirst != null) ? anchoredFirst : scan.anchoredFirst();
		}
		return new Recovery((last != null) ? last : ChainPosition.START, anchoredFirst, cutShort);
	}

	/**
	 * Return the sequence number of the first complete record of the given files that
	 * can be read now.
	 * @param files the audit files, oldest first
	 * @return the sequence number, {@code null} when they hold no record
	 */
	static @Nullable Long firstSequence(List<Path> files) {
		for (Path file : files) {
			try (BufferedReader reader = open(file)) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					JsonNode record = record(line);
					if (record != null) {
						return LogField.AUDIT_SEQUENCE.in(record).asLong();
					}
				}
			}
			catch (IOException ex) {
				// A file just rolled is gzipped on another thread: until that is done its
				// .gz ends early (or it is gone). The next files are read instead.
			}
		}
		return null;
	}

	/**
	 * Return the date in the name of a rolled audit file.
	 * @param file the file
	 * @return the date, {@code null} for the active file
	 */
	static @Nullable LocalDate dateOf(Path file) {
		Matcher matcher = ROLLED.matcher(file.getFileName().toString());
		return matcher.matches() ? LocalDate.parse(matcher.group(1)) : null;
	}

	private static Scan scan(Path file) {
		ChainPosition last = null;
		Long anchoredFirst = null;
		Integer cutShort = null;
		try (BufferedReader reader = open(file)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode record = record(line);
				cutShort = (record != null) ? null : line.length();
				if (record != null) {
					last = new ChainPosition(LogField.AUDIT_SEQUENCE.in(record).asLong(),
							LogField.AUDIT_HASH.in(record).asString());
					Long anchored = AuditAnchors.firstSequenceOf(record);
					anchoredFirst = (anchored != null) ? anchored : anchoredFirst;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Scan(last, anchoredFirst, cutShort);
	}

	/**
	 * Read a line as a chained record.
	 * @param line a line of an audit file
	 * @return the record, {@code null} when the line is not one
	 */
	static @Nullable JsonNode record(String line) {
		try {
			JsonNode record = MAPPER.readTree(line);
			return (LogField.AUDIT_SEQUENCE.in(record).isIntegralNumber() && LogField.AUDIT_HASH.in(record).isString())
					? record : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static void endLine(Path file) {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			ByteBuffer lastByte = ByteBuffer.allocate(1);
			if (channel.size() > 0 && channel.read(lastByte, channel.size() - 1) == 1 && lastByte.get(0) != '\n') {
				channel.write(ByteBuffer.wrap(new byte[] { '\n' }), channel.size());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Where the chain of a log directory stands.
	 *
	 * @param last the last complete record
	 * @param anchoredFirst the first sequence number the newest anchor vouches for,
	 * {@code null} when none was found
	 * @param cutShort what was wrong with a last line cut short, {@code null} when none was
	 */
	public record Recovery(ChainPosition last, @Nullable Long anchoredFirst, @Nullable String cutShort) {

	}

	private record Scan(@Nullable ChainPosition last, @Nullable Long anchoredFirst, @Nullable Integer cutShort) {

	}

	/**
	 * Open an audit file for reading, rolled and compressed ones included.
	 * @param file the file
	 * @return a reader of its lines
	 * @throws IOException when the file cannot be read
	 */
	public static BufferedReader open(Path file) throws IOException {
		InputStream input = Files.newInputStream(file);
		if (file.getFileName().toString().endsWith(".gz")) {
			input = new GZIPInputStream(input);
		}
		return new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
	}

	private static String date(Path file) {
		Matcher matcher = ROLLED.matcher(file.getFileName().toString());
		return matcher.matches() ? matcher.group(1) : "";
	}

	private static int index(Path file) {
		Matcher matcher = ROLLED.matcher(file.getFileName().toString());
		return matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
	}

}
