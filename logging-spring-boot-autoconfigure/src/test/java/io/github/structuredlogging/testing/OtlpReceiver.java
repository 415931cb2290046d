package io.github.structuredlogging.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;

/**
 * A receiver that speaks OTLP/HTTP with protobuf at {@code /v1/logs}, decoding each export
 * with the protocol's own generated classes, for the tests: no collector can be installed
 * here.
 */
public final class OtlpReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<ExportLogsServiceRequest> exports = new CopyOnWriteArrayList<>();

	private OtlpReceiver(HttpServer server) {
		this.server = server;
	}

	public static OtlpReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			OtlpReceiver receiver = new OtlpReceiver(server);
			server.createContext("/v1/logs", receiver::export);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/logs");
	}

	/**
	 * Return every record received, with its resource.
	 * @return the records, in the order they arrived
	 */
	public List<Received> records() {
		List<Received> records = new ArrayList<>();
		for (ExportLogsServiceRequest export : this.exports) {
			for (ResourceLogs resourceLogs : export.getResourceLogsList()) {
				for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
					for (LogRecord record : scopeLogs.getLogRecordsList()) {
						records.add(new Received(resourceLogs.getResource(), scopeLogs.getScope().getName(), record));
					}
				}
			}
		}
		return records;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void export(HttpExchange exchange) throws IOException {
		try (exchange) {
			boolean protobuf = "application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
			if (!"POST".equals(exchange.getRequestMethod()) || !protobuf) {
				exchange.sendResponseHeaders(415, -1);
				return;
			}
			try (InputStream in = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
					? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
				this.exports.add(ExportLogsServiceRequest.parseFrom(in));
			}
			byte[] response = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, response.length);
			exchange.getResponseBody().write(response);
		}
	}

	/**
	 * One log record.
	 *
	 * @param resource its resource
	 * @param scope the name of its instrumentation scope
	 * @param record the record
	 */
	public record Received(Resource resource, String scope, LogRecord record) {

		/**
		 * Return an attribute of the record as text.
		 * @param name the attribute
		 * @return its value, {@code null} when the record has none
		 */
		public String attribute(String name) {
			return this.record.getAttributesList()
				.stream()
				.filter((attribute) -> attribute.getKey().equals(name))
				.map((attribute) -> attribute.getValue().hasStringValue() ? attribute.getValue().getStringValue()
						: attribute.getValue().toString().strip())
				.findFirst()
				.orElse(null);
		}

		/**
		 * Return an attribute of the resource as text.
		 * @param name the attribute
		 * @return its value, {@code null} when the resource has none
		 */
		public String resourceAttribute(String name) {
			return this.resource.getAttributesList()
				.stream()
				.filter((attribute) -> attribute.getKey().equals(name))
				.map((attribute) -> attribute.getValue().getStringValue())
				.findFirst()
				.orElse(null);
		}

	}

}
