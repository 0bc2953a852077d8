package se.vardbrygga.mappings.intake;

/** One intake kind: a pure function from its record to a FHIR transaction. */
public interface IntakeMapping<R> {

    /** @throws IntakeRejected when the record breaks a rule that needs nothing but the record */
    MappedIntake map(R record, IntakeContext context);
}
