package io.github.structuredlogging.http;

import io.github.structuredlogging.security.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Reads the user of a request from where Spring Security saved its security context: a
 * request attribute for stateless authentication, the session otherwise. The thread's
 * security context is already cleared when the performance line is written, outside the
 * security filter chain.
 */
public final class SecurityContextUserNameResolver implements UserNameResolver {

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
		if (!(context instanceof SecurityContext)) {
			HttpSession session = request.getSession(false);
			context = (session != null)
					? session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) : null;
		}
		if (context instanceof SecurityContext securityContext) {
			Authentication authentication = AuthenticatedUser.of(securityContext.getAuthentication());
			if (authentication != null) {
				return authentication.getName();
			}
		}
		return SERVLET.resolve(request);
	}

}
