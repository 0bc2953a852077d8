// Service purchase (tjänsteköp / personalköp): request Task + signed Contract.

Profile: VbServicePurchaseRequestTask
Parent: Task
Id: vb-service-purchase-request-task
Title: "Vårdbrygga service purchase request"
Description: "A ward's written request to buy the executor's staff for a patient, with the days and times, the deadline and the tasks (R-TK-1, R-CMP-7)."
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
* input 1..* MS
* input ^slicing.discriminator.type = #pattern
* input ^slicing.discriminator.path = "type"
* input ^slicing.rules = #open
* input contains purchasedTask 1..* MS
* input[purchasedTask] ^short = "A task the hired staff take on"
* input[purchasedTask].type = TaskParameterType#purchased-task
* input[purchasedTask].value[x] only string or CodeableConcept

Profile: VbServicePurchaseContract
Parent: Contract
Id: vb-service-purchase-contract
Title: "Vårdbrygga service purchase contract"
Description: "The signed service-purchase agreement: parties with organisation numbers, period, patient and tasks; no compensation without it (R-TK-3, R-CMP-5)."
* status MS
* identifier MS
* applies 1..1 MS
* applies ^short = "Period of the agreement (part of the day or whole days)"
* subject 1..1 MS
* subject only Reference(Patient)
* signer MS
* signer.type MS
* signer.party MS
* signer.party only Reference(Organization)
* signer.party ^short = "A party (Organization with its organisation number)"
* signer.signature MS
* term MS
* term.text MS
* term.text ^short = "Days and times, and the tasks the staff take on"
