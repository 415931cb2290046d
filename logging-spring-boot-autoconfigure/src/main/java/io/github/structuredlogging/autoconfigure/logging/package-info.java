/**
 * Auto-configuration of the structured logging pipeline: the logging system that builds
 * it as Spring Boot starts, and the beans that expose it.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;
