package io.github.structuredlogging.benchmarks.http;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a team writes by hand instead of a starter: an ID in the MDC and one JSON line per
 * request, built with a StringBuilder.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
@ConditionalOnProperty(name = "bench.variant", havingValue = "filter")
class HandWrittenLoggingFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(HandWrittenLoggingFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getHeader("X-Correlation-ID");
		if (id == null) {
			id = UUID.randomUUID().toString();
		}
		response.setHeader("X-Correlation-ID", id);
		MDC.put("correlation_id", id);
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			double millis = (System.nanoTime() - start) / 1_000_000.0;
			log.info("{\"correlation_id\":\"" + id + "\",\"http_method\":\"" + request.getMethod() + "\",\"http_path\":\""
					+ request.getRequestURI() + "\",\"http_status\":" + response.getStatus() + ",\"duration_ms\":"
					+ millis + "}");
			MDC.remove("correlation_id");
		}
	}

}
