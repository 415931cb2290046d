package io.github.structuredlogging.debug;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request a buffer for its DEBUG events, and has them written when it ends
 * with a 5xx status or an exception. Ordered inside the performance filter, so that the
 * replayed events come before the request's performance line.
 */
public final class ErrorReplayFilter extends OncePerRequestFilter {

	private final ErrorReplay replay;

	/**
	 * Create the filter.
	 * @param replay the replay
	 */
	public ErrorReplayFilter(ErrorReplay replay) {
		this.replay = replay;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.replay.begin();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = response.getStatus() >= 500;
		}
		finally {
			this.replay.end(failed);
		}
	}

}
