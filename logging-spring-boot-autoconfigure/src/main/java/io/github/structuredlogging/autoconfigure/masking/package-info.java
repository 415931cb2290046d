/**
 * Auto-configuration of masking.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.masking;

import org.jspecify.annotations.NullMarked;
