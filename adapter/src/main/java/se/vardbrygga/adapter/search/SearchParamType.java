package se.vardbrygga.adapter.search;

/** The FHIR search parameter types this server indexes. */
public enum SearchParamType {
    TOKEN("token"), STRING("string"), REFERENCE("reference"), DATE("date");

    private final String fhirCode;

    SearchParamType(String fhirCode) {
        this.fhirCode = fhirCode;
    }

    public String fhirCode() {
        return fhirCode;
    }
}
