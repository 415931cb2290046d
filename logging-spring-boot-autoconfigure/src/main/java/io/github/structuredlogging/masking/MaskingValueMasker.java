package io.github.structuredlogging.masking;

import java.math.BigDecimal;
import java.math.BigInteger;

import net.logstash.logback.mask.ValueMasker;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamContext;

/**
 * Runs every string value written to a JSON event through the {@link Masker}, and masks
 * numbers that are card numbers.
 */
public final class MaskingValueMasker implements ValueMasker {

	private final Masker masker;

	/**
	 * Create a value masker on the given engine.
	 * @param masker the engine
	 */
	public MaskingValueMasker(Masker masker) {
		this.masker = masker;
	}

	@Override
	public @Nullable Object mask(TokenStreamContext context, Object value) {
		if (value instanceof String text) {
			String masked = this.masker.mask(text);
			return (masked != text) ? masked : null;
		}
		if (this.masker.settings().cardNumbers()
				&& (value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal)) {
			String digits = value.toString();
			return Checksums.cardNumber(digits) && digits.charAt(0) >= '2' && digits.charAt(0) <= '6'
					? this.masker.replacement() : null;
		}
		return null;
	}

}
