package io.github.structuredlogging.correlation;

import java.io.IOException;

import io.github.structuredlogging.api.CorrelationId;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends the current correlation ID with every call made through {@code RestClient} or
 * {@code RestTemplate}, unless the call sets the header itself.
 */
public final class CorrelationIdClientInterceptor implements ClientHttpRequestInterceptor {

	private final String header;

	/**
	 * Create an interceptor.
	 * @param header the header the ID is sent in
	 */
	public CorrelationIdClientInterceptor(String header) {
		this.header = header;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String id = CorrelationId.current();
		if (id != null && !request.getHeaders().containsHeader(this.header)) {
			request.getHeaders().set(this.header, id);
		}
		return execution.execute(request, body);
	}

}
