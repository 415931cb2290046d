/**
 * Auto-configuration of the performance line of HTTP requests.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.http;

import org.jspecify.annotations.NullMarked;
