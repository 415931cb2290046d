package io.github.structuredlogging.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the deployment material in {@code deploy/}: each file parses, collectors read the
 * active {@code application.json}, and every file names only the fields, Loki labels and
 * meters the starter writes.
 */
class DeploymentFilesTests {

	private static final Path DEPLOY = Path.of("../deploy");

	private static final String ACTIVE_FILE = "/srv/orders/logs/application.json";

	private static final Set<String> FIELDS = Set.of("@timestamp", "level", "logger_name", "thread_name", "message",
			"service_name", "service_version", "environment", "host_name", "log_stream", "correlation_id", "trace_id",
			"span_id", "error_type", "error_message", "stack_trace", "http_method", "http_path", "http_route",
			"http_status", "duration_ms", "performance_tier", "db_query_count", "db_time_ms", "client_ip", "user_name",
			"audit_event", "audit_outcome", "audit_principal", "audit_sequence", "audit_hash");

	private static final Set<String> LOKI_LABELS = Set.of("service_name", "environment", "host_name", "log_stream",
			"level");

	private static final Set<String> METERS = Set.of("structured_logging_events_total",
			"structured_logging_events_dropped_total", "structured_logging_http_requests_total",
			"structured_logging_store_size", "structured_logging_shipping_events_total",
			"structured_logging_shipping_failures_total", "structured_logging_shipping_queued",
			"structured_logging_shipping_lag_seconds");

	private static final Set<String> METER_LABELS = Set.of("job", "level", "stream", "tier", "shipper", "outcome");

	private static final Pattern METER = Pattern.compile("(structured_logging_[a-z_]+)");

	private static final Pattern SELECTOR = Pattern.compile("\\{([^{}]*)\\}");

	private static final Pattern LABEL = Pattern.compile("([A-Za-z_]\\w*)\\s*(?:=~|!~|!=|=)\\s*\"");

	private static final Pattern GROUPING = Pattern.compile("\\bby \\(([^)]*)\\)");

	private static final Pattern STRING_OR_COMMENT = Pattern
		.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|#[^\\n]*");

	@Test
	void grafanaDashboardQueriesLokiByTheStarterLabels() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(read("grafana/loki-dashboard.json"));
		assertThat(dashboard.path("schemaVersion").asInt()).isEqualTo(39);
		Map<String, JsonNode> variables = new LinkedHashMap<>();
		dashboard.path("templating").path("list").forEach((v) -> variables.put(v.path("name").asString(), v));
		assertThat(variables).containsOnlyKeys("datasource", "service", "correlation_id");
		assertThat(variables.get("datasource").path("query").asString()).isEqualTo("loki");
		assertThat(variables.get("service").path("query").asString()).isEqualTo("label_values(service_name)");
		assertThat(variables.get("correlation_id").path("type").asString()).isEqualTo("textbox");
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
			panel.path("targets").forEach((target) -> expressions.add(target.path("expr").asString()));
		}
		assertThat(expressions).hasSize(5).allSatisfy(DeploymentFilesTests::assertLokiSelectors);
		assertThat(String.join("\n", expressions)).contains("unwrap duration_ms", "by (http_route)",
				"by (audit_event)", "audit_outcome=~\"failure|denied\"", "| correlation_id=\"$correlation_id\"");
	}

	@Test
	void fluentBitTailsTheActiveFileAndShipsWithTheStarterLabels() throws IOException {
		Map<String, Object> config = yaml("fluent-bit/fluent-bit.yaml");
		Map<String, Object> parser = map(list(config.get("parsers")).get(0));
		assertThat(parser).containsEntry("time_key", "@timestamp")
			.containsEntry("time_format", "%Y-%m-%dT%H:%M:%S.%LZ");
		Map<String, Object> pipeline = map(config.get("pipeline"));
		assertThat(map(list(pipeline.get("inputs")).get(0))).containsEntry("path", ACTIVE_FILE)
			.containsEntry("parser", parser.get("name")).containsKey("db");
		List<Map<String, Object>> outputs = maps(pipeline.get("outputs"));
		assertThat(outputs).extracting((output) -> output.get("name")).containsExactly("loki", "es");
		String labels = (String) outputs.get(0).get("labels");
		assertThat(Arrays.stream(labels.split(",")).map((label) -> label.trim().split("=")[0]))
			.containsExactlyInAnyOrderElementsOf(LOKI_LABELS);
		assertThat(outputs.get(1)).containsKeys("logstash_format", "logstash_prefix");
	}

	@Test
	void otelCollectorReadsTheActiveFileWithStoredPositions() throws IOException {
		Map<String, Object> config = yaml("otel-collector/otel-collector.yaml");
		Map<String, Object> filelog = map(map(config.get("receivers")).get("filelog"));
		assertThat(filelog).containsEntry("include", List.of(ACTIVE_FILE)).containsEntry("start_at", "beginning")
			.containsEntry("storage", "file_storage");
		List<Map<String, Object>> operators = maps(filelog.get("operators"));
		assertThat(operators).extracting((operator) -> operator.get("type"))
			.containsExactly("json_parser", "trace_parser", "move", "move");
		assertThat(map(operators.get(0).get("timestamp"))).containsEntry("parse_from", "attributes[\"@timestamp\"]")
			.containsEntry("layout", "2006-01-02T15:04:05.999999999Z07:00");
		assertThat(map(operators.get(0).get("severity"))).containsEntry("parse_from", "attributes.level");
		assertThat(operators.get(2)).containsEntry("from", "attributes.message").containsEntry("to", "body");
		assertThat(operators.get(3)).containsEntry("to", "resource[\"service.name\"]");
		Map<String, Object> service = map(config.get("service"));
		assertThat(service).containsEntry("extensions", List.of("file_storage"));
		assertThat(map(map(service.get("pipelines")).get("logs"))).containsEntry("receivers", List.of("filelog"))
			.containsEntry("exporters", List.of("otlphttp"));
		assertThat(map(config.get("exporters"))).containsKey("otlphttp");
		assertThat(map(config.get("extensions"))).containsKey("file_storage");
	}

	@Test
	void logstashPipelineIsBalancedAndHasItsThreeSections() throws IOException {
		String conf = read("logstash/logstash.conf");
		assertThat(balanced(conf)).as("braces and brackets balanced, strings closed").isTrue();
		assertThat(conf).containsPattern("(?m)^input \\{").containsPattern("(?m)^filter \\{")
			.containsPattern("(?m)^output \\{")
			.contains("path => \"" + ACTIVE_FILE + "\"", "codec => json", "sincedb_path", "ISO8601",
					"index => \"%{service_name}-%{log_stream}-%{+YYYY.MM.dd}\"",
					"tcp { port => 5044 codec => json_lines }");
	}

	@Test
	void filebeatReadsTheActiveFileAsNdjson() throws IOException {
		Map<String, Object> config = yaml("filebeat/filebeat.yml");
		Map<String, Object> input = map(list(config.get("filebeat.inputs")).get(0));
		assertThat(input).containsEntry("type", "filestream").containsEntry("paths", List.of(ACTIVE_FILE))
			.containsKey("id");
		assertThat(map(map(list(input.get("parsers")).get(0)).get("ndjson"))).containsEntry("target", "")
			.containsEntry("overwrite_keys", true).containsEntry("add_error_key", true);
		assertThat(map(config.get("output.elasticsearch"))).containsEntry("index",
				"%{[service_name]}-%{[log_stream]}-%{+yyyy.MM.dd}");
		assertThat(config).containsEntry("setup.template.enabled", false).containsEntry("setup.ilm.enabled", false);
	}

	@Test
	void lokiRulesSelectStreamsByTheStarterLabelsOnly() throws IOException {
		List<String> expressions = expressions("alerts/loki-rules.yaml");
		assertThat(expressions).hasSize(4).allSatisfy(DeploymentFilesTests::assertLokiSelectors);
		assertThat(String.join("\n", expressions)).contains("audit_event=\"AUTHENTICATION_FAILURE\"",
				"audit_event=\"SECURITY_ALERT\"", "performance_tier=\"very_slow\"");
	}

	@Test
	void prometheusRulesUseOnlyTheStarterMetersAndTheirLabels() throws IOException {
		assertThat(expressions("alerts/prometheus-rules.yaml")).hasSize(6).allSatisfy((expression) -> {
			assertThat(all(METER, expression)).as(expression).isNotEmpty().isSubsetOf(METERS);
			List<String> labels = new ArrayList<>();
			all(SELECTOR, expression).forEach((selector) -> labels.addAll(all(LABEL, selector)));
			all(GROUPING, expression).forEach((by) -> labels.addAll(Arrays.asList(by.split(",\\s*"))));
			assertThat(labels).as(expression).isNotEmpty().isSubsetOf(METER_LABELS);
		});
	}

	@Test
	void eachFileNamesTheFieldsItReliesOn() throws IOException {
		Map<String, Set<String>> required = Map.of("grafana/loki-dashboard.json",
				Set.of("service_name", "level", "log_stream", "duration_ms", "http_route", "audit_event",
						"audit_outcome", "correlation_id"),
				"fluent-bit/fluent-bit.yaml", Set.of("@timestamp", "correlation_id", "trace_id", "span_id"),
				"otel-collector/otel-collector.yaml",
				Set.of("@timestamp", "level", "trace_id", "span_id", "message", "service_name"),
				"logstash/logstash.conf", Set.of("@timestamp", "service_name", "log_stream"),
				"filebeat/filebeat.yml", Set.of("@timestamp", "service_name", "log_stream"),
				"alerts/loki-rules.yaml",
				Set.of("service_name", "level", "log_stream", "audit_event", "performance_tier"));
		for (Map.Entry<String, Set<String>> file : required.entrySet()) {
			assertThat(FIELDS).containsAll(file.getValue());
			assertThat(read(file.getKey())).as(file.getKey()).contains(file.getValue());
		}
	}

	private static void assertLokiSelectors(String expression) {
		assertThat(all(SELECTOR, expression)).as(expression).isNotEmpty().allSatisfy(
				(selector) -> assertThat(all(LABEL, selector)).isNotEmpty().isSubsetOf(LOKI_LABELS));
	}

	private static List<String> expressions(String file) throws IOException {
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : maps(yaml(file).get("groups"))) {
			for (Map<String, Object> rule : maps(group.get("rules"))) {
				assertThat(rule).containsKeys("alert", "expr", "annotations");
				expressions.add((String) rule.get("expr"));
			}
		}
		return expressions;
	}

	/** Whether braces and brackets outside comments and strings pair up, and every string is closed. */
	private static boolean balanced(String conf) {
		String code = STRING_OR_COMMENT.matcher(conf).replaceAll((m) -> m.group().startsWith("#") ? "" : "S");
		String brackets = code.replaceAll("[^\\[\\]{}]", "");
		while (brackets.contains("{}") || brackets.contains("[]")) {
			brackets = brackets.replace("{}", "").replace("[]", "");
		}
		return brackets.isEmpty() && !code.contains("\"");
	}

	private static List<String> all(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Map<String, Object> yaml(String file) throws IOException {
		return map(new Yaml().load(read(file)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<Map<String, Object>> maps(Object value) {
		return list(value).stream().map(DeploymentFilesTests::map).toList();
	}

	private static List<?> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<?>) value;
	}

	private static String read(String file) throws IOException {
		return Files.readString(DEPLOY.resolve(file));
	}

}
