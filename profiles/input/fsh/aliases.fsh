// Aliases shared by all FSH files. Identifier systems follow the HL7 Sweden base profiles.
Alias: $pnr = http://electronichealth.se/identifier/personnummer
Alias: $snr = http://electronichealth.se/identifier/samordningsnummer
Alias: $hsa = urn:oid:1.2.752.29.4.19
Alias: $orgnr = urn:oid:2.5.4.97

Alias: $v3-ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode
Alias: $v3-ParticipationType = http://terminology.hl7.org/CodeSystem/v3-ParticipationType
Alias: $v3-ActReason = http://terminology.hl7.org/CodeSystem/v3-ActReason
Alias: $consentscope = http://terminology.hl7.org/CodeSystem/consentscope
Alias: $practitioner-role = http://terminology.hl7.org/CodeSystem/practitioner-role
Alias: $endpoint-payload-type = http://terminology.hl7.org/CodeSystem/endpoint-payload-type
Alias: $contractsignertype = http://terminology.hl7.org/CodeSystem/contractsignertypecodes
Alias: $signature-type = urn:iso-astm:E1762-95:2013
Alias: $loinc = http://loinc.org
Alias: $sct = http://snomed.info/sct
Alias: $data-absent-reason = http://hl7.org/fhir/StructureDefinition/data-absent-reason

// The extensions' canonical URLs (FHIRPath in invariants cannot use aliases; keep them in sync)
Alias: $vb-sbar-section = http://vardbrygga.example/fhir/StructureDefinition/vb-sbar-section
Alias: $vb-visit-context = http://vardbrygga.example/fhir/StructureDefinition/vb-visit-context
