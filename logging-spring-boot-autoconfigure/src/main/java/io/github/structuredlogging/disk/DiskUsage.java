package io.github.structuredlogging.disk;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How full the volume of a directory is. The file system's own figures by default; a
 * test gives its own, since a full disk cannot safely be made.
 */
@FunctionalInterface
public interface DiskUsage {

	/**
	 * Read the usage of the volume a directory is on.
	 * @param directory the directory
	 * @return the usage
	 * @throws IOException when the volume cannot be read
	 */
	Usage of(Path directory) throws IOException;

	/**
	 * Return the usage the file system reports.
	 * @return the usage
	 */
	static DiskUsage fileSystem() {
		return (directory) -> {
			FileStore store = Files.getFileStore(directory);
			return new Usage(store.getTotalSpace(), store.getUsableSpace());
		};
	}

	/**
	 * The size of a volume and the space left on it.
	 *
	 * @param totalBytes the size
	 * @param usableBytes the space this process can still write
	 */
	record Usage(long totalBytes, long usableBytes) {

		/**
		 * Return how full the volume is.
		 * @return the used share in percent, 0 for a volume of no size
		 */
		public double usedPercent() {
			return (this.totalBytes > 0) ? 100.0 * (this.totalBytes - this.usableBytes) / this.totalBytes : 0;
		}

	}

}
