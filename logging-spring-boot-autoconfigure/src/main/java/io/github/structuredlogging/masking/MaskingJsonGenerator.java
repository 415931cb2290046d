package io.github.structuredlogging.masking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Masks a JSON event as it is written: the whole value of a sensitive field, whatever its
 * shape, and every string through the {@link MaskingEngine}. Kept lean on purpose: a clean value
 * passes with a name lookup and one scan, and nothing is allocated for it.
 */
final class MaskingJsonGenerator extends JsonGeneratorDelegate {

	// The smallest 13-digit number: anything below cannot be a card number.
	private static final long SMALLEST_CARD_NUMBER = 1_000_000_000_000L;

	private static final JsonMapper RAW = JsonMapper.builder().build();

	private final MaskingEngine masker;

	private final String[] trustedFields;

	private boolean trusted;

	private boolean maskNext;

	private int skipDepth;

	MaskingJsonGenerator(JsonGenerator delegate, MaskingEngine masker, String[] trustedFields) {
		// Not delegating copy methods: POJOs are serialized through this generator.
		super(delegate, false);
		this.masker = masker;
		this.trustedFields = trustedFields;
	}

	@Override
	public JsonGenerator writeName(String name) {
		if (this.skipDepth == 0) {
			nameSeen(name);
			super.writeName(name);
		}
		return this;
	}

	@Override
	public JsonGenerator writeName(SerializableString name) {
		if (this.skipDepth == 0) {
			nameSeen(name.getValue());
			super.writeName(name);
		}
		return this;
	}

	// The encoder writes its own fields with the same name instances every time, so an
	// identity check spares them the key lookup and the scan.
	private void nameSeen(String name) {
		for (String trustedField : this.trustedFields) {
			if (trustedField == name) {
				this.trusted = true;
				this.maskNext = false;
				return;
			}
		}
		this.trusted = false;
		this.maskNext = this.masker.isSensitiveKey(name);
	}

	@Override
	public JsonGenerator writeStartObject() {
		return startStructure() ? super.writeStartObject() : this;
	}

	@Override
	public JsonGenerator writeStartObject(@Nullable Object forValue) {
		return startStructure() ? super.writeStartObject(forValue) : this;
	}

	@Override
	public JsonGenerator writeStartObject(@Nullable Object forValue, int size) {
		return startStructure() ? super.writeStartObject(forValue, size) : this;
	}

	@Override
	public JsonGenerator writeStartArray() {
		return startStructure() ? super.writeStartArray() : this;
	}

	@Override
	public JsonGenerator writeStartArray(@Nullable Object forValue) {
		return startStructure() ? super.writeStartArray(forValue) : this;
	}

	@Override
	public JsonGenerator writeStartArray(@Nullable Object forValue, int size) {
		return startStructure() ? super.writeStartArray(forValue, size) : this;
	}

	@Override
	public JsonGenerator writeEndObject() {
		return endStructure() ? super.writeEndObject() : this;
	}

	@Override
	public JsonGenerator writeEndArray() {
		return endStructure() ? super.writeEndArray() : this;
	}

	@Override
	public JsonGenerator writeString(@Nullable String text) {
		if (passThrough()) {
			super.writeString((text == null || isTrusted()) ? text : this.masker.mask(text));
		}
		return this;
	}

	@Override
	public JsonGenerator writeString(char[] text, int offset, int length) {
		return writeString(new String(text, offset, length));
	}

	// A pre-encoded value keeps its encoding when its field is trusted; any other is scanned.
	@Override
	public JsonGenerator writeString(SerializableString text) {
		if (!isTrusted()) {
			return writeString(text.getValue());
		}
		if (passThrough()) {
			super.writeString(text);
		}
		return this;
	}

	@Override
	public JsonGenerator writeUTF8String(byte[] text, int offset, int length) {
		return writeString(new String(text, offset, length, StandardCharsets.UTF_8));
	}

	@Override
	public JsonGenerator writeRawUTF8String(byte[] text, int offset, int length) {
		return writeString(new String(text, offset, length, StandardCharsets.UTF_8));
	}

	// Raw JSON (StructuredArguments.raw, Markers.appendRaw) is read and written again
	// through this generator, so that it is masked like any value; what is not JSON is
	// written as a masked string.
	@Override
	public JsonGenerator writeRawValue(String text) {
		if (!passThrough()) {
			return this;
		}
		JsonNode node;
		try {
			node = RAW.readTree(text);
		}
		catch (JacksonException ex) {
			return writeString(text);
		}
		writeNode(node);
		return this;
	}

	@Override
	public JsonGenerator writeRawValue(String text, int offset, int length) {
		return writeRawValue(text.substring(offset, offset + length));
	}

	@Override
	public JsonGenerator writeRawValue(char[] text, int offset, int length) {
		return writeRawValue(new String(text, offset, length));
	}

	private void writeNode(JsonNode node) {
		if (node.isObject()) {
			writeStartObject();
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				writeName(property.getKey());
				writeNode(property.getValue());
			}
			writeEndObject();
		}
		else if (node.isArray()) {
			writeStartArray();
			for (JsonNode item : node) {
				writeNode(item);
			}
			writeEndArray();
		}
		else if (node.isString()) {
			writeString(node.asString());
		}
		else if (node.isIntegralNumber()) {
			writeNumber(node.bigIntegerValue());
		}
		else if (node.isNumber()) {
			writeNumber(node.decimalValue());
		}
		else if (node.isBoolean()) {
			writeBoolean(node.booleanValue());
		}
		else {
			writeNull();
		}
	}

	@Override
	public JsonGenerator writeNumber(short value) {
		return passThrough() ? super.writeNumber(value) : this;
	}

	@Override
	public JsonGenerator writeNumber(int value) {
		return passThrough() ? super.writeNumber(value) : this;
	}

	@Override
	public JsonGenerator writeNumber(long value) {
		if (passThrough()) {
			if (value >= SMALLEST_CARD_NUMBER && isCardNumber(Long.toString(value))) {
				super.writeString(this.masker.replacement());
			}
			else {
				super.writeNumber(value);
			}
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(BigInteger value) {
		if (passThrough()) {
			if (isCardNumber(value.toString())) {
				super.writeString(this.masker.replacement());
			}
			else {
				super.writeNumber(value);
			}
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(BigDecimal value) {
		if (passThrough()) {
			if (value.scale() <= 0 && isCardNumber(value.toPlainString())) {
				super.writeString(this.masker.replacement());
			}
			else {
				super.writeNumber(value);
			}
		}
		return this;
	}

	@Override
	public JsonGenerator writeNumber(double value) {
		return passThrough() ? super.writeNumber(value) : this;
	}

	@Override
	public JsonGenerator writeNumber(float value) {
		return passThrough() ? super.writeNumber(value) : this;
	}

	@Override
	public JsonGenerator writeNumber(String encodedValue) {
		if (passThrough()) {
			if (isCardNumber(encodedValue)) {
				super.writeString(this.masker.replacement());
			}
			else {
				super.writeNumber(encodedValue);
			}
		}
		return this;
	}

	@Override
	public JsonGenerator writeBoolean(boolean state) {
		return passThrough() ? super.writeBoolean(state) : this;
	}

	@Override
	public JsonGenerator writeNull() {
		return passThrough() ? super.writeNull() : this;
	}

	@Override
	public JsonGenerator writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
		return passThrough() ? super.writeBinary(variant, data, offset, length) : this;
	}

	// Key-value pairs are written as POJOs, and their values are mostly strings, numbers
	// and booleans: written here as Jackson's serializers would write them, they are spared
	// a serializer lookup each, and still pass the same checks.
	@Override
	public JsonGenerator writePOJO(@Nullable Object value) {
		if (value instanceof String text) {
			return writeString(text);
		}
		if (value instanceof Integer number) {
			return writeNumber(number.intValue());
		}
		if (value instanceof Long number) {
			return writeNumber(number.longValue());
		}
		if (value instanceof Double number) {
			return writeNumber(number.doubleValue());
		}
		if (value instanceof Boolean state) {
			return writeBoolean(state);
		}
		return super.writePOJO(value);
	}

	@Override
	public JsonGenerator writeEmbeddedObject(@Nullable Object object) {
		return passThrough() ? super.writeEmbeddedObject(object) : this;
	}

	// Whether to write the value as it comes: not when it is skipped, nor when the mask
	// has been written in its place.
	private boolean passThrough() {
		if (this.skipDepth > 0) {
			return false;
		}
		if (this.maskNext) {
			this.maskNext = false;
			super.writeString(this.masker.replacement());
			return false;
		}
		return true;
	}

	// A sensitive field's object or array becomes the mask, and its content is skipped.
	private boolean startStructure() {
		this.trusted = false;
		if (this.skipDepth > 0) {
			this.skipDepth++;
			return false;
		}
		if (this.maskNext) {
			this.maskNext = false;
			super.writeString(this.masker.replacement());
			this.skipDepth = 1;
			return false;
		}
		return true;
	}

	private boolean endStructure() {
		if (this.skipDepth > 0) {
			this.skipDepth--;
			return false;
		}
		return true;
	}

	private boolean isTrusted() {
		return this.trusted;
	}

	private boolean isCardNumber(String digits) {
		return this.masker.isCardNumber(digits);
	}

}
