// INVALID examples: each is otherwise valid and breaks exactly one rule; id invalid-<invariant key>
// for the FHIRPath invariants, and the ids below for the checks the server makes in Java.
// They must stay inside the profiles' cardinalities so that SUSHI exports them without errors.

// --- FHIRPath invariants --------------------------------------------------------------------

Instance: invalid-vb-pat-id
InstanceOf: VbPatient
Title: "INVALID: no personnummer or samordningsnummer"
Description: "Breaks vb-pat-id: the only identifier is a regional reserve number."
Usage: #example
* insert Narrative(Okänd patient med reservnummer)
* identifier.system = "http://region-varmland.example/identifier/reservnummer"
* identifier.value = "RES-2025-000123"
* name.family = "Okänd"

Instance: invalid-vb-pnr-form
InstanceOf: VbPatient
Title: "INVALID: personnummer with a dash"
Description: "Breaks vb-pnr-form: the personnummer is written with a dash instead of 12 digits."
Usage: #example
* insert Narrative(Tolvan Tolvansson med felformaterat personnummer)
* identifier[personnummer].system = $pnr
* identifier[personnummer].value = "19121212-1212"
* name.family = "Tolvansson"
* name.given = "Tolvan"

Instance: invalid-vb-hsa-form
InstanceOf: VbOrganization
Title: "INVALID: HSA-id with an underscore"
Description: "Breaks vb-hsa-form: an underscore where the HSA-id has its dash."
Usage: #example
* insert Narrative(Hemsjukvården Norr med felaktigt HSA-id)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE2120000993_HSVNORR"
* type = OrganizationType#municipal-home-care "Municipal home health care"
* name = "Hemsjukvården Norr, Karlstads kommun"

Instance: invalid-vb-endpoint-smime-certificate
InstanceOf: VbEndpoint
Title: "INVALID: S/MIME e-mail Endpoint without a certificate"
Description: "Breaks vb-endpoint-smime-certificate: the outage e-mail address has no certificate to encrypt for."
Usage: #example
* insert Narrative(Krypterad e-post utan certifikat)
* status = #active
* connectionType = EndpointType#smime-email "S/MIME e-mail"
* managingOrganization = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* payloadType = $endpoint-payload-type#any "Any"
* address = "mailto:hemsjukvarden.norr@karlstad.example"

Instance: invalid-vb-cmp-reject
InstanceOf: VbCompanionRequestTask
Title: "INVALID: rejected without a reason"
Description: "Breaks vb-cmp-reject: the executor rejects the companion request without statusReason."
Usage: #example
* insert Narrative(Förfrågan om medföljare avböjd utan angiven orsak)
* status = #rejected
* intent = #order
* code = TaskCode#companion-request "Companion request"
* focus = Reference(vb-companion-need-careplan-example)
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* authoredOn = "2025-03-10T15:05:00+01:00"
* requester = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* owner = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"

Instance: invalid-vb-del-period-end
InstanceOf: VbDelegationTask
Title: "INVALID: delegation without an end date"
Description: "Breaks vb-del-period-end: restriction.period.end is present only as data-absent-reason (unknown), so the delegation is not time-limited."
Usage: #example
* insert Narrative(Delegering utan slutdatum)
* status = #accepted
* intent = #order
* code = TaskCode#delegation "Delegation"
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* authoredOn = "2025-03-11"
* requester = Reference(vb-practitioner-role-example) "Karin Lind, leg. sjuksköterska"
* owner = Reference(Practitioner/anna-berg) "Anna Berg, personlig assistent"
* restriction.period.start = "2025-03-11"
* restriction.period.end.extension[0].url = $data-absent-reason
* restriction.period.end.extension[0].valueCode = #unknown
* input[delegatedTask].type = TaskParameterType#delegated-task "Delegated task"
* input[delegatedTask].valueString = "Sondmatning via PEG enligt ordination"

Instance: invalid-vb-del-max-year
InstanceOf: VbDelegationTask
Title: "INVALID: delegation longer than one year"
Description: "Breaks vb-del-max-year: the delegation runs 18 months."
Usage: #example
* insert Narrative(Delegering 2025-03-11 -- 2026-09-10)
* status = #accepted
* intent = #order
* code = TaskCode#delegation "Delegation"
* for = Reference(vb-patient-example) "Tolvan Tolvansson"
* authoredOn = "2025-03-11"
* requester = Reference(vb-practitioner-role-example) "Karin Lind, leg. sjuksköterska"
* owner = Reference(Practitioner/anna-berg) "Anna Berg, personlig assistent"
* restriction.period.start = "2025-03-11"
* restriction.period.end = "2026-09-10"
* input[delegatedTask].type = TaskParameterType#delegated-task "Delegated task"
* input[delegatedTask].valueString = "Sondmatning via PEG enligt ordination"

Instance: invalid-vb-sbar-sections
InstanceOf: VbSbarCommunication
Title: "INVALID: SBAR without a recommendation"
Description: "Breaks vb-sbar-sections: four payloads, but two are Assessment and none is Recommendation."
Usage: #example
* insert Narrative(SBAR med två bedömningar och ingen rekommendation)
* status = #completed
* category[sbar] = CommunicationCategory#sbar-handover "SBAR handover"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* basedOn = Reference(vb-home-visit-servicerequest-example)
* sent = "2025-03-14T11:20:00+01:00"
* sender = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* recipient = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"
* payload[0].extension[section].valueCoding = SbarSection#S "Situation"
* payload[0].contentString = "Utskrivningsklar 2025-03-14 efter vård för erysipelas."
* payload[1].extension[section].valueCoding = SbarSection#B "Background"
* payload[1].contentString = "Diabetes typ 2. Bor ensam."
* payload[2].extension[section].valueCoding = SbarSection#A "Assessment"
* payload[2].contentString = "Såret läker."
* payload[3].extension[section].valueCoding = SbarSection#A "Assessment"
* payload[3].contentString = "Omläggning behövs tre gånger i veckan."

Instance: invalid-vb-hv-period
InstanceOf: VbHomeVisitServiceRequest
Title: "INVALID: home visits over eight weeks"
Description: "Breaks vb-hv-period: the occurrence period is eight weeks, more than the four weeks of a home visit (R-HV-1)."
Usage: #example
* insert Narrative(Hembesök 2025-03-17 -- 2025-05-11)
* status = #active
* intent = #order
* code = $sct#225358003 "Wound care"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* occurrencePeriod.start = "2025-03-17"
* occurrencePeriod.end = "2025-05-11"
* requester = Reference(vb-practitioner-role-example-physician) "Erik Nilsson, läkare"
* performer = Reference(vb-organization-example-municipal-home-care) "Hemsjukvården Norr, Karlstads kommun"

Instance: invalid-vb-contract-parties
InstanceOf: VbServicePurchaseContract
Title: "INVALID: agreement without an executor"
Description: "Breaks vb-contract-parties: the terms name the purchaser but no executor (R-TK-3)."
Usage: #example
* insert Narrative(Avtal om tjänsteköp utan utförare)
* extension[region].valueCoding = Region#varmland "Region Värmland"
* status = #executed
* applies.start = "2025-03-12T07:00:00+01:00"
* applies.end = "2025-03-19T21:00:00+01:00"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* signer[0].type = $contractsignertype#GRANTEE "Grantee"
* signer[0].party = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* signer[0].signature.type = $signature-type#1.2.840.10065.1.12.1.1 "Author's Signature"
* signer[0].signature.when = "2025-03-11T15:40:00+01:00"
* signer[0].signature.who = Reference(Practitioner/maria-ek) "Maria Ek, avdelningschef"
* signer[1].type = $contractsignertype#GRANTOR "Grantor"
* signer[1].party = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* signer[1].signature.type = $signature-type#1.2.840.10065.1.12.1.1 "Author's Signature"
* signer[1].signature.when = "2025-03-11T16:00:00+01:00"
* signer[1].signature.who = Reference(Practitioner/jonas-holm) "Jonas Holm, verksamhetschef"
* term[0].type = ServicePurchase#days-and-times "Days and times"
* term[0].subType = ServicePurchase#whole-day "Whole days"
* term[0].offer.party[0].reference = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* term[0].offer.party[0].role = ServicePurchase#purchaser "Purchaser"
* term[0].offer.text = "Dagligen 07-21"

Instance: invalid-vb-contract-executed-signed
InstanceOf: VbServicePurchaseContract
Title: "INVALID: executed agreement signed by one party"
Description: "Breaks vb-contract-executed-signed: the agreement is executed, but only the ward has signed (R-CMP-5)."
Usage: #example
* insert Narrative(Avtal om tjänsteköp som bara avdelningen har undertecknat)
* extension[region].valueCoding = Region#varmland "Region Värmland"
* status = #executed
* applies.start = "2025-03-12T07:00:00+01:00"
* applies.end = "2025-03-19T21:00:00+01:00"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* signer[0].type = $contractsignertype#GRANTEE "Grantee"
* signer[0].party = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* signer[0].signature.type = $signature-type#1.2.840.10065.1.12.1.1 "Author's Signature"
* signer[0].signature.when = "2025-03-11T15:40:00+01:00"
* signer[0].signature.who = Reference(Practitioner/maria-ek) "Maria Ek, avdelningschef"
* term[0].type = ServicePurchase#days-and-times "Days and times"
* term[0].subType = ServicePurchase#whole-day "Whole days"
* term[0].offer.party[0].reference = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* term[0].offer.party[0].role = ServicePurchase#purchaser "Purchaser"
* term[0].offer.party[1].reference = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* term[0].offer.party[1].role = ServicePurchase#executor "Executor"
* term[0].offer.text = "Dagligen 07-21"

Instance: invalid-vb-chargeitem-period-order
InstanceOf: VbReportedHoursChargeItem
Title: "INVALID: reported interval that ends when it starts"
Description: "Breaks vb-chargeitem-period-order: the reported interval starts and ends at 07:00, so it does not end after it starts (it passes the core rule per-1, start <= end)."
Usage: #example
* insert Narrative(Rapporterad tid 2025-03-12 07:00-07:00)
* status = #billable
* code = ServicePurchase#reported-hours "Reported hours"
* subject = Reference(vb-patient-example) "Tolvan Tolvansson"
* occurrencePeriod.start = "2025-03-12T07:00:00+01:00"
* occurrencePeriod.end = "2025-03-12T07:00:00+01:00"
* performingOrganization = Reference(vb-organization-example-assistance-provider) "Trygga Händer Assistans AB"
* requestingOrganization = Reference(vb-organization-example) "Avdelning 21 Medicin, Centralsjukhuset Karlstad"
* supportingInformation = Reference(vb-service-purchase-contract-example)

// --- checks made by the server in Java (these pass the FHIRPath invariants, except where noted) ----

Instance: invalid-vb-personnummer-checkdigit
InstanceOf: VbPatient
Title: "INVALID: personnummer with a wrong check digit"
Description: "Passes vb-pnr-form, but the Luhn check digit is wrong (3 instead of 2)."
Usage: #example
* insert Narrative(Tolvan Tolvansson med fel kontrollsiffra)
* identifier[personnummer].system = $pnr
* identifier[personnummer].value = "191212121213"
* name.family = "Tolvansson"
* name.given = "Tolvan"

Instance: invalid-vb-samordningsnummer-day
InstanceOf: VbPatient
Title: "INVALID: samordningsnummer without day + 60"
Description: "Passes vb-pnr-form and has a valid check digit, but the day is 12, not 61-91 as in a samordningsnummer."
Usage: #example
* insert Narrative(Patient med samordningsnummer utan dag + 60)
* identifier[samordningsnummer].system = $snr
* identifier[samordningsnummer].value = "191212121212"
* name.family = "Haddad"
* name.given = "Nadia"

Instance: invalid-vb-hsa-id
InstanceOf: VbOrganization
Title: "INVALID: malformed HSA-id"
Description: "The HSA-id SE123- is malformed; the server's HSA-id check rejects it (it also breaks vb-hsa-form, which implements the same pattern)."
Usage: #example
* insert Narrative(Enhet med felaktigt HSA-id)
* identifier[hsaId].system = $hsa
* identifier[hsaId].value = "SE123-"
* type = OrganizationType#region-ward "Region ward"
* name = "Avdelning 22 Kirurgi, Centralsjukhuset Karlstad"
