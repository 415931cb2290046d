package io.github.structuredlogging.correlation;

import io.github.structuredlogging.api.CorrelationId;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends the correlation ID of the thread that makes a {@code WebClient} call, unless the
 * call sets the header itself.
 */
public final class CorrelationIdExchangeFilter implements ExchangeFilterFunction {

	private final String header;

	/**
	 * Create a filter.
	 * @param header the header the ID is sent in
	 */
	public CorrelationIdExchangeFilter(String header) {
		this.header = header;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String id = CorrelationId.current();
		if (id == null || request.headers().containsHeader(this.header)) {
			return next.exchange(request);
		}
		return next.exchange(ClientRequest.from(request).header(this.header, id).build());
	}

}
