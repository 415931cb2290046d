package io.github.structuredlogging.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.github.structuredlogging.api.Masker;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * The request path as the performance line, the request statistics and the log API show
 * it: decoded, so that masking sees what was sent ({@code %40} is an '@'), with the
 * segments that the route names after a sensitive variable ({@code /reset/{token}}) masked
 * whole. What else the path holds is masked where it is written: by the encoder for the
 * performance line, by the request statistics for the slowest requests they keep.
 */
final class RequestPaths {

	// Routes are templates from the application's mappings, so there are few.
	private static final int MAX_ROUTES = 10_000;

	private static final Map<String, int[]> SENSITIVE_SEGMENTS = new ConcurrentHashMap<>();

	private RequestPaths() {
	}

	/**
	 * Return the path to write.
	 * @param path the path as requested, without the context path
	 * @param route the matched route template, {@code null} when none matched
	 * @param masker the masking engine, {@code null} when masking is off
	 * @return the path to write
	 */
	static String written(String path, @Nullable String route, @Nullable Masker masker) {
		String decoded = decoded(path);
		if (masker == null) {
			return decoded;
		}
		return (route != null) ? maskNamedSegments(decoded, route, masker) : decoded;
	}

	// Most routes name no sensitive variable: they cost one cache lookup.
	private static String maskNamedSegments(String path, String route, Masker masker) {
		int[] sensitive = SENSITIVE_SEGMENTS.get(route);
		if (sensitive == null) {
			sensitive = sensitiveSegments(route, masker);
			if (SENSITIVE_SEGMENTS.size() < MAX_ROUTES) {
				SENSITIVE_SEGMENTS.put(route, sensitive);
			}
		}
		if (sensitive.length == 0) {
			return path;
		}
		String[] segments = path.split("/", -1);
		if (segments.length != route.split("/", -1).length) {
			return path;
		}
		for (int index : sensitive) {
			segments[index] = masker.replacement();
		}
		return String.join("/", segments);
	}

	private static int[] sensitiveSegments(String route, Masker masker) {
		String[] template = route.split("/", -1);
		return IntStream.range(0, template.length).filter((i) -> {
			String part = template[i];
			if (!part.startsWith("{") || !part.endsWith("}")) {
				return false;
			}
			int colon = part.indexOf(':');
			return masker.isSensitiveKey(part.substring(1, (colon > 0) ? colon : part.length() - 1));
		}).toArray();
	}

	// Control characters, encoded or not, cannot forge a line of the text console.
	private static String decoded(String path) {
		String decoded = path;
		if (path.indexOf('%') >= 0) {
			try {
				decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				decoded = path;
			}
		}
		StringBuilder clean = null;
		for (int i = 0; i < decoded.length(); i++) {
			if (Character.isISOControl(decoded.charAt(i))) {
				if (clean == null) {
					clean = new StringBuilder(decoded);
				}
				clean.setCharAt(i, '?');
			}
		}
		return (clean != null) ? clean.toString() : decoded;
	}

}
