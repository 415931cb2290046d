package io.github.structuredlogging.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit stream's files in a log directory, oldest first: the rolled ones by date and
 * index, then the active {@code audit.json}.
 */
public final class AuditFiles {

	private static final Pattern ROLLED = Pattern.compile("audit\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.json(\\.gz)?");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
	 * Return where the chain stands at the end of the given files.
	 * @param files the audit files, oldest first
	 * @return the position of the last record, {@link ChainPosition#START} when there is
	 * none
	 */
	public static ChainPosition lastPosition(List<Path> files) {
		for (int i = files.size() - 1; i >= 0; i--) {
			String last = lastLine(files.get(i));
			if (last != null) {
				JsonNode record = MAPPER.readTree(last);
				return new ChainPosition(LogField.AUDIT_SEQUENCE.in(record).asLong(),
						LogField.AUDIT_HASH.in(record).asString());
			}
		}
		return ChainPosition.START;
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

	private static @Nullable String lastLine(Path file) {
		try (BufferedReader reader = open(file)) {
			String last = null;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					last = line;
				}
			}
			return last;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
