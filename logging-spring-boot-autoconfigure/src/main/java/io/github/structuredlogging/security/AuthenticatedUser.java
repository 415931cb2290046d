package io.github.structuredlogging.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one answer to "who is this, and are they authenticated": an authentication counts
 * when Spring Security marked it authenticated and it is not the anonymous one.
 */
public final class AuthenticatedUser {

	private AuthenticatedUser() {
	}

	/**
	 * Return the authentication of the current thread, when it counts as a user.
	 * @return the authentication, {@code null} for nobody or an anonymous caller
	 */
	public static @Nullable Authentication current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * Return the name of the user authenticated on the current thread.
	 * @return the name, {@code null} for nobody or an anonymous caller
	 */
	public static @Nullable String currentName() {
		Authentication authentication = current();
		return (authentication != null) ? authentication.getName() : null;
	}

	/**
	 * Return the given authentication when it counts as a user.
	 * @param authentication an authentication, maybe anonymous or not yet authenticated
	 * @return the authentication, {@code null} when it does not count
	 */
	public static @Nullable Authentication of(@Nullable Authentication authentication) {
		return (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) ? authentication : null;
	}

}
