package io.github.structuredlogging.autoconfigure.masking;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Rejects masking rules that cannot work, naming the property.
 */
final class MaskingPropertiesValidator implements Validator {

	@Override
	public boolean supports(Class<?> type) {
		return MaskingProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		MaskingProperties properties = (MaskingProperties) target;
		List<MaskingProperties.Rule> rules = properties.getRules();
		for (int i = 0; i < rules.size(); i++) {
			MaskingProperties.Rule rule = rules.get(i);
			String path = "rules[" + i + "]";
			if (!StringUtils.hasText(rule.getName())) {
				errors.rejectValue(path + ".name", "missing", "must not be empty");
			}
			if (!StringUtils.hasText(rule.getPattern())) {
				errors.rejectValue(path + ".pattern", "missing", "must not be empty");
			}
			else {
				try {
					Pattern.compile(rule.getPattern());
				}
				catch (PatternSyntaxException ex) {
					errors.rejectValue(path + ".pattern", "invalid", "is not a valid regular expression: "
							+ ex.getDescription());
				}
			}
		}
		if (properties.getReplacement() == null) {
			errors.rejectValue("replacement", "missing", "must not be null");
		}
	}

}
