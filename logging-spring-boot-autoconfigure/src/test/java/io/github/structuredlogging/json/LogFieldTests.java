package io.github.structuredlogging.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogField}: the catalogue and the README's field tables list the same
 * fields, and a line of either layout is read back by the same field.
 */
class LogFieldTests {

	private static final Pattern NAME = Pattern.compile("`([^`]+)`");

	@Test
	void readmeTablesListEveryFieldOfTheCatalogueAndNoOther() throws IOException {
		Set<String> defaultNames = new LinkedHashSet<>();
		Set<String> ecsNames = new LinkedHashSet<>();
		for (String[] row : fieldTableRows(Files.readAllLines(Path.of("..", "README.md")))) {
			defaultNames.addAll(names(row[0]));
			ecsNames.addAll(names(row[1]));
		}
		Set<String> catalogueDefault = new LinkedHashSet<>();
		Set<String> catalogueEcs = new LinkedHashSet<>();
		for (LogField field : LogField.values()) {
			if (field.nameIn(JsonLayout.DEFAULT) != null) {
				catalogueDefault.add(field.nameIn(JsonLayout.DEFAULT));
			}
			catalogueEcs.add(field.nameIn(JsonLayout.ECS));
		}
		assertThat(defaultNames).containsExactlyInAnyOrderElementsOf(catalogueDefault);
		assertThat(ecsNames).containsExactlyInAnyOrderElementsOf(catalogueEcs);
	}

	@Test
	void customFieldsOfTheEcsLayoutShareOneNamespace() {
		for (LogField field : LogField.values()) {
			String ecs = field.nameIn(JsonLayout.ECS);
			if (ecs.startsWith(LogField.CUSTOM_NAMESPACE + ".")) {
				assertThat(ecs).isEqualTo(LogField.CUSTOM_NAMESPACE + "." + field.key());
			}
		}
	}

	@Test
	void aFieldIsReadFromALineOfEitherLayout() {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(LogField.AUDIT_SEQUENCE.in(json.readTree("{\"audit_sequence\":7}")).asLong()).isEqualTo(7);
		assertThat(LogField.AUDIT_SEQUENCE.in(json.readTree("{\"event.sequence\":7}")).asLong()).isEqualTo(7);
		assertThat(LogField.AUDIT_SEQUENCE.in(json.readTree("{\"other\":7}")).isMissingNode()).isTrue();
	}

	@Test
	void mdcKeysAreReadInOrderOfPreference() {
		assertThat(LogField.TRACE_ID.fromMdc(Map.of("trace_id", "b", "traceId", "a")::get)).isEqualTo("a");
		assertThat(LogField.TRACE_ID.fromMdc(Map.of("trace_id", "b")::get)).isEqualTo("b");
		assertThat(LogField.TRACE_ID.fromMdc(Map.<String, String>of()::get)).isNull();
	}

	// Rows of the tables whose first two columns are the field in each layout.
	private static List<String[]> fieldTableRows(List<String> readme) {
		List<String[]> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : readme) {
			if (line.startsWith("| Field (`default` layout) | Field (`ecs` layout) |")) {
				inTable = true;
				continue;
			}
			if (!line.startsWith("|")) {
				inTable = false;
			}
			else if (inTable && !line.startsWith("|---")) {
				String[] cells = line.split("\\|");
				rows.add(new String[] { cells[1], cells[2] });
			}
		}
		assertThat(rows).as("rows of the README's field tables").hasSizeGreaterThan(40);
		return rows;
	}

	private static List<String> names(String cell) {
		List<String> names = new ArrayList<>();
		Matcher matcher = NAME.matcher(cell);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
