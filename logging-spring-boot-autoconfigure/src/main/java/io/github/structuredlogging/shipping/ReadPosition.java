package io.github.structuredlogging.shipping;

/**
 * Where shipping from a stream file has got to: which file, known by a digest of its
 * first line (which carries a timestamp to the nanosecond, so no two files share it, and
 * which survives renaming and compression when the file is rolled), and how many of its
 * bytes have been shipped.
 *
 * @param head the digest of the file's first line, empty while the file has none
 * @param offset the bytes of the file shipped, ending after a line feed
 */
public record ReadPosition(String head, long offset) {

	/** The start of a file whose first line is not known yet. */
	public static final ReadPosition START = new ReadPosition("", 0);

}
