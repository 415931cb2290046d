package io.github.structuredlogging.correlation;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.structuredlogging.api.CorrelationId;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CorrelationIdFilter} with values no HTTP client would send.
 */
class CorrelationIdFilterTests {

	private final CorrelationIdFilter filter = new CorrelationIdFilter(List.of("X-Correlation-ID", "X-Request-ID"),
			"X-Correlation-ID", "X-Trace-ID", CurrentTraceId.NONE, () -> "generated-1");

	@Test
	void lineBreakInjectionIsReplacedAndFlagged() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
		request.addHeader("X-Correlation-ID", "abc\r\nlevel=ERROR");
		AtomicReference<String> seen = new AtomicReference<>();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				seen.set(CorrelationId.current());
			}
		});
		assertThat(seen.get()).isEqualTo("generated-1");
		assertThat(response.getHeader("X-Correlation-ID")).isEqualTo("generated-1");
		assertThat(request.getAttribute(CorrelationIdFilter.REJECTED_ATTRIBUTE)).isEqualTo(Boolean.TRUE);
		assertThat(CorrelationId.current()).isNull();
	}

	@Test
	void validIdIsNotFlagged() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
		request.addHeader("X-Correlation-ID", "trace:42.a_b-c");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getHeader("X-Correlation-ID")).isEqualTo("trace:42.a_b-c");
		assertThat(request.getAttribute(CorrelationIdFilter.REJECTED_ATTRIBUTE)).isNull();
	}

	@Test
	void generatorThatBreaksTheFormatFallsBackToAUuid() throws Exception {
		CorrelationIdFilter broken = new CorrelationIdFilter(List.of("X-Correlation-ID"), "X-Correlation-ID", null,
				CurrentTraceId.NONE, () -> "not valid\n");
		MockHttpServletResponse response = new MockHttpServletResponse();
		broken.doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());
		assertThat(response.getHeader("X-Correlation-ID")).hasSize(36);
	}

}
