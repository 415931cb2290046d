package io.github.structuredlogging.logback;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.core.rolling.SizeAndTimeBasedFileNamingAndTriggeringPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.helper.ArchiveRemover;
import ch.qos.logback.core.rolling.helper.FileNamePattern;
import ch.qos.logback.core.rolling.helper.RollingCalendar;
import ch.qos.logback.core.rolling.helper.SizeAndTimeBasedArchiveRemover;
import ch.qos.logback.core.util.FileSize;
import org.jspecify.annotations.Nullable;

/**
 * logback's size-and-time rolling, whose retention (max history, total size cap) passes
 * over the rolled files a {@link RetentionHold} keeps, and removes each of them at a later
 * clean-up once it is released.
 *
 * @param <E> the event type
 */
public final class HoldingRollingPolicy<E> extends TimeBasedRollingPolicy<E> {

	private @Nullable FileSize maxFileSize;

	private @Nullable RetentionHold hold;

	/**
	 * Set the size at which the active file is rolled.
	 * @param maxFileSize the size
	 */
	public void setMaxFileSize(FileSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	/**
	 * Set what retention must keep.
	 * @param hold the hold, {@code null} for none
	 */
	public void setHold(@Nullable RetentionHold hold) {
		this.hold = hold;
	}

	@Override
	public void start() {
		Triggering<E> triggering = new Triggering<>(this.hold);
		if (this.maxFileSize != null) {
			triggering.setMaxFileSize(this.maxFileSize);
		}
		setTimeBasedFileNamingAndTriggeringPolicy(triggering);
		super.start();
	}

	// What SizeAndTimeBasedRollingPolicy builds for itself, with the archive remover made
	// here; logback's constructor for that use is not public, hence its notice that the
	// class is used directly is left out.
	private static final class Triggering<E> extends SizeAndTimeBasedFileNamingAndTriggeringPolicy<E> {

		private final @Nullable RetentionHold hold;

		Triggering(@Nullable RetentionHold hold) {
			this.hold = hold;
		}

		@Override
		public void addWarn(String message) {
			if (!message.startsWith("Direct use of") && !message.startsWith("is deprecated")
					&& !message.contains("manual/appenders.html#SizeAndTimeBasedRollingPolicy")) {
				super.addWarn(message);
			}
		}

		@Override
		protected ArchiveRemover createArchiveRemover() {
			FileNamePattern pattern = new FileNamePattern(this.tbrp.getFileNamePattern(), this.context);
			return (this.hold != null) ? new HoldingArchiveRemover(pattern, this.rc, this.hold)
					: new SizeAndTimeBasedArchiveRemover(pattern, this.rc);
		}

	}

	// logback lists the files of each period through getFilesInPeriod and deletes the ones
	// past the limits with File.delete(): a held file refuses, and is remembered.
	private static final class HoldingArchiveRemover extends SizeAndTimeBasedArchiveRemover {

		private final RetentionHold hold;

		private final Set<Path> pastLimits = ConcurrentHashMap.newKeySet();

		private volatile @Nullable Set<String> kept = Set.of();

		HoldingArchiveRemover(FileNamePattern pattern, RollingCalendar calendar, RetentionHold hold) {
			super(pattern, calendar);
			this.hold = hold;
		}

		@Override
		public void clean(Instant now) {
			Set<String> kept = this.hold.files();
			this.kept = kept;
			if (kept != null) {
				removeReleased(kept);
			}
			super.clean(now);
		}

		@Override
		protected File[] getFilesInPeriod(Instant date) {
			return Arrays.stream(super.getFilesInPeriod(date)).map(HeldFile::new).toArray(File[]::new);
		}

		private void removeReleased(Set<String> kept) {
			for (Path file : this.pastLimits) {
				String name = RolledFile.plainName(file.getFileName().toString());
				if (!kept.contains(name)) {
					try {
						Files.deleteIfExists(file);
						this.pastLimits.remove(file);
					}
					catch (IOException ex) {
						addWarn("Could not remove released rolled file " + file + ": " + ex);
					}
				}
			}
		}

		private final class HeldFile extends File {

			private static final long serialVersionUID = 1L;

			HeldFile(File file) {
				super(file.getPath());
			}

			@Override
			public boolean delete() {
				Set<String> kept = HoldingArchiveRemover.this.kept;
				String name = RolledFile.plainName(getName());
				if (kept == null || kept.contains(name)) {
					HoldingArchiveRemover.this.pastLimits.add(toPath());
					HoldingArchiveRemover.this.hold.kept(name);
					return false;
				}
				return super.delete();
			}

		}

	}

}
