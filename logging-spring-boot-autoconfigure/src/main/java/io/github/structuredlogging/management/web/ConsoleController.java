package io.github.structuredlogging.management.web;

import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log console at {@code {base-path}/console}: a page and its two assets from the jar,
 * behind the API's own access check, with a Content-Security-Policy that lets the page
 * load nothing but itself and talk to nothing but its own server, and no inline script.
 */
@RestController
@RequestMapping("${structured-logging.api.base-path:/api/v1/logs}/console")
public final class ConsoleController {

	/** The policy every console response is sent with. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private static final String LOCATION = "io/github/structuredlogging/console/";

	private static final Map<String, MediaType> ASSETS = Map.of("console.js",
			MediaType.parseMediaType("text/javascript;charset=UTF-8"), "console.css",
			MediaType.parseMediaType("text/css;charset=UTF-8"));

	@GetMapping
	ResponseEntity<Resource> page() {
		return serve("index.html", MediaType.parseMediaType("text/html;charset=UTF-8"));
	}

	@GetMapping("/{asset}")
	ResponseEntity<?> asset(@PathVariable String asset) {
		MediaType type = ASSETS.get(asset);
		if (type == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Problems.of(HttpStatus.NOT_FOUND, "The console has no file " + asset));
		}
		return serve(asset, type);
	}

	private static ResponseEntity<Resource> serve(String name, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noCache())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "no-referrer")
			.header("X-Frame-Options", "DENY")
			.body(new ClassPathResource(LOCATION + name, ConsoleController.class.getClassLoader()));
	}

}
