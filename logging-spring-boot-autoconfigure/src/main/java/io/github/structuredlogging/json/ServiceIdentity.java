package io.github.structuredlogging.json;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What every event says about the service that wrote it.
 *
 * @param name the service name
 * @param version the service version, {@code null} when unknown
 * @param environment the deployment environment
 * @param hostName the host name
 */
public record ServiceIdentity(String name, @Nullable String version, String environment, String hostName) {

	public ServiceIdentity {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(environment, "'environment' must not be null");
		Objects.requireNonNull(hostName, "'hostName' must not be null");
	}

}
