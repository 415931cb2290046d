package io.github.structuredlogging.management.web;

import io.github.structuredlogging.security.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Lets in users that Spring Security authenticated and that hold the given authority,
 * however the application authenticates them (basic, form login, bearer token).
 */
public final class AuthorityAccess implements LogApiAccess {

	private final String authority;

	/**
	 * Create an access check for the given authority.
	 * @param authority the authority, such as {@code ROLE_LOG_ADMIN}
	 */
	public AuthorityAccess(String authority) {
		this.authority = authority;
	}

	@Override
	public Decision check(HttpServletRequest request) {
		Authentication authentication = AuthenticatedUser.current();
		if (authentication == null) {
			return Decision.unauthenticated();
		}
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (this.authority.equals(granted.getAuthority())) {
				return Decision.allow(authentication.getName());
			}
		}
		return Decision.forbid(authentication.getName());
	}

}
