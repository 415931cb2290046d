package io.github.structuredlogging.http;

import java.util.List;

import org.springframework.util.AntPathMatcher;

/**
 * Ant-style patterns of request paths that get no performance line. Each pattern's literal
 * start is compared first, so that the paths of an ordinary request, which match none,
 * cost a string comparison per pattern instead of a full match.
 */
final class ExcludedPaths {

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final List<String> patterns;

	private final List<String> literalStarts;

	ExcludedPaths(List<String> patterns) {
		this.patterns = List.copyOf(patterns);
		this.literalStarts = this.patterns.stream().map(ExcludedPaths::literalStart).toList();
	}

	boolean matches(String path) {
		for (int i = 0; i < this.patterns.size(); i++) {
			if (path.startsWith(this.literalStarts.get(i)) && this.matcher.match(this.patterns.get(i), path)) {
				return true;
			}
		}
		return false;
	}

	// Everything before the first wildcard or variable: a matching path must start with it.
	private static String literalStart(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '*' || c == '?' || c == '{') {
				return pattern.substring(0, i);
			}
		}
		return pattern;
	}

}
