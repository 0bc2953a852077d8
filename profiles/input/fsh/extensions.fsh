// Project extensions. url = http://vardbrygga.example/fhir/StructureDefinition/<id>

Extension: VbSbarSection
Id: vb-sbar-section
Title: "SBAR section"
Description: "Which SBAR section (S, B, A or R) a Communication.payload carries (R-INFO-3, R-OUT-1)."
Context: Communication.payload
* value[x] 1..1 MS
* value[x] only Coding
* valueCoding from SbarSectionVS (required)
* valueCoding.system 1..1
* valueCoding.code 1..1

Extension: VbVisitContext
Id: vb-visit-context
Title: "Visit context"
Description: "The kind of care contact a companion need concerns: planned outpatient, dental, emergency, inpatient or support only (R-CMP-2 to R-CMP-5)."
Context: CarePlan
* value[x] 1..1 MS
* value[x] only Coding
* valueCoding from VisitContextVS (required)
* valueCoding.system 1..1
* valueCoding.code 1..1

Extension: VbOneWay
Id: vb-one-way
Title: "One-way"
Description: "The recipient cannot reply through the channel it arrives on (the emergency department is not a Cosmic Link actor, R-COM-2)."
Context: Communication
* value[x] 1..1 MS
* value[x] only boolean

Extension: VbPersonalAssistance
Id: vb-personal-assistance
Title: "Personal assistance"
Description: "The patient's personal assistance during a hospital stay: who executes it, whether special needs were noticed at admission and whether assistance compensation is granted for the stay (R-PA-1, R-PA-2, R-PA-3, R-CMP-7)."
Context: Encounter
* extension contains
    executor 1..1 MS and
    specialNeedsFlagged 0..1 MS and
    compensationGranted 0..1 MS
* extension[executor] ^short = "The assistance provider or municipality that executes the assistance"
* extension[executor].value[x] 1..1 MS
* extension[executor].value[x] only Reference(Organization)
* extension[specialNeedsFlagged] ^short = "Special needs noticed at admission (R-PA-2)"
* extension[specialNeedsFlagged].value[x] 1..1 MS
* extension[specialNeedsFlagged].value[x] only boolean
* extension[compensationGranted] ^short = "Assistance compensation granted for the stay (R-PA-1)"
* extension[compensationGranted].value[x] 1..1 MS
* extension[compensationGranted].value[x] only boolean

Extension: VbRegion
Id: vb-region
Title: "Region"
Description: "The region whose agreement governs a service purchase: its rule set prices the reported hours and decides what the invoice carries (R-TK-4)."
Context: Contract, Invoice
* value[x] 1..1 MS
* value[x] only Coding
* valueCoding from RegionVS (required)
* valueCoding.system 1..1
* valueCoding.code 1..1

Extension: VbInvoiceMark
Id: vb-invoice-mark
Title: "Invoice mark"
Description: "A mark the region requires on the invoice, e.g. the responsibility number (ansvarsnummer, Västmanland) or the reference KST 80904 (Gävleborg) (R-TK-4)."
Context: Contract, Invoice
* value[x] 1..1 MS
* value[x] only string

Extension: VbSpecialistTreatmentResponsibility
Id: vb-specialist-treatment-responsibility
Title: "Specialist treatment responsibility"
Description: "The patient belongs to the target group (respirator, tracheostomy, peritoneal dialysis) and specialist care holds treatment responsibility; Gävleborg pays its 50 % share only then (R-TK-4, R-GV-1)."
Context: Contract
* value[x] 1..1 MS
* value[x] only boolean

Extension: VbDueDate
Id: vb-due-date
Title: "Due date"
Description: "When the invoice is due, by the region's payment terms (R-TK-4)."
Context: Invoice
* value[x] 1..1 MS
* value[x] only date

Extension: VbInvoicePeriod
Id: vb-invoice-period
Title: "Invoice period"
Description: "The period whose reported hours the invoice covers (R-TK-4)."
Context: Invoice
* value[x] 1..1 MS
* value[x] only Period

Extension: VbEndpointCertificate
Id: vb-endpoint-certificate
Title: "Endpoint certificate"
Description: "The unit's X.509 certificate for encrypted e-mail (S/MIME): the outage routine encrypts the SBAR form with it so that only the unit can read it (R-OUT-1). DER, base64 in Attachment.data."
Context: Endpoint
* value[x] 1..1 MS
* value[x] only Attachment
* valueAttachment.contentType 1..1
* valueAttachment.contentType = #application/pkix-cert
* valueAttachment.data 1..1
