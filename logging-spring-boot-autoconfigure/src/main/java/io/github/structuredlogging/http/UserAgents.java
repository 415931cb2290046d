package io.github.structuredlogging.http;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The user agent of a request as the logs carry it: cut at 200 characters.
 */
public final class UserAgents {

	/** Longest user agent written. */
	public static final int MAX_LENGTH = 200;

	private UserAgents() {
	}

	/**
	 * Return the request's user agent, cut at {@value #MAX_LENGTH} characters.
	 * @param request the request
	 * @return the user agent, or {@code null} when the request has none
	 */
	public static @Nullable String of(HttpServletRequest request) {
		String userAgent = request.getHeader("User-Agent");
		return (userAgent != null && userAgent.length() > MAX_LENGTH) ? userAgent.substring(0, MAX_LENGTH)
				: userAgent;
	}

}
