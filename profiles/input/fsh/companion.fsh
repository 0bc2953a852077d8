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

Profile: VbSupportNoticeCommunication
Parent: Communication
Id: vb-support-notice-communication
Title: "Vårdbrygga support notice"
Description: "A notice to a clinic that the patient needs specific help during the visit although no companion comes (R-CMP-3), or one-way information to the emergency department (R-CMP-4, R-COM-2)."
* extension contains VbOneWay named oneWay 0..1 MS
* extension[oneWay] ^short = "True when the recipient cannot reply through the channel (emergency department, R-COM-2)"
* status MS
* category 1..* MS
* insert SliceByPattern(category)
* category contains supportNotice 1..1 MS
* category[supportNotice] = CommunicationCategory#support-notice
* subject 1..1 MS
* subject only Reference(Patient)
* basedOn MS
* basedOn ^short = "The companion need (vb-companion-need-careplan)"
* sent MS
* sender 1..1 MS
* sender only Reference(Organization or PractitionerRole)
* recipient 1..* MS
* recipient only Reference(Organization)
* recipient ^short = "The clinic or emergency department"
* payload 1..* MS
* payload.content[x] only string
* payload.content[x] MS
* payload.content[x] ^short = "The help the patient needs, or the information for the emergency department"
