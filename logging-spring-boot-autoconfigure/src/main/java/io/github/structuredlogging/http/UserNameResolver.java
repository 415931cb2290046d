package io.github.structuredlogging.http;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Finds the name of the authenticated user of a request, after the request has been
 * handled.
 */
@FunctionalInterface
public interface UserNameResolver {

	/** The container's principal. */
	UserNameResolver SERVLET = (request) -> (request.getUserPrincipal() != null)
			? request.getUserPrincipal().getName() : null;

	/**
	 * Return the user name of the request.
	 * @param request the request
	 * @return the user name, or {@code null} for an anonymous request
	 */
	@Nullable String resolve(HttpServletRequest request);

}
