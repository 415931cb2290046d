package io.github.structuredlogging.sample;

import java.util.UUID;

import org.springframework.boot.SpringApplication;
import io.github.structuredlogging.api.CorrelationIdGenerator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * A small orders service that logs through the structured logging starter.
 */
@SpringBootApplication
@EnableAsync
public class SampleApplication {

	/**
	 * Replaces the starter's random UUIDs: requests that arrive without a correlation ID
	 * get one that names this service.
	 * @return the generator
	 */
	@Bean
	CorrelationIdGenerator correlationIdGenerator() {
		return () -> "orders-" + UUID.randomUUID();
	}

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
