/**
 * Auto-configuration of in-process alerting.
 */
@NullMarked
package io.github.structuredlogging.autoconfigure.alerting;

import org.jspecify.annotations.NullMarked;
