package io.github.structuredlogging.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The masking corpora: realistic sensitive values with what each becomes, and look-alikes
 * that must come through unchanged.
 */
public final class MaskingCorpus {

	private MaskingCorpus() {
	}

	/**
	 * A sensitive value.
	 *
	 * @param rule the rule that masks it
	 * @param value the value
	 * @param masked the value alone, as the engine writes it
	 */
	public record Sensitive(String rule, String value, String masked) {

		@Override
		public String toString() {
			return this.rule + ": " + this.value;
		}

	}

	public static List<Sensitive> sensitiveValues() {
		return lines("/masking/sensitive-values.tsv").stream().map((line) -> {
			String[] columns = line.split("\t");
			return new Sensitive(columns[0], columns[1], columns[2]);
		}).toList();
	}

	public static List<String> lookAlikes() {
		return lines("/masking/look-alikes.txt");
	}

	private static List<String> lines(String resource) {
		try (InputStream input = MaskingCorpus.class.getResourceAsStream(resource)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
