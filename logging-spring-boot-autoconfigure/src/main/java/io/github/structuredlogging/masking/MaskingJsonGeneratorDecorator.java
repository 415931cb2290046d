package io.github.structuredlogging.masking;

import java.util.Set;

import net.logstash.logback.decorate.JsonGeneratorDecorator;
import tools.jackson.core.JsonGenerator;

/**
 * Plugs the {@link MaskingEngine} into logstash-logback-encoder: every generator it writes an
 * event with masks as it writes.
 */
public final class MaskingJsonGeneratorDecorator implements JsonGeneratorDecorator {

	private final MaskingEngine masker;

	private final String[] trustedFields;

	/**
	 * Create a decorator.
	 * @param masker the engine
	 * @param trustedFields fields whose values the encoder itself writes, such as the
	 * timestamp or the service name, which are not scanned
	 */
	public MaskingJsonGeneratorDecorator(MaskingEngine masker, Set<String> trustedFields) {
		this.masker = masker;
		this.trustedFields = trustedFields.toArray(String[]::new);
	}

	@Override
	public JsonGenerator decorate(JsonGenerator generator) {
		return new MaskingJsonGenerator(generator, this.masker, this.trustedFields);
	}

}
