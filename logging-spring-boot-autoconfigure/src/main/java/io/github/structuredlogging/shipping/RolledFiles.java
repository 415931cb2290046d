package io.github.structuredlogging.shipping;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

/**
 * The files a stream has rolled to, oldest first: {@code <stream>.<date>.<n>.json}, its
 * gzipped form, and the temporary file logback compresses from (which, while it exists,
 * is complete where the {@code .gz} may not be yet).
 */
final class RolledFiles {

	private static final Comparator<Rolled> OLDEST_FIRST = Comparator.comparing(Rolled::date)
		.thenComparingInt(Rolled::index);

	private RolledFiles() {
	}

	/**
	 * List the rolled files of a stream, oldest first.
	 * @param directory the log directory
	 * @param stream the stream
	 * @return the files
	 * @throws IOException when the directory cannot be listed
	 */
	static List<Rolled> of(Path directory, String stream) throws IOException {
		Pattern name = Pattern.compile(Pattern.quote(stream) + "\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.json(\\d+\\.tmp|\\.gz)?");
		Map<String, Rolled> byPeriod = new LinkedHashMap<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
			for (Path file : files) {
				Matcher matcher = name.matcher(file.getFileName().toString());
				if (matcher.matches()) {
					String suffix = matcher.group(3);
					Rolled rolled = new Rolled(file, matcher.group(1), Integer.parseInt(matcher.group(2)),
							suffix != null && suffix.endsWith(".tmp"));
					byPeriod.merge(rolled.date() + "." + rolled.index(), rolled,
							(kept, other) -> other.temporary() ? other : kept);
				}
			}
		}
		List<Rolled> rolled = new ArrayList<>(byPeriod.values());
		rolled.sort(OLDEST_FIRST);
		return rolled;
	}

	/**
	 * Open a file for reading, decompressing a gzipped one.
	 * @param file the file
	 * @return its content
	 * @throws IOException when it cannot be read
	 */
	static InputStream open(Path file) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
		return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
	}

	/**
	 * Return the digest of a file's first line, which identifies the file.
	 * @param file the file, plain or gzipped
	 * @return the digest, {@code null} when the file has no complete line or cannot be read
	 */
	static @Nullable String head(Path file) {
		try (InputStream in = open(file)) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int next;
			while ((next = in.read()) != -1) {
				if (next == '\n') {
					return digest(line.toByteArray());
				}
				line.write(next);
			}
			return null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Return the digest that identifies a file by its first line.
	 * @param firstLine the line, without its line feed
	 * @return 16 hexadecimal digits
	 */
	static String digest(byte[] firstLine) {
		return ShippingEvent.sha256(firstLine, 8);
	}

	/**
	 * A rolled file, and its place in the order files were rolled in.
	 *
	 * @param file the file
	 * @param date the day it was rolled for
	 * @param index its number within that day
	 * @param temporary whether it is the file logback is compressing from
	 */
	record Rolled(Path file, String date, int index, boolean temporary) {

		boolean after(@Nullable Rolled other) {
			return other == null || OLDEST_FIRST.compare(this, other) > 0;
		}

	}

}
