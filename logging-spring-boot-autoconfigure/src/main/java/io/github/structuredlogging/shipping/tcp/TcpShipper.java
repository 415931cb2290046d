package io.github.structuredlogging.shipping.tcp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import io.github.structuredlogging.shipping.Shipment;
import io.github.structuredlogging.shipping.Shipper;
import io.github.structuredlogging.shipping.ShippingEvent;
import io.github.structuredlogging.shipping.ShippingException;
import org.jspecify.annotations.Nullable;

/**
 * Ships each event as one JSON line over TCP (optionally TLS), with keep-alive, to the
 * first of its destinations that accepts a connection. A write that fails closes the
 * connection and fails the batch, which is sent again, whole, over a new one: TCP has no
 * acknowledgement, so events arrive at least once. logstash-logback-encoder's TCP
 * appender takes logback events, not the lines read back from the stream file, so it does
 * not fit here.
 */
public final class TcpShipper implements Shipper {

	private final List<InetSocketAddress> destinations;

	private final SocketFactory sockets;

	private final Duration timeout;

	private @Nullable Socket socket;

	private @Nullable OutputStream out;

	/**
	 * Create a shipper.
	 * @param destinations where to connect, in order of preference
	 * @param tls whether to speak TLS, trusting the JVM's trust store
	 * @param timeout how long to wait for a connection and for a write
	 */
	public TcpShipper(List<InetSocketAddress> destinations, boolean tls, Duration timeout) {
		this.destinations = List.copyOf(destinations);
		this.sockets = tls ? SSLSocketFactory.getDefault() : SocketFactory.getDefault();
		this.timeout = timeout;
	}

	@Override
	public String name() {
		return "tcp";
	}

	@Override
	public Shipment ship(List<ShippingEvent> batch) throws ShippingException {
		OutputStream out = connection();
		try {
			for (ShippingEvent event : batch) {
				out.write(event.line());
				out.write('\n');
			}
			out.flush();
			return Shipment.accepted(batch.size());
		}
		catch (IOException ex) {
			close();
			throw new ShippingException("Writing to " + this.socket + " failed: " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		try {
			if (this.socket != null) {
				this.socket.close();
			}
		}
		catch (IOException ex) {
			// Closing a connection that already broke.
		}
		finally {
			this.socket = null;
			this.out = null;
		}
	}

	private OutputStream connection() throws ShippingException {
		if (this.out != null && !peerClosed()) {
			return this.out;
		}
		close();
		StringBuilder failures = new StringBuilder();
		for (InetSocketAddress destination : this.destinations) {
			Socket socket = null;
			try {
				socket = this.sockets.createSocket();
				socket.setKeepAlive(true);
				socket.setSoTimeout((int) this.timeout.toMillis());
				socket.connect(new InetSocketAddress(destination.getHostString(), destination.getPort()),
						(int) this.timeout.toMillis());
				this.socket = socket;
				this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
				return this.out;
			}
			catch (IOException ex) {
				closeQuietly(socket);
				failures.append((failures.length() > 0) ? "; " : "")
					.append(destination.getHostString())
					.append(':')
					.append(destination.getPort())
					.append(": ")
					.append(ex.getMessage());
			}
		}
		throw new ShippingException("No TCP destination accepts a connection: " + failures);
	}

	// A receiver that went away has closed its end: writing into the connection would
	// appear to work and lose the lines. Receivers send nothing, so a read that times out
	// at once means the connection is open.
	private boolean peerClosed() {
		Socket socket = this.socket;
		if (socket == null) {
			return true;
		}
		try {
			socket.setSoTimeout(1);
			int read = socket.getInputStream().read();
			return read == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
		finally {
			try {
				socket.setSoTimeout((int) this.timeout.toMillis());
			}
			catch (IOException ex) {
				// Closed meanwhile: found by the next write.
			}
		}
	}

	private static void closeQuietly(@Nullable Socket socket) {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// It never connected.
			}
		}
	}

}
