package se.vardbrygga.adapter.validation;

import org.hl7.fhir.r4.model.Resource;

/**
 * Checks a resource before it is written; throws a 422 (UnprocessableEntityException) with an
 * OperationOutcome whose issues carry expression paths when it is not valid.
 */
@FunctionalInterface
public interface ResourceValidator {

    void validate(Resource resource);

    /** For deployments and tests that store resources without profile validation. */
    ResourceValidator NONE = resource -> {
    };
}
