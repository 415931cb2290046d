package io.github.structuredlogging.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import org.jspecify.annotations.Nullable;

/**
 * Locates client addresses in MaxMind-format databases (GeoIP2 or GeoLite2: City or
 * Country, and optionally ASN). Private, loopback and link-local addresses are nowhere.
 */
public final class GeoIp implements AutoCloseable {

	private final DatabaseReader locations;

	private final boolean cities;

	private final @Nullable DatabaseReader networks;

	private GeoIp(DatabaseReader locations, @Nullable DatabaseReader networks) {
		this.locations = locations;
		this.cities = locations.getMetadata().databaseType().contains("City");
		this.networks = networks;
	}

	private static DatabaseReader reader(Path database, String kind) throws IOException {
		DatabaseReader reader = new DatabaseReader.Builder(database.toFile()).build();
		String type = reader.getMetadata().databaseType();
		if (!type.contains(kind) && !(kind.equals("Country") && type.contains("City"))) {
			reader.close();
			throw new IllegalArgumentException("it is a " + type + " database, not a " + kind + " database");
		}
		return reader;
	}

	/**
	 * Open the given databases.
	 * @param database a City or Country database
	 * @param asnDatabase an ASN database, {@code null} for none
	 * @return the lookup
	 * @throws IOException when a database cannot be read
	 */
	public static GeoIp open(Path database, @Nullable Path asnDatabase) throws IOException {
		DatabaseReader locations = reader(database, "Country");
		try {
			return new GeoIp(locations, (asnDatabase != null) ? reader(asnDatabase, "ASN") : null);
		}
		catch (IOException | RuntimeException ex) {
			locations.close();
			throw ex;
		}
	}

	/**
	 * Locate an address.
	 * @param address the client address, as written in the audit record
	 * @return where it is, {@code null} for a private or unknown address
	 */
	public @Nullable ClientGeo locate(@Nullable String address) {
		InetAddress inet = publicAddress(address);
		if (inet == null) {
			return null;
		}
		try {
			String country = null;
			String region = null;
			String city = null;
			if (this.cities) {
				CityResponse response = this.locations.tryCity(inet).orElse(null);
				if (response != null) {
					country = response.getCountry().getIsoCode();
					region = response.getMostSpecificSubdivision().getName();
					city = response.getCity().getName();
				}
			}
			else {
				CountryResponse response = this.locations.tryCountry(inet).orElse(null);
				country = (response != null) ? response.getCountry().getIsoCode() : null;
			}
			AsnResponse network = (this.networks != null) ? this.networks.tryAsn(inet).orElse(null) : null;
			if (country == null && network == null) {
				return null;
			}
			return new ClientGeo(country, region, city, (network != null) ? network.getAutonomousSystemNumber() : null,
					(network != null) ? network.getAutonomousSystemOrganization() : null);
		}
		catch (IOException | GeoIp2Exception | RuntimeException ex) {
			return null;
		}
	}

	@Override
	public void close() throws IOException {
		this.locations.close();
		if (this.networks != null) {
			this.networks.close();
		}
	}

	// Literal addresses only, so that no lookup ever reaches DNS.
	private static @Nullable InetAddress publicAddress(@Nullable String address) {
		if (address == null || address.isEmpty() || address.length() > 45) {
			return null;
		}
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
				return null;
			}
		}
		try {
			InetAddress inet = InetAddress.getByName(address);
			byte[] bytes = inet.getAddress();
			boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
			boolean sharedNat = bytes.length == 4 && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
			return (inet.isLoopbackAddress() || inet.isSiteLocalAddress() || inet.isLinkLocalAddress()
					|| inet.isAnyLocalAddress() || inet.isMulticastAddress() || uniqueLocal || sharedNat) ? null : inet;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
