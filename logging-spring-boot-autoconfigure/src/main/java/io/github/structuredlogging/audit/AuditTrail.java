package io.github.structuredlogging.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import io.github.structuredlogging.api.CorrelationId;
import io.github.structuredlogging.api.Masker;
import io.github.structuredlogging.json.LogField;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit records to the {@code audit} stream, each chained to the one before by its
 * hash. Recording returns once the record is handed to the writer, in sequence order:
 * audit events are never dropped, sampled or rate-limited.
 */
public final class AuditTrail {

	/** Name of the logger that writes audit records. */
	public static final String LOGGER_NAME = "io.github.structuredlogging.audit.AuditTrail";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private static final int MAX_PRINCIPAL_LENGTH = 128;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final AuditLines writer = new AuditLines();

	private final AuditChain chain;

	private final @Nullable Masker masker;

	private final Clock clock;

	private final Supplier<RequestOrigin> origin;

	private volatile List<AuditSink> sinks = List.of();

	private final Object lock = new Object();

	private long sequence;

	private String lastHash;

	/**
	 * Create a trail.
	 * @param chain computes the hashes
	 * @param start where the chain stands, as recovered from the audit files
	 * @param masker masks what is recorded, {@code null} for no masking
	 * @param clock gives each record its time
	 * @param origin tells where the current request comes from, when there is one
	 */
	public AuditTrail(AuditChain chain, ChainPosition start, @Nullable Masker masker, Clock clock,
			Supplier<RequestOrigin> origin) {
		this.chain = chain;
		this.masker = masker;
		this.clock = clock;
		this.origin = origin;
		this.sequence = start.sequence();
		this.lastHash = start.hash();
	}

	/**
	 * Record an audit event, whatever the levels of the loggers.
	 * @param record the event
	 * @return the sequence number it was given
	 */
	public long record(AuditRecord record) {
		AuditRecord masked = masked(record);
		RequestOrigin requestOrigin = this.origin.get();
		String correlationId = text(LogField.CORRELATION_ID.key(), CorrelationId.current());
		String traceId = text(LogField.TRACE_ID.key(), LogField.TRACE_ID.fromMdc(MDC::get));
		synchronized (this.lock) {
			long number = ++this.sequence;
			Instant time = this.clock.instant();
			Level level = (masked.outcome() == AuditOutcome.SUCCESS) ? Level.INFO : Level.WARN;
			String message = "Audit " + masked.event() + " " + masked.outcome().value();
			Map<String, @Nullable Object> fields = fields(masked, requestOrigin, time, number);
			Map<String, @Nullable Object> hashed = new LinkedHashMap<>(fields);
			hashed.put(LogField.TIMESTAMP.key(), time.toString());
			hashed.put(LogField.LEVEL.key(), level.toString());
			hashed.put(LogField.MESSAGE.key(), message);
			hashed.put(LogField.CORRELATION_ID.key(), correlationId);
			hashed.put(LogField.TRACE_ID.key(), traceId);
			String hash = this.chain.hash(this.lastHash, CanonicalForm.of(hashed));
			fields.put(LogField.AUDIT_PREVIOUS_HASH.key(), this.lastHash);
			fields.put(LogField.AUDIT_HASH.key(), hash);
			this.writer.write(level, message, time, correlationId, traceId, fields);
			this.lastHash = hash;
			notifySinks(masked, number);
			return number;
		}
	}

	/**
	 * Tell the given sinks of every record written from now on.
	 * @param sinks the sinks
	 */
	public void setSinks(List<AuditSink> sinks) {
		this.sinks = List.copyOf(sinks);
	}

	// A failing sink must neither lose the record, which is written, nor fail the caller.
	private void notifySinks(AuditRecord record, long number) {
		for (AuditSink sink : this.sinks) {
			try {
				sink.accept(record, number);
			}
			catch (RuntimeException ex) {
				logger.atWarn().addKeyValue(LogField.AUDIT_SEQUENCE.key(), number).log("Audit sink failed: " + ex.getClass().getName());
			}
		}
	}

	/**
	 * Return where the chain stands.
	 * @return the position of the last record
	 */
	public ChainPosition position() {
		synchronized (this.lock) {
			return new ChainPosition(this.sequence, this.lastHash);
		}
	}

	// The record's own fields, masked, in the order written.
	private Map<String, @Nullable Object> fields(AuditRecord record, RequestOrigin requestOrigin, Instant time,
			long number) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put(LogField.AUDIT_EVENT.key(), record.event());
		fields.put(LogField.AUDIT_ACTION.key(), record.action());
		fields.put(LogField.AUDIT_OUTCOME.key(), record.outcome().value());
		fields.put(LogField.AUDIT_PRINCIPAL.key(), record.principal());
		fields.put(LogField.AUDIT_RESOURCE_TYPE.key(), record.resourceType());
		fields.put(LogField.AUDIT_RESOURCE_ID.key(), record.resourceId());
		fields.put(LogField.AUDIT_REASON.key(), record.reason());
		if (!record.details().isEmpty()) {
			fields.put(LogField.AUDIT_DETAILS.key(), record.details());
		}
		fields.put(LogField.CLIENT_IP.key(), text(LogField.CLIENT_IP.key(), requestOrigin.clientIp()));
		fields.put(LogField.USER_AGENT.key(), text(LogField.USER_AGENT.key(), requestOrigin.userAgent()));
		ClientGeo geo = requestOrigin.geo();
		if (geo != null) {
			fields.put(LogField.CLIENT_COUNTRY.key(), geo.country());
			fields.put(LogField.CLIENT_REGION.key(), geo.region());
			fields.put(LogField.CLIENT_CITY.key(), geo.city());
			fields.put(LogField.CLIENT_ASN.key(), geo.asn());
			fields.put(LogField.CLIENT_AS_ORGANIZATION.key(), geo.asOrganization());
		}
		fields.put(LogField.AUDIT_TIME.key(), time.toString());
		fields.put(LogField.AUDIT_SEQUENCE.key(), number);
		fields.values().removeIf(Objects::isNull);
		return fields;
	}

	// Masked once, here, for the line, the hash and the sinks alike: what is written is
	// what the hash covers.
	private AuditRecord masked(AuditRecord record) {
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		record.details().forEach((name, value) -> details.put(name, value(name, plain(value))));
		return new AuditRecord(text(LogField.AUDIT_EVENT.key(), record.event()),
				text(LogField.AUDIT_ACTION.key(), record.action()), record.outcome(),
				capped(text(LogField.AUDIT_PRINCIPAL.key(), record.principal())),
				text(LogField.AUDIT_RESOURCE_TYPE.key(), record.resourceType()),
				text(LogField.AUDIT_RESOURCE_ID.key(), record.resourceId()),
				text(LogField.AUDIT_REASON.key(), record.reason()), details);
	}

	/**
	 * Return the given principal cut to {@value #MAX_PRINCIPAL_LENGTH} characters, so that
	 * no caller can flood the trail with a huge user name.
	 * @param principal the principal
	 * @return the principal, cut when longer
	 */
	static @Nullable String capped(@Nullable String principal) {
		return (principal == null || principal.length() <= MAX_PRINCIPAL_LENGTH) ? principal
				: principal.substring(0, MAX_PRINCIPAL_LENGTH - 3) + "...";
	}

	// Objects and arrays become the maps and lists Jackson would write for them, so that
	// masking sees every value in them.
	private static @Nullable Object plain(@Nullable Object value) {
		if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Map<?, ?> || value instanceof Collection<?>) {
			return value;
		}
		try {
			return MAPPER.convertValue(value, Object.class);
		}
		catch (JacksonException ex) {
			return String.valueOf(value);
		}
	}

	private @Nullable String text(String name, @Nullable String value) {
		return (value != null && this.masker != null) ? this.masker.mask(name, value) : value;
	}

	// Masked as the encoder would mask it, so the hash covers what is written. Decimals
	// become text: their JSON spelling must survive a round trip for the chain to verify.
	private @Nullable Object value(@Nullable String name, @Nullable Object value) {
		Object masked = (this.masker != null) ? this.masker.maskValue(name, value) : value;
		if (masked instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> normalized = new LinkedHashMap<>();
			map.forEach((key, item) -> normalized.put(String.valueOf(key), value(String.valueOf(key), plain(item))));
			return normalized;
		}
		if (masked instanceof Collection<?> items) {
			List<@Nullable Object> normalized = new ArrayList<>();
			items.forEach((item) -> normalized.add(value(null, plain(item))));
			return normalized;
		}
		if (masked instanceof Number number && !(number instanceof Integer || number instanceof Long
				|| number instanceof Short || number instanceof Byte || number instanceof BigInteger)) {
			return (number instanceof BigDecimal decimal) ? decimal.toPlainString() : number.toString();
		}
		if (masked == null || masked instanceof String || masked instanceof Number || masked instanceof Boolean) {
			return masked;
		}
		return String.valueOf(masked);
	}

	/**
	 * Where the request being handled comes from.
	 *
	 * @param clientIp the client address, when known
	 * @param userAgent the user agent, when known
	 * @param geo where the client address is, when a GeoIP database knows
	 */
	public record RequestOrigin(@Nullable String clientIp, @Nullable String userAgent, @Nullable ClientGeo geo) {

		/** No request. */
		public static final RequestOrigin NONE = new RequestOrigin(null, null);

		/**
		 * Create an origin without a location.
		 * @param clientIp the client address, when known
		 * @param userAgent the user agent, when known
		 */
		public RequestOrigin(@Nullable String clientIp, @Nullable String userAgent) {
			this(clientIp, userAgent, null);
		}

	}

}
