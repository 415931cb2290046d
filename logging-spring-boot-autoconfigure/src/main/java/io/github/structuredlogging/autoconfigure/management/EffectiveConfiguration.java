package io.github.structuredlogging.autoconfigure.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.github.structuredlogging.autoconfigure.audit.AuditProperties;
import io.github.structuredlogging.autoconfigure.http.HttpLoggingProperties;
import io.github.structuredlogging.logback.StreamFile;
import io.github.structuredlogging.masking.MaskingEngine;
import io.github.structuredlogging.runtime.PipelineSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The configuration logging runs with, as the {@code /config} section reports it:
 * secrets appear only as whether they are set.
 */
final class EffectiveConfiguration implements Supplier<Map<String, Object>> {

	private static final String SECRET = "******";

	private final PipelineSettings pipeline;

	private final @Nullable HttpLoggingProperties http;

	private final @Nullable AuditProperties audit;

	private final @Nullable MaskingEngine masker;

	private final LogApiProperties api;

	private final @Nullable LoggingSystem loggingSystem;

	EffectiveConfiguration(PipelineSettings pipeline, @Nullable HttpLoggingProperties http,
			@Nullable AuditProperties audit, @Nullable MaskingEngine masker, LogApiProperties api,
			@Nullable LoggingSystem loggingSystem) {
		this.pipeline = pipeline;
		this.http = http;
		this.audit = audit;
		this.masker = masker;
		this.api = api;
		this.loggingSystem = loggingSystem;
	}

	@Override
	public Map<String, Object> get() {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("output", output(this.pipeline));
		configuration.put("streams", streams(this.pipeline));
		configuration.put("http", http());
		configuration.put("masking", masking());
		configuration.put("audit", audit());
		configuration.put("api", api());
		configuration.put("loggers", loggers());
		return configuration;
	}

	private static Map<String, Object> output(PipelineSettings pipeline) {
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("console", pipeline.consoleEnabled() ? pipeline.consoleFormat().name().toLowerCase(Locale.ROOT) : "off");
		output.put("json_layout", pipeline.layout().name().toLowerCase(Locale.ROOT));
		output.put("service_name", pipeline.service().name());
		output.put("environment", pipeline.service().environment());
		output.put("directory", (pipeline.directory() != null) ? pipeline.directory().toAbsolutePath().toString() : null);
		output.put("queue_size", pipeline.queueSize());
		output.put("store_capacity", pipeline.storeCapacity());
		return output;
	}

	private static List<Map<String, Object>> streams(PipelineSettings pipeline) {
		List<Map<String, Object>> streams = new ArrayList<>();
		if (pipeline.filesDirectory() == null) {
			return streams;
		}
		for (StreamFile stream : pipeline.streams()) {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("stream", stream.stream());
			file.put("file", stream.fileName());
			file.put("max_file_size", stream.maxFileSize().toString());
			file.put("max_history_days", stream.maxHistoryDays());
			file.put("total_size_cap", stream.totalSizeCap().toString());
			file.put("compress", stream.compress());
			file.put("fsync", stream.fsync().name().toLowerCase(Locale.ROOT).replace('_', '-'));
			streams.add(file);
		}
		return streams;
	}

	private Map<String, Object> http() {
		Map<String, Object> http = new LinkedHashMap<>();
		http.put("enabled", this.http != null);
		if (this.http != null) {
			http.put("normal_threshold", this.http.getNormalThreshold().toString());
			http.put("slow_threshold", this.http.getSlowThreshold().toString());
			http.put("very_slow_threshold", this.http.getVerySlowThreshold().toString());
			http.put("slow_only", this.http.isSlowOnly());
			http.put("exclude_patterns", this.http.getExcludePatterns());
			http.put("body_capture", this.http.getBody().isEnabled());
		}
		return http;
	}

	private Map<String, Object> masking() {
		Map<String, Object> masking = new LinkedHashMap<>();
		masking.put("enabled", this.masker != null);
		if (this.masker != null) {
			masking.put("rules", this.masker.ruleNames());
		}
		return masking;
	}

	private Map<String, Object> audit() {
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("enabled", this.audit != null);
		if (this.audit != null) {
			audit.put("chain", (this.audit.getSigningKey() != null) ? "hmac-sha256" : "sha256");
			audit.put("signing_key", (this.audit.getSigningKey() != null) ? SECRET : null);
			audit.put("fsync", this.audit.getFsync().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		return audit;
	}

	private Map<String, Object> api() {
		Map<String, Object> api = new LinkedHashMap<>();
		api.put("base_path", this.api.getBasePath());
		api.put("authority", this.api.getAuthority());
		api.put("key", (this.api.getKey() != null) ? SECRET : null);
		return api;
	}

	private Map<String, String> loggers() {
		Map<String, String> loggers = new LinkedHashMap<>();
		if (this.loggingSystem != null) {
			for (LoggerConfiguration logger : this.loggingSystem.getLoggerConfigurations()) {
				if (logger.getConfiguredLevel() != null) {
					loggers.put(logger.getName(), logger.getConfiguredLevel().name());
				}
			}
		}
		return loggers;
	}

}
