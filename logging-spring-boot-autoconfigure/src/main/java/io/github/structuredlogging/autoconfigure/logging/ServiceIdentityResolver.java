package io.github.structuredlogging.autoconfigure.logging;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import io.github.structuredlogging.json.ServiceIdentity;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * Works out what every event says about the service, before the application context
 * exists.
 */
final class ServiceIdentityResolver {

	private static final String BUILD_INFO_LOCATION = "classpath:META-INF/build-info.properties";

	private ServiceIdentityResolver() {
	}

	static ServiceIdentity resolve(StructuredLoggingProperties properties, Environment environment) {
		String name = firstText(properties.getServiceName(), environment.getProperty("spring.application.name"),
				ServiceIdentity.UNKNOWN_SERVICE);
		String version = firstText(properties.getServiceVersion(), buildVersion(environment), null);
		String deployment = firstText(properties.getEnvironment(), profiles(environment), "default");
		String host = ServiceIdentity.localHostName();
		return new ServiceIdentity(name, version, deployment, host,
				firstText(properties.getServiceInstanceId(), null, ServiceIdentity.defaultInstanceId(host)));
	}

	private static @Nullable String profiles(Environment environment) {
		String[] active = environment.getActiveProfiles();
		String[] profiles = (active.length > 0) ? active : environment.getDefaultProfiles();
		return StringUtils.arrayToCommaDelimitedString(profiles);
	}

	private static @Nullable String buildVersion(Environment environment) {
		String location = environment.getProperty("spring.info.build.location", BUILD_INFO_LOCATION);
		Resource resource = new DefaultResourceLoader(ServiceIdentityResolver.class.getClassLoader())
			.getResource(location);
		if (!resource.exists()) {
			return null;
		}
		try (InputStream input = resource.getInputStream()) {
			Properties buildInfo = new Properties();
			buildInfo.load(input);
			return buildInfo.getProperty("build.version");
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String firstText(@Nullable String first, @Nullable String second, @Nullable String fallback) {
		if (StringUtils.hasText(first)) {
			return first;
		}
		return StringUtils.hasText(second) ? second : fallback;
	}

}
