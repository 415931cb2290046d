/**
 * Alerts raised in-process from the log's own figures, logged and sent to webhooks.
 */
@NullMarked
package io.github.structuredlogging.alerting;

import org.jspecify.annotations.NullMarked;
