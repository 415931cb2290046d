package io.github.structuredlogging.http;

/**
 * Told of every finished request, whether or not its performance line is written. Define
 * beans of this type to add behaviour, such as metrics.
 */
@FunctionalInterface
public interface RequestPerformanceListener {

	/**
	 * Called once a request has finished.
	 * @param exchange the request
	 * @param tier the request's performance tier
	 */
	void onRequest(RequestExchange exchange, PerformanceTier tier);

}
