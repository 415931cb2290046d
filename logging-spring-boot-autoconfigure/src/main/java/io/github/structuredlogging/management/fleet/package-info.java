/**
 * The fleet view: the log API's reads answered by the Elasticsearch/OpenSearch cluster the
 * logs are shipped to, for every instance of the service.
 */
@NullMarked
package io.github.structuredlogging.management.fleet;

import org.jspecify.annotations.NullMarked;
