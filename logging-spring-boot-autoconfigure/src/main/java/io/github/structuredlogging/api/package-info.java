/**
 * Types that applications call or implement to work with structured logging.
 */
@NullMarked
package io.github.structuredlogging.api;

import org.jspecify.annotations.NullMarked;
