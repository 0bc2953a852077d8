// Units, staff and the routing directory: Organization, PractitionerRole, Endpoint.

Invariant: vb-hsa-form
Description: "An HSA-id has the form SE + 10-digit organisation number + '-' + 1 to 31 letters or digits."
Severity: #error
Expression: "identifier.where(system = 'urn:oid:1.2.752.29.4.19').all(value.matches('^SE[0-9]{10}-[A-Za-z0-9]{1,31}$'))"

Profile: VbOrganization
Parent: Organization
Id: vb-organization
Title: "Vårdbrygga Organization"
Description: "A care unit of a region or municipality, or an assistance provider, identified by its HSA-id and typed for routing; the HSA-id form is also checked by the server (R-TK-3, R-COM-1, R-COM-2, R-COM-3)."
* obeys vb-hsa-form
* identifier 1..* MS
* insert IdentifierSlicedBySystem
* identifier contains
    hsaId 1..1 MS and
    organisationNumber 0..1 MS
* identifier[hsaId] ^short = "HSA-id of the unit"
* identifier[hsaId].system 1..1 MS
* identifier[hsaId].system = $hsa
* identifier[hsaId].value 1..1 MS
* identifier[organisationNumber] ^short = "Organisation number (organisationsnummer, 10 digits)"
* identifier[organisationNumber].system 1..1 MS
* identifier[organisationNumber].system = $orgnr
* identifier[organisationNumber].value 1..1 MS
* type 1..* MS
* type from OrganizationTypeVS (required)
* name 1..1 MS
* telecom MS
* partOf MS
* endpoint MS

Profile: VbPractitionerRole
Parent: PractitionerRole
Id: vb-practitioner-role
Title: "Vårdbrygga PractitionerRole"
Description: "A professional acting for a unit, e.g. the ordering physician whose contact details a home-visit order must give (R-HV-3), the primary-care physician who enrols a patient (R-HC-2) or the licensed professional who delegates a health-care task (R-DEL-4)."
* obeys vb-hsa-form
* insert IdentifierSlicedBySystem
* identifier contains hsaId 0..1 MS
* identifier[hsaId] ^short = "HSA-id of the professional"
* identifier[hsaId].system 1..1 MS
* identifier[hsaId].system = $hsa
* identifier[hsaId].value 1..1 MS
* practitioner 1..1 MS
* practitioner only Reference(Practitioner)
* organization 1..1 MS
* organization only Reference(Organization)
* code 1..* MS
* code from LicensedProfessionVS (extensible)
* code ^short = "Licensed profession (required of a delegator, R-DEL-4)"
* telecom MS

Invariant: vb-endpoint-smime-certificate
Description: "An S/MIME e-mail Endpoint carries the unit's certificate: the outage routine cannot encrypt the SBAR form without it (R-OUT-1)."
Severity: #error
Expression: "connectionType.code = 'smime-email' implies extension('http://vardbrygga.example/fhir/StructureDefinition/vb-endpoint-certificate').exists()"

Profile: VbEndpoint
Parent: Endpoint
Id: vb-endpoint
Title: "Vårdbrygga Endpoint"
Description: "A unit's address in one of the systems Vårdbrygga routes to (Cosmic Link, Cosmic Messenger, Cosmic journal, Lifecare SP, NPÖ) or in the outage routine (S/MIME e-mail, telephone) (R-COM-1, R-COM-2, R-COM-3, R-OUT-1)."
* status MS
* connectionType MS
* connectionType from EndpointTypeVS (required)
* managingOrganization 1..1 MS
* managingOrganization only Reference(Organization)
* address MS
* obeys vb-endpoint-smime-certificate
* extension contains VbEndpointCertificate named certificate 0..1 MS
