package io.github.structuredlogging.benchmarks.http;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The service the HTTP load benchmark drives: one endpoint that logs one line per call,
 * built once per request-logging variant.
 */
@SpringBootApplication
public class HttpBenchApplication {

	public static void main(String[] args) {
		SpringApplication.run(HttpBenchApplication.class, args);
	}

}
