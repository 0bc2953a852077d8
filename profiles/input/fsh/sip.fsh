// Coordinated individual plan (SIP).

Profile: VbSipCarePlan
Parent: CarePlan
Id: vb-sip-careplan
Title: "Vårdbrygga SIP"
Description: "A coordinated individual plan stating, per activity, which unit of which principal is responsible (R-HC-4, R-GV-3)."
* status MS
* intent MS
* category 1..* MS
* insert SliceByPattern(category)
* category contains sip 1..1 MS
* category[sip] = CarePlanCategory#sip
* subject 1..1 MS
* subject only Reference(Patient)
* period MS
* author MS
* activity 1..* MS
* activity.detail 1..1 MS
* activity.detail.status MS
* activity.detail.description MS
* activity.detail.performer 1..* MS
* activity.detail.performer ^short = "The responsible unit"

Profile: VbSipInvitationTask
Parent: Task
Id: vb-sip-invitation-task
Title: "Vårdbrygga SIP invitation"
Description: "An invitation to a SIP with a deadline that the server checks against the discharge-ready date (R-INFO-1)."
* insert VbTaskCommon
* code = TaskCode#sip-invitation
* focus 1..1 MS
* focus only Reference(CarePlan)
* focus ^short = "The SIP (vb-sip-careplan)"
* requester MS
* requester ^short = "The named care contact who invites"
* restriction 1..1 MS
* restriction.period 1..1 MS
* restriction.period.end 1..1 MS
* restriction.period.end ^short = "Deadline (at the latest the discharge-ready date, checked by the server)"
