// SBAR handover.

Invariant: vb-sbar-sections
Description: "An SBAR handover has exactly one payload for each section S, B, A and R (R-INFO-3, R-OUT-1)."
Severity: #error
Expression: "payload.where(extension('http://vardbrygga.example/fhir/StructureDefinition/vb-sbar-section').value.code = 'S').count() = 1 and payload.where(extension('http://vardbrygga.example/fhir/StructureDefinition/vb-sbar-section').value.code = 'B').count() = 1 and payload.where(extension('http://vardbrygga.example/fhir/StructureDefinition/vb-sbar-section').value.code = 'A').count() = 1 and payload.where(extension('http://vardbrygga.example/fhir/StructureDefinition/vb-sbar-section').value.code = 'R').count() = 1"

Profile: VbSbarCommunication
Parent: Communication
Id: vb-sbar-communication
Title: "Vårdbrygga SBAR handover"
Description: "A handover in the four SBAR sections about the order or Task it concerns, sent through the target system or, in an outage, by encrypted e-mail (R-INFO-3, R-OUT-1, R-COM-1, R-COM-2, R-COM-3)."
* obeys vb-sbar-sections
* status MS
* category 1..* MS
* insert SliceByPattern(category)
* category contains sbar 1..1 MS
* category[sbar] = CommunicationCategory#sbar-handover
* subject 1..1 MS
* subject only Reference(Patient)
* basedOn MS
* about MS
* sent MS
* sender 1..1 MS
* recipient 1..* MS
* payload 4..4 MS
* payload.extension contains VbSbarSection named section 1..1 MS
* payload.content[x] only string
* payload.content[x] MS
