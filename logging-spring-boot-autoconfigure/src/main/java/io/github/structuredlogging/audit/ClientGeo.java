package io.github.structuredlogging.audit;

import org.jspecify.annotations.Nullable;

/**
 * Where a client address is in the world, as far as the GeoIP database knows.
 *
 * @param country the ISO 3166 country code, such as {@code US}
 * @param region the name of the region (state, province), when known
 * @param city the name of the city, when known
 * @param asn the number of the autonomous system the address belongs to, when known
 * @param asOrganization the organization of that system, when known
 */
public record ClientGeo(@Nullable String country, @Nullable String region, @Nullable String city, @Nullable Long asn,
		@Nullable String asOrganization) {

}
