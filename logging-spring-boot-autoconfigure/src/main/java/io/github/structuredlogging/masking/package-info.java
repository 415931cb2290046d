/**
 * Masking: one engine that keeps secrets and personal data out of every log output.
 */
@NullMarked
package io.github.structuredlogging.masking;

import org.jspecify.annotations.NullMarked;
