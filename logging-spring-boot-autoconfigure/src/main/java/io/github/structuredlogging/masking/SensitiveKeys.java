package io.github.structuredlogging.masking;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether a field, header or parameter name is sensitive: the name itself, or what
 * follows a '.', '_' or '-' in it, is one of the keys ({@code db.password},
 * {@code stripe_api_key}), compared without regard to case.
 */
final class SensitiveKeys {

	// Names come from code, not from requests, so there are few; the cap guards the rest.
	private static final int MAX_CACHED = 10_000;

	private final Set<String> keys;

	private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

	SensitiveKeys(Set<String> keys) {
		this.keys = keys;
	}

	boolean isSensitive(String name) {
		Boolean cached = this.cache.get(name);
		if (cached != null) {
			return cached;
		}
		boolean sensitive = check(name.toLowerCase(Locale.ROOT));
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
			char c = name.charAt(i);
			if ((c == '.' || c == '_' || c == '-') && this.keys.contains(name.substring(i + 1))) {
				return true;
			}
		}
		return false;
	}

}
