package io.github.structuredlogging.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.LoggerContext;
import io.github.structuredlogging.audit.Audited;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * A real web application on a random port, with the endpoints the HTTP tests call.
 */
public final class WebTestApplication implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private WebTestApplication(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Run the application in a process of its own, for tests of more than one instance.
	 * @param properties the properties, {@code name=value}
	 */
	public static void main(String[] properties) {
		start(properties);
	}

	public static WebTestApplication start(String... properties) {
		return start(Config.class, properties);
	}

	public static WebTestApplication start(Class<?> configuration, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
				"spring.main.register-shutdown-hook=false", "management.tracing.sampling.probability=1.0",
				"spring.datasource.url=jdbc:h2:mem:web-tests;DB_CLOSE_DELAY=-1",
				"spring.datasource.generate-unique-name=true",
				"management.endpoints.web.exposure.include=health,loggers,auditevents"));
		all.addAll(List.of(properties));
		return new WebTestApplication(new SpringApplicationBuilder(configuration).web(WebApplicationType.SERVLET)
			.properties(all.toArray(String[]::new))
			.run());
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public void publishEvent(Object event) {
		this.context.publishEvent(event);
	}

	@Override
	public void close() {
		this.context.close();
		((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableAsync
	@EnableScheduling
	static class Config {

		@Bean
		FilterRegistrationBean<MdcProbeFilter> mdcProbeFilter() {
			FilterRegistrationBean<MdcProbeFilter> registration = new FilterRegistrationBean<>(new MdcProbeFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		@Bean
		ScheduledWork scheduledWork() {
			return new ScheduledWork();
		}

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/secure/**")
				.authenticated()
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll());
			// Logins also kept in the session, so that a later request can log out.
			SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
					new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
			http.securityContext((context) -> context.securityContextRepository(contexts));
			http.httpBasic((basic) -> basic.securityContextRepository(contexts));
			http.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}alice-pass").roles("USER").build(),
					User.withUsername("ops").password("{noop}ops-pass").roles("USER", "LOG_ADMIN").build());
		}

		@Bean
		TestController testController(AsyncWork asyncWork, RestClient.Builder restClient,
				RestTemplateBuilder restTemplate, WebClient.Builder webClient, JdbcTemplate jdbc) {
			return new TestController(asyncWork, restClient, restTemplate, webClient, jdbc);
		}

		@Bean
		AsyncWork asyncWork() {
			return new AsyncWork();
		}

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

		@Bean
		OrderAdministration orderAdministration() {
			return new OrderAdministration();
		}

		@Bean
		AuditedController auditedController(OrderAdministration administration) {
			return new AuditedController(administration);
		}

	}

	/**
	 * Records what the MDC holds once a request has left every other filter.
	 */
	public static final class MdcProbeFilter extends OncePerRequestFilter {

		public static final List<Map<String, String>> AFTER_REQUEST = new CopyOnWriteArrayList<>();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, response);
			Map<String, String> mdc = MDC.getCopyOfContextMap();
			AFTER_REQUEST.add((mdc != null) ? mdc : Map.of());
		}

	}

	static class ScheduledWork {

		private static final Logger log = LoggerFactory.getLogger(ScheduledWork.class);

		@Scheduled(fixedDelay = 200)
		void run() {
			log.info("Scheduled run");
		}

	}

	static class OrderAdministration {

		@Audited(event = "DATA_CHANGE", action = "delete", resourceType = "order", resourceId = "#id")
		public String delete(long id) {
			return "deleted " + id;
		}

		@Audited(event = "DATA_CHANGE", action = "cancel", resourceType = "order", resourceId = "#id")
		public String cancel(long id) {
			throw new IllegalStateException("Order " + id + " already shipped");
		}

	}

	@RestController
	static class AuditedController {

		private final OrderAdministration administration;

		AuditedController(OrderAdministration administration) {
			this.administration = administration;
		}

		@GetMapping("/secure/orders/{id}/delete")
		String delete(@PathVariable long id) {
			return this.administration.delete(id);
		}

		@GetMapping("/secure/orders/{id}/cancel")
		String cancel(@PathVariable long id) {
			return this.administration.cancel(id);
		}

	}

	static class AsyncWork {

		private static final Logger log = LoggerFactory.getLogger(AsyncWork.class);

		@Async
		public CompletableFuture<String> work() {
			log.info("Working asynchronously");
			log.debug("Asynchronous step in detail");
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

	@RestController
	static class TestController {

		private static final Logger log = LoggerFactory.getLogger(TestController.class);

		private final AsyncWork asyncWork;

		private final RestClient.Builder restClient;

		private final RestTemplateBuilder restTemplate;

		private final WebClient.Builder webClient;

		private final JdbcTemplate jdbc;

		TestController(AsyncWork asyncWork, RestClient.Builder restClient, RestTemplateBuilder restTemplate,
				WebClient.Builder webClient, JdbcTemplate jdbc) {
			this.restTemplate = restTemplate;
			this.webClient = webClient;
			this.asyncWork = asyncWork;
			this.restClient = restClient;
			this.jdbc = jdbc;
		}

		@GetMapping("/reset/{token}")
		String reset(@PathVariable String token) {
			return "reset";
		}

		@GetMapping("/orders/{id}")
		Map<String, Object> order(@PathVariable long id) {
			log.info("Loading order");
			log.debug("Order {} read from the cache", id);
			return Map.of("id", id);
		}

		@GetMapping("/slow")
		String slow(@RequestParam long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "done";
		}

		@GetMapping("/orders/{id}/fail")
		String failOrder(@PathVariable long id) {
			log.debug("Order {} read from the cache", id);
			throw new IllegalStateException("Inventory service unavailable");
		}

		@GetMapping("/fail")
		String fail() {
			throw new IllegalStateException("Inventory service unavailable");
		}

		@GetMapping("/missing")
		String missing() {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such order");
		}

		@GetMapping("/async-work")
		String asyncWork() throws Exception {
			return this.asyncWork.work().get();
		}

		@GetMapping("/callable")
		Callable<String> callable(@RequestParam long millis) {
			return () -> {
				Thread.sleep(millis);
				return "done later";
			};
		}

		@GetMapping("/outbound")
		String outbound(@RequestParam int port) {
			return this.restClient.build().get().uri("http://127.0.0.1:" + port + "/downstream").retrieve().body(String.class);
		}

		@GetMapping("/relay/{id}")
		String relay(@PathVariable long id, @RequestParam int port) {
			log.info("Relaying order {}", id);
			return this.restClient.build()
				.get()
				.uri("http://127.0.0.1:" + port + "/orders/" + id)
				.retrieve()
				.body(String.class);
		}

		@GetMapping("/outbound-resttemplate")
		String outboundRestTemplate(@RequestParam int port) {
			return this.restTemplate.build().getForObject("http://127.0.0.1:" + port + "/downstream", String.class);
		}

		@GetMapping("/outbound-webclient")
		String outboundWebClient(@RequestParam int port) {
			return this.webClient.build()
				.get()
				.uri("http://127.0.0.1:" + port + "/downstream")
				.retrieve()
				.bodyToMono(String.class)
				.block(java.time.Duration.ofSeconds(10));
		}

		@GetMapping("/db")
		Integer db() {
			this.jdbc.execute("create table if not exists items (id int)");
			this.jdbc.update("insert into items values (1)");
			return this.jdbc.queryForObject("select count(*) from items", Integer.class);
		}

		@GetMapping("/secure/profile")
		String profile() {
			return "profile";
		}

		@GetMapping("/admin/panel")
		String admin() {
			return "admin";
		}

		@PostMapping(path = "/echo", produces = "application/json")
		String echo(@RequestBody String body) {
			return "{\"received\":" + body + ",\"padding\":\"" + "x".repeat(200) + "\"}";
		}

		@PostMapping(path = "/upload", consumes = "multipart/form-data")
		String upload(@RequestParam("file") MultipartFile file) throws IOException {
			return "stored " + file.getBytes().length;
		}

		@GetMapping(path = "/image", produces = "image/png")
		byte[] image() {
			return new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3 };
		}

		@GetMapping("/actuator-like/health")
		String health() {
			return "UP";
		}

	}

}
