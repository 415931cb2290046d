package io.github.structuredlogging.logback;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.masking.MaskingEngine;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.logback.ColorConverter;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Builds the readable, coloured one-line console format for local development.
 */
public final class TextEncoders {

	/** The pattern of the text format. */
	public static final String PATTERN = "%clr(%d{HH:mm:ss.SSS}){faint} %clr(%5p) %clr([%15.15t]){faint} "
			+ "%replace([%X{correlation_id}] ){'\\[\\] ',''}%clr(%-40.40logger{39}){cyan} %clr(:){faint} "
			+ "%m%replace( %kvp{NONE}){'^ $',''}%n%wEx";

	private TextEncoders() {
	}

	// A readable line is free text: the whole line passes the engine.
	private static final class MaskingPatternLayout extends PatternLayout {

		private final MaskingEngine masker;

		MaskingPatternLayout(MaskingEngine masker) {
			this.masker = masker;
		}

		@Override
		public String doLayout(ILoggingEvent event) {
			return this.masker.mask(super.doLayout(event));
		}

	}

	/**
	 * Create and start a text encoder.
	 * @param context the logback context
	 * @param masker masks every line, {@code null} for no masking
	 * @return the started encoder
	 */
	public static LayoutWrappingEncoder<ILoggingEvent> create(Context context, @Nullable MaskingEngine masker) {
		PatternLayout layout = (masker != null) ? new MaskingPatternLayout(masker) : new PatternLayout();
		layout.getInstanceConverterMap().put("clr", ColorConverter::new);
		layout.getInstanceConverterMap().put("wEx", ExtendedWhitespaceThrowableProxyConverter::new);
		layout.setPattern(PATTERN);
		layout.setContext(context);
		layout.start();
		LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
		encoder.setContext(context);
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.setLayout(layout);
		encoder.start();
		return encoder;
	}

}
