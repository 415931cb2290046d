/**
 * Shipping to an OpenTelemetry collector over OTLP, with OpenTelemetry's own exporter.
 */
@NullMarked
package io.github.structuredlogging.shipping.otlp;

import org.jspecify.annotations.NullMarked;
