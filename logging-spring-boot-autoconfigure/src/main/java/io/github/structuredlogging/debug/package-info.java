/**
 * DEBUG switched on for one user's, one request's or one header's requests only, for a
 * while.
 */
@NullMarked
package io.github.structuredlogging.debug;

import org.jspecify.annotations.NullMarked;
