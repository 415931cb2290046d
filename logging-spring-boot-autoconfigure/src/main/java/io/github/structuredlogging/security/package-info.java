/**
 * Who the current user is, as Spring Security sees it, asked the same way by every
 * capability.
 */
@NullMarked
package io.github.structuredlogging.security;

import org.jspecify.annotations.NullMarked;
