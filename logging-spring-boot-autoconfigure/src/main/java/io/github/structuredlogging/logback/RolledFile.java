package io.github.structuredlogging.logback;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A stream's rolled file, as {@link StreamFile#rolledFileNamePattern()} names it:
 * {@code <stream>.<day>.<n>.json}, gzipped or not. Known everywhere by its uncompressed
 * name, which stays the same while logback compresses it.
 *
 * @param path the file
 * @param stream the stream it belongs to
 * @param day the day it was rolled for
 * @param index its number within that day
 * @param compressed whether it is gzipped
 */
public record RolledFile(Path path, String stream, LocalDate day, int index, boolean compressed) {

	private static final Pattern NAME = Pattern.compile("(.+)\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.json(\\.gz)?");

	/**
	 * Return the rolled files of some streams in a directory, complete ones only (not the
	 * temporary file logback compresses from).
	 * @param directory the directory
	 * @param streams the streams
	 * @return the files, in no order
	 * @throws IOException when the directory cannot be read
	 */
	public static List<RolledFile> in(Path directory, Set<String> streams) throws IOException {
		List<RolledFile> files = new ArrayList<>();
		try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
			for (Path file : listing) {
				RolledFile rolled = of(file);
				if (rolled != null && streams.contains(rolled.stream()) && Files.isRegularFile(file)) {
					files.add(rolled);
				}
			}
		}
		return files;
	}

	/**
	 * Read a rolled file's name.
	 * @param file the file
	 * @return the rolled file, {@code null} when the name is not one
	 */
	public static @Nullable RolledFile of(Path file) {
		Matcher matcher = NAME.matcher(file.getFileName().toString());
		return matcher.matches() ? new RolledFile(file, matcher.group(1), LocalDate.parse(matcher.group(2)),
				Integer.parseInt(matcher.group(3)), matcher.group(4) != null) : null;
	}

	/**
	 * Return the uncompressed name of a rolled file, whatever form it is in now.
	 * @param fileName the name: plain, gzipped, or logback's temporary file
	 * @return the name ending in {@code .json}
	 */
	public static String plainName(String fileName) {
		return fileName.replaceFirst("\\.json(\\d+\\.tmp|\\.gz)$", ".json");
	}

	/**
	 * Return this file's uncompressed name.
	 * @return the name ending in {@code .json}
	 */
	public String plainName() {
		return plainName(this.path.getFileName().toString());
	}

}
