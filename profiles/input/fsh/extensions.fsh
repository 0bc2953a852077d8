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
