package io.github.structuredlogging.autoconfigure.masking;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.structuredlogging.masking.MaskingSettings;

/**
 * Turns masking properties into the settings of the engine.
 */
public final class MaskingSettingsFactory {

	private MaskingSettingsFactory() {
	}

	/**
	 * Return the engine settings the given properties describe.
	 * @param properties the properties
	 * @return the settings
	 */
	public static MaskingSettings of(MaskingProperties properties) {
		Set<String> keys = new LinkedHashSet<>(MaskingSettings.DEFAULT_KEYS);
		keys.addAll(properties.getAdditionalKeys());
		properties.getExcludedKeys().forEach((key) -> keys.remove(key.toLowerCase(Locale.ROOT)));
		List<MaskingSettings.CustomRule> customRules = properties.getRules()
			.stream()
			.map((rule) -> new MaskingSettings.CustomRule(rule.getName(), rule.getPattern(), rule.getReplacement()))
			.toList();
		MaskingProperties.Detectors on = properties.getDetectors();
		return new MaskingSettings(keys, properties.getReplacement(), on.isCardNumbers(), on.isJwts(), on.isApiKeys(),
				on.isAuthorization(), on.isKeyValues(), on.getEmails(), on.isSsns(), on.isIbans(), on.isPhones(),
				customRules);
	}

}
