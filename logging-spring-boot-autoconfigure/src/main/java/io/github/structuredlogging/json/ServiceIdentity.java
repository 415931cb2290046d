package io.github.structuredlogging.json;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What every event says about the service that wrote it.
 *
 * @param name the service name
 * @param version the service version, {@code null} when unknown
 * @param environment the deployment environment
 * @param hostName the host name
 * @param instanceId the running instance, {@code <host name>-<process id>} unless
 * configured
 */
public record ServiceIdentity(String name, @Nullable String version, String environment, String hostName,
		String instanceId) {

	/** Service name when none is configured, following OpenTelemetry's convention. */
	public static final String UNKNOWN_SERVICE = "unknown_service:java";

	private static volatile @Nullable String localHostName;

	public ServiceIdentity {
		Objects.requireNonNull(name, "'name' must not be null");
		Objects.requireNonNull(environment, "'environment' must not be null");
		Objects.requireNonNull(hostName, "'hostName' must not be null");
		Objects.requireNonNull(instanceId, "'instanceId' must not be null");
	}

	/**
	 * Create an identity whose instance is this process on its host.
	 * @param name the service name
	 * @param version the service version, {@code null} when unknown
	 * @param environment the deployment environment
	 * @param hostName the host name
	 */
	public ServiceIdentity(String name, @Nullable String version, String environment, String hostName) {
		this(name, version, environment, hostName, defaultInstanceId(hostName));
	}

	/**
	 * Return the instance ID of this process on the given host.
	 * @param hostName the host name
	 * @return {@code <host name>-<process id>}
	 */
	public static String defaultInstanceId(String hostName) {
		return hostName + "-" + ProcessHandle.current().pid();
	}

	/**
	 * Return the name of this host, looked up once.
	 * @return the host name
	 */
	public static String localHostName() {
		String name = localHostName;
		if (name == null) {
			name = lookUpHostName();
			localHostName = name;
		}
		return name;
	}

	private static String lookUpHostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException | SecurityException ex) {
			String fromEnvironment = System.getenv("HOSTNAME");
			return (fromEnvironment != null && !fromEnvironment.isBlank()) ? fromEnvironment : "localhost";
		}
	}

}
