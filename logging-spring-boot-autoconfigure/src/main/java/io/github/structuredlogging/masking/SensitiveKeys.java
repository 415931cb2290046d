package io.github.structuredlogging.masking;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tells whether a field, header or parameter name is sensitive. Names are normalised once
 * (camelCase humps, '.', '-' and spaces become '_', all lower case: {@code accessToken},
 * {@code access-token} and {@code ACCESS_TOKEN} are all {@code access_token}); a name is
 * sensitive when it, or what follows a '_' in it, is one of the keys ({@code db.password},
 * {@code stripe_api_key}, {@code x-goog-api-key}).
 */
final class SensitiveKeys {

	// Names come from code, not from requests, so there are few; the cap guards the rest.
	private static final int MAX_CACHED = 10_000;

	private final Set<String> keys;

	private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

	SensitiveKeys(Set<String> keys) {
		this.keys = keys.stream().map(SensitiveKeys::normalize).collect(Collectors.toUnmodifiableSet());
	}

	boolean isSensitive(String name) {
		Boolean cached = this.cache.get(name);
		if (cached != null) {
			return cached;
		}
		boolean sensitive = check(normalize(name));
		if (this.cache.size() < MAX_CACHED) {
			this.cache.put(name, sensitive);
		}
		return sensitive;
	}

	private boolean check(String name) {
		if (this.keys.contains(name)) {
			return true;
		}
		for (int i = 0; i < name.length(); i++) {
			if (name.charAt(i) == '_' && this.keys.contains(name.substring(i + 1))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return a name in the one spelling keys are compared in.
	 * @param name a name in any spelling
	 * @return the name in snake case
	 */
	static String normalize(String name) {
		StringBuilder normalized = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '.' || c == '-' || c == ' ' || c == '_') {
				separate(normalized);
			}
			else if (Character.isUpperCase(c)) {
				// A hump: aB, or the last capital of an acronym before lower case (JSONWeb).
				char previous = (i > 0) ? name.charAt(i - 1) : ' ';
				boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
				if (Character.isLowerCase(previous) || Character.isDigit(previous)
						|| (Character.isUpperCase(previous) && nextLower)) {
					separate(normalized);
				}
				normalized.append(Character.toLowerCase(c));
			}
			else {
				normalized.append(c);
			}
		}
		int end = normalized.length();
		while (end > 0 && normalized.charAt(end - 1) == '_') {
			end--;
		}
		int start = 0;
		while (start < end && normalized.charAt(start) == '_') {
			start++;
		}
		return normalized.substring(start, end);
	}

	private static void separate(StringBuilder normalized) {
		if (normalized.length() > 0 && normalized.charAt(normalized.length() - 1) != '_') {
			normalized.append('_');
		}
	}

}
