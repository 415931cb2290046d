package io.github.structuredlogging.archive;

import java.util.List;

/**
 * What verifying the archive against its manifest found.
 *
 * @param files how many files the manifest holds
 * @param missing files the manifest holds that are not in the archive
 * @param added files in the archive the manifest does not hold
 * @param changed files whose SHA-256 is not the one recorded
 */
public record ArchiveVerification(int files, List<String> missing, List<String> added, List<String> changed) {

	/**
	 * Return whether the archive is exactly what the manifest says.
	 * @return {@code true} when nothing is missing, added or changed
	 */
	public boolean valid() {
		return this.missing.isEmpty() && this.added.isEmpty() && this.changed.isEmpty();
	}

}
