package se.vardbrygga.adapter.validation;

import org.hl7.fhir.r4.model.Resource;

/**
 * Checks a resource before it is written; throws a 422 (UnprocessableEntityException) with an
 * OperationOutcome whose issues carry expression paths when it is not valid.
 */
@FunctionalInterface
public interface ResourceValidator {

    /**
     * @param resource the resource as it will be stored
     * @param json     its JSON encoding (the same text that is stored), so that it is encoded once
     */
    void validate(Resource resource, String json);

    /** For deployments and tests that store resources without profile validation. */
    ResourceValidator NONE = (resource, json) -> {
    };
}
