/**
 * Auto-configuration of correlation IDs.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.correlation;

import org.jspecify.annotations.NullMarked;
