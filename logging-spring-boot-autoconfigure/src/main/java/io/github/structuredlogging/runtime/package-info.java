/**
 * The structured logging runtime: assembles the logback pipeline from its settings and
 * owns its live parts.
 */
@NullMarked
package io.github.structuredlogging.runtime;

import org.jspecify.annotations.NullMarked;
