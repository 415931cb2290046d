package io.github.structuredlogging.web;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.testing.BrowserScripts;
import io.github.structuredlogging.testing.HttpCalls;
import io.github.structuredlogging.testing.LogApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The log console in Debian's headless Chromium, driven by the scripts in
 * {@code src/test/console} ({@link BrowserScripts}).
 */
class ConsoleBrowserTests {

	private static final Logger log = LoggerFactory.getLogger("com.example.support.CustomerNotes");

	private static final String KEY = "console-key-0123456789abcdef";

	@TempDir
	Path logs;

	private Path screenshots;

	@BeforeEach
	void browserAndScripts() {
		BrowserScripts.assumeAvailable();
		this.screenshots = BrowserScripts.screenshots();
	}

	/**
	 * Refused without credentials; the live tail, a hostile line shown as text, a request's
	 * drill-down by click and by keyboard, the charts, grouped errors, the audit trail and
	 * its chain, the overview, a phone-width window, and the tail reconnecting after the
	 * server restarts; no request leaves the machine, no policy violation.
	 */
	@Test
	@Timeout(value = 4, unit = TimeUnit.MINUTES)
	void theConsoleInARealBrowser() throws Exception {
		WebTestApplication[] application = { startApplication(0) };
		int port = application[0].port();
		try {
			String url = "http://127.0.0.1:" + port + LogApi.BASE + "/console";
			BrowserScripts.drive("console.test.mjs", (command) -> {
				switch (command) {
					case "READY" -> writeAfterThePageOpened(port);
					case "RESTART" -> {
						application[0].close();
						application[0] = startApplication(port);
					}
					case "LOG-AFTER-RESTART" -> log.info("Back after the restart");
					default -> throw new IllegalStateException("Unknown command " + command);
				}
			}, url, "ops", "ops-pass", this.screenshots.toString());
		}
		finally {
			application[0].close();
		}
	}

	/**
	 * Without Spring Security, with an API key: the page asks for the key, refuses a wrong
	 * one, keeps the right one in the tab's session storage only, and tails with it.
	 */
	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void theConsoleAsksForTheApiKey() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NoSecurity.class)
			.web(WebApplicationType.SERVLET)
			.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security")))
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.register-shutdown-hook=false",
					"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
					"structured-logging.api.enabled=true", "structured-logging.api.key=" + KEY,
					"structured-logging.file.directory=" + this.logs)
			.run();
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String url = "http://127.0.0.1:" + port + LogApi.BASE + "/console";
			BrowserScripts.drive("console-key.test.mjs", (command) -> log.info("Written once signed in"), url, KEY,
					this.screenshots.toString());
		}
		finally {
			context.close();
			((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
		}
	}

	private WebTestApplication startApplication(int port) {
		return WebTestApplication.start("server.port=" + port, "structured-logging.file.directory=" + this.logs);
	}

	private static void writeAfterThePageOpened(int port) {
		log.info("Customer note: <script>alert(1)</script>");
		HttpCalls http = new HttpCalls(port);
		http.get("/orders/77", "X-Correlation-ID", "console-77");
		// One exception thrown five times from one place and once from another.
		for (int i = 0; i < 5; i++) {
			http.get("/fail", "X-Correlation-ID", "fail-" + i);
		}
		http.get("/orders/2/fail", "X-Correlation-ID", "fail-order");
		http.get("/secure/profile", "Authorization", HttpCalls.basic("alice", "a-wrong-password"));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class NoSecurity {

	}

}
