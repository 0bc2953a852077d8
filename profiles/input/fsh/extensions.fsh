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
