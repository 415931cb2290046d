package io.github.structuredlogging.shipping.loki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.loki4j.pkg.google.protobuf.Timestamp;
import com.github.loki4j.pkg.loki.protobuf.Push;
import io.github.structuredlogging.shipping.ShippingEvent;
import org.xerial.snappy.Snappy;

/**
 * A push in Loki's protobuf form ({@code logproto.PushRequest}, the classes
 * {@code com.github.loki4j:loki-protobuf} generates from Loki's own {@code .proto}),
 * compressed with snappy as Loki expects: smaller on the wire than JSON.
 */
public final class LokiProtobufFormat implements LokiFormat {

	@Override
	public String contentType() {
		return "application/x-protobuf";
	}

	@Override
	public byte[] push(Map<Map<String, String>, List<ShippingEvent>> streams) {
		Push.PushRequest.Builder request = Push.PushRequest.newBuilder();
		for (Map.Entry<Map<String, String>, List<ShippingEvent>> stream : streams.entrySet()) {
			Push.StreamAdapter.Builder entries = request.addStreamsBuilder().setLabels(labels(stream.getKey()));
			for (ShippingEvent event : stream.getValue()) {
				Instant timestamp = LokiFormat.timestamp(event);
				Push.EntryAdapter.Builder entry = entries.addEntriesBuilder()
					.setTimestamp(Timestamp.newBuilder()
						.setSeconds(timestamp.getEpochSecond())
						.setNanos(timestamp.getNano()))
					.setLine(event.text());
				for (Map.Entry<String, String> metadata : LokiFormat.metadata(event).entrySet()) {
					entry.addStructuredMetadataBuilder().setName(metadata.getKey()).setValue(metadata.getValue());
				}
			}
		}
		try {
			return Snappy.compress(request.build().toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Labels as Loki's push API takes them in protobuf: {name="value", ...}, values quoted
	// as in PromQL.
	static String labels(Map<String, String> labels) {
		StringBuilder text = new StringBuilder("{");
		for (Map.Entry<String, String> label : labels.entrySet()) {
			if (text.length() > 1) {
				text.append(", ");
			}
			text.append(label.getKey()).append("=\"");
			for (char c : label.getValue().toCharArray()) {
				switch (c) {
					case '\\' -> text.append("\\\\");
					case '"' -> text.append("\\\"");
					case '\n' -> text.append("\\n");
					default -> text.append(c);
				}
			}
			text.append('"');
		}
		return text.append('}').toString();
	}

}
