package io.github.structuredlogging.sample.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic security with one customer and one administrator.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/info")
			.permitAll()
			.requestMatchers("/actuator/**", "/api/v1/logs/**")
			.hasRole("LOG_ADMIN")
			.requestMatchers(HttpMethod.DELETE, "/api/orders/**")
			.hasRole("ADMIN")
			.anyRequest()
			.hasRole("USER"));
		http.httpBasic(Customizer.withDefaults());
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	UserDetailsService users(@Value("${sample.users.customer-password}") String customerPassword,
			@Value("${sample.users.admin-password}") String adminPassword) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new InMemoryUserDetailsManager(
				User.withUsername("customer").password(encoder.encode(customerPassword)).roles("USER").build(),
				User.withUsername("admin")
					.password(encoder.encode(adminPassword))
					.roles("USER", "ADMIN", "LOG_ADMIN")
					.build());
	}

}
