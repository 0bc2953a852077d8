package se.vardbrygga.mappings.intake;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** What a mapping may depend on besides the record: the time and the placeholder ids. */
public record IntakeContext(Instant now, Supplier<String> uuids) {
    public static IntakeContext at(Instant now) {
        return new IntakeContext(now, () -> UUID.randomUUID().toString());
    }
}
