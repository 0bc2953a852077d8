package se.vardbrygga.adapter.store;

import java.time.Instant;

/** One version of one resource as stored: its JSON already carries id, versionId and lastUpdated. */
public record StoredResource(String type, String id, int version, Instant lastUpdated, String json) {
}
