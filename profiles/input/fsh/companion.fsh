// Companion needs (medföljare): CarePlan (category companion-need) + Task (code companion-request).

Profile: VbCompanionNeedCarePlan
Parent: CarePlan
Id: vb-companion-need-careplan
Title: "Vårdbrygga companion need"
Description: "A patient's need of a companion (or, for support-only, of specific help) at a planned outpatient, dental, emergency or inpatient contact, with the visit context in the extension vb-visit-context (R-CMP-1, R-CMP-2, R-CMP-3, R-CMP-4, R-CMP-5, R-CMP-6, R-CMP-7)."
* extension contains VbVisitContext named visitContext 1..1 MS
* status MS
* intent MS
* category 1..* MS
* insert SliceByPattern(category)
* category contains companionNeed 1..1 MS
* category[companionNeed] = CarePlanCategory#companion-need
* subject 1..1 MS
* subject only Reference(Patient)
* encounter MS
* period MS
* author MS
* description MS
* description ^short = "The support the patient needs (e.g. for a support notice to the clinic, R-CMP-3)"

Invariant: vb-cmp-reject
Description: "A rejected request gives the reason for the rejection in statusReason (R-CMP-7: the executor may decline, with a reason)."
Severity: #error
Expression: "status = 'rejected' implies statusReason.exists()"

Profile: VbCompanionRequestTask
Parent: Task
Id: vb-companion-request-task
Title: "Vårdbrygga companion request"
Description: "A request to the executor to provide a companion for a companion need; the executor accepts, or rejects with a reason (R-CMP-1, R-CMP-5, R-CMP-7)."
* obeys vb-cmp-reject
* insert VbTaskCommon
* code = TaskCode#companion-request
* focus 1..1 MS
* focus only Reference(CarePlan)
* focus ^short = "The companion need (vb-companion-need-careplan)"
* owner only Reference(Organization)
* owner ^short = "The executor: municipality, assistance company or private provider"
* requester 1..1 MS
* requester only Reference(Organization or PractitionerRole)
* statusReason ^short = "Reason for rejection (required when status = rejected)"
