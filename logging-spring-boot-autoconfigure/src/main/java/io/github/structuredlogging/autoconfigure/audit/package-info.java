/**
 * Auto-configuration of the audit trail.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.audit;

import org.jspecify.annotations.NullMarked;
