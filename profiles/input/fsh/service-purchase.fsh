// Service purchase (tjänsteköp / personalköp): request Task, signed Contract, reported hours
// (ChargeItem) and the invoice of them (Invoice).

Profile: VbServicePurchaseRequestTask
Parent: Task
Id: vb-service-purchase-request-task
Title: "Vårdbrygga service purchase request"
Description: "A ward's written request to buy the executor's staff for a patient, with the days and times, the deadline, the tasks and who signed it (R-TK-1, R-CMP-7)."
* insert VbTaskCommon
* code = TaskCode#service-purchase-request
* requester 1..1 MS
* requester only Reference(Organization or PractitionerRole)
* requester ^short = "The requesting ward"
* owner only Reference(Organization)
* owner ^short = "The executor"
* restriction 1..1 MS
* restriction.period 1..1 MS
* restriction.period ^short = "Period of the assignment / within what time it must be done"
* restriction.period.end 1..1 MS
* restriction.period.end ^short = "Within what time the assignment must be done (R-TK-1)"
* input 1..* MS
* input ^slicing.discriminator.type = #pattern
* input ^slicing.discriminator.path = "type"
* input ^slicing.rules = #open
* input contains purchasedTask 1..* MS and signedBy 0..1 MS and signAfterwards 0..1 MS
* input[purchasedTask] ^short = "A task the hired staff take on"
* input[purchasedTask].type = TaskParameterType#purchased-task
* input[purchasedTask].value[x] only string or CodeableConcept
* input[signedBy] ^short = "Who signed the written request (R-TK-1)"
* input[signedBy].type = TaskParameterType#signed-by
* input[signedBy].value[x] only Reference(PractitionerRole or Practitioner or Organization)
* input[signAfterwards] ^short = "True when the request is an exception signed afterwards so as not to delay care (R-TK-1)"
* input[signAfterwards].type = TaskParameterType#sign-afterwards
* input[signAfterwards].value[x] only boolean

// FHIRPath in invariants cannot use aliases: the service-purchase code system's URL is spelled out.
Invariant: vb-contract-parties
Description: "The agreement names its two parties: a purchaser and an executor (R-TK-3)."
Severity: #error
Expression: "term.offer.party.where(role.coding.where(system = 'http://vardbrygga.example/fhir/CodeSystem/service-purchase' and code = 'purchaser').exists()).exists() and term.offer.party.where(role.coding.where(system = 'http://vardbrygga.example/fhir/CodeSystem/service-purchase' and code = 'executor').exists()).exists()"

Invariant: vb-contract-executed-signed
Description: "An executed agreement is signed by its parties: at least two signers (R-CMP-5, R-TK-3)."
Severity: #error
Expression: "status = 'executed' implies signer.count() >= 2"

Profile: VbServicePurchaseContract
Parent: Contract
Id: vb-service-purchase-contract
Title: "Vårdbrygga service purchase contract"
Description: "The signed service-purchase agreement: the region whose agreement governs it, parties with organisation numbers (purchaser and executor), period, days and times, patient and tasks; no compensation without it (R-TK-2, R-TK-3, R-TK-4, R-CMP-5)."
* obeys vb-contract-parties and vb-contract-executed-signed
* extension contains
    VbRegion named region 1..1 MS and
    VbInvoiceMark named invoiceMark 0..* MS and
    VbSpecialistTreatmentResponsibility named specialistTreatmentResponsibility 0..1 MS
* extension[region] ^short = "The region whose agreement and rule set govern the purchase (R-TK-4)"
* extension[invoiceMark] ^short = "A mark the region requires on the invoice, e.g. ansvarsnummer or KST 80904 (R-TK-4)"
* extension[specialistTreatmentResponsibility] ^short = "Target group with specialist treatment responsibility: Gävleborg's 50 % share (R-TK-4, R-GV-1)"
* status 1..1 MS
* status ^short = "offered while unsigned | executed when both parties signed | terminated at discharge or termination"
* identifier MS
* applies 1..1 MS
* applies ^short = "Period of the agreement (part of the day or whole days)"
* applies.start 1..1 MS
* subject 1..1 MS
* subject only Reference(Patient)
* supportingInfo MS
* supportingInfo ^short = "The service-purchase request Task"
* signer MS
* signer.type MS
* signer.party MS
* signer.party only Reference(Organization)
* signer.party ^short = "A party (Organization with its organisation number)"
* signer.signature MS
* term 1..* MS
* term ^short = "The days and times (days-and-times) and each task the staff take on (purchased-task)"
* term.text MS
* term.text ^short = "Days and times, and the tasks the staff take on"
* term.type 1..1 MS
* term.type from ServicePurchaseVS (required)
* term.type ^short = "days-and-times | purchased-task"
* term.subType MS
* term.subType ^short = "part-of-day | whole-day (days-and-times); a purchased-task-kind code (purchased-task)"
* term.offer MS
* term.offer.party MS
* term.offer.party ^short = "The parties: one purchaser and one executor (R-TK-2, R-TK-3)"
* term.offer.party.reference MS
* term.offer.party.reference only Reference(Organization)
* term.offer.party.role MS
* term.offer.party.role from ServicePurchaseVS (required)
* term.offer.party.role ^short = "purchaser | executor"
* term.offer.text MS
* term.offer.text ^short = "The days and times, or the task, in words"

Invariant: vb-chargeitem-period-order
Description: "The reported interval ends after it starts (R-TK-4)."
Severity: #error
// A start and end whose order cannot be decided (different precision, e.g. 07:00 and the same day:
// the comparison is empty) are refused too, as by the core rule per-1; the server could not count
// the hours. Strictly after: an empty interval (start = end) passes per-1 but not this invariant.
Expression: "occurrence.ofType(Period).all(start.exists() and end.exists() implies start < end)"

Profile: VbReportedHoursChargeItem
Parent: ChargeItem
Id: vb-reported-hours-chargeitem
Title: "Vårdbrygga reported hours"
Description: "Hours the executor's staff worked under a signed service-purchase agreement, reported for one interval; the server prices them by the region's rule set (quantity, factorOverride, priceOverride, overrideReason). No compensation without the agreement (R-TK-4, R-CMP-5)."
* obeys vb-chargeitem-period-order
* identifier MS
* status MS
* code MS
* code = ServicePurchase#reported-hours
* subject MS
* subject only Reference(Patient)
* occurrence[x] 1..1 MS
* occurrence[x] only Period
* occurrence[x] ^short = "The interval the staff worked"
* occurrencePeriod.start 1..1 MS
* occurrencePeriod.end 1..1 MS
* performingOrganization 1..1 MS
* performingOrganization ^short = "The executor whose staff worked"
* requestingOrganization 1..1 MS
* requestingOrganization ^short = "The purchasing unit"
* supportingInformation 1..1 MS
* supportingInformation only Reference(Contract)
* supportingInformation ^short = "The service-purchase agreement the hours are reported against (R-CMP-5)"
* quantity MS
* quantity ^short = "Billable time in UCUM, set by the server: h (started hours) or min (exact minutes), as the region counts it"
* quantity.system = "http://unitsofmeasure.org"
* factorOverride MS
* factorOverride ^short = "The region's share, set by the server (R-TK-4)"
* priceOverride MS
* priceOverride ^short = "The price in SEK, set by the server (R-TK-4)"
* priceOverride.currency = #SEK
* overrideReason MS
* overrideReason ^short = "The rule and the rate used, set by the server (R-TK-4)"

Profile: VbServicePurchaseInvoice
Parent: Invoice
Id: vb-service-purchase-invoice
Title: "Vårdbrygga service purchase invoice"
Description: "The invoice of the reported hours of one period under a region's rule set, with the marks the region requires and its payment terms; or the repayment to the region when assistance compensation is granted afterwards (R-TK-4, R-PA-4)."
* extension contains
    VbRegion named region 1..1 MS and
    VbInvoiceMark named invoiceMark 0..* MS and
    VbDueDate named dueDate 0..1 MS and
    VbInvoicePeriod named period 1..1 MS
* extension[region] ^short = "The region whose rule set prices the hours (R-TK-4)"
* extension[invoiceMark] ^short = "A mark the region requires, e.g. ansvarsnummer or KST 80904 (R-TK-4)"
* extension[dueDate] ^short = "When the invoice is due (R-TK-4)"
* extension[period] ^short = "The period whose reported hours the invoice covers (R-TK-4)"
* identifier 1..* MS
* status MS
* type 1..1 MS
* type from ServicePurchaseVS (required)
* type ^short = "invoice | repayment (R-PA-4)"
* subject MS
* subject ^short = "The patient, when the invoice concerns one patient"
* recipient 1..1 MS
* recipient only Reference(Organization)
* recipient ^short = "The purchasing unit"
* issuer 1..1 MS
* issuer only Reference(Organization)
* issuer ^short = "The executor (of a repayment too, whose amounts are negative, R-PA-4)"
* date 1..1 MS
* lineItem 1..* MS
* lineItem.chargeItem[x] only Reference(ChargeItem)
* lineItem.chargeItem[x] ^short = "The reported hours (vb-reported-hours-chargeitem)"
* lineItem.priceComponent MS
* totalNet 1..1 MS
* totalNet.currency = #SEK
* totalGross MS
* totalGross.currency = #SEK
* paymentTerms MS
