package se.vardbrygga.mappings.intake;

import org.hl7.fhir.r4.model.Bundle;

/** An intake document as a FHIR transaction, with the trace back to its fields. */
public record MappedIntake(Bundle transaction, FieldTrace trace) {
}
