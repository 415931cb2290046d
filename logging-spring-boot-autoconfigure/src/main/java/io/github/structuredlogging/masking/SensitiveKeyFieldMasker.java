package io.github.structuredlogging.masking;

import net.logstash.logback.mask.FieldMasker;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamContext;

/**
 * Replaces the whole value of any JSON field, at any depth, whose name is sensitive.
 */
public final class SensitiveKeyFieldMasker implements FieldMasker {

	private final Masker masker;

	/**
	 * Create a field masker on the given engine.
	 * @param masker the engine
	 */
	public SensitiveKeyFieldMasker(Masker masker) {
		this.masker = masker;
	}

	@Override
	public @Nullable Object mask(TokenStreamContext context) {
		String name = context.currentName();
		return (name != null && this.masker.isSensitiveKey(name)) ? this.masker.replacement() : null;
	}

}
